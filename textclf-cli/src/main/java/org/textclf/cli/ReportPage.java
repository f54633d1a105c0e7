package org.textclf.cli;

import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.textclf.eval.Evaluation;
import org.textclf.eval.Scores;
import org.textclf.model.ModelInfo;
import org.textclf.train.EpochLogs;

/**
 * The report's {@code index.html}: one file with its images inlined as data URIs, no script, no external style.
 * Every string that comes from data or options (class names, paths, parameters) goes through {@link #escape}: a
 * class named {@code <script>} is text on the page, never markup.
 */
final class ReportPage {
    private static final String STYLE = "body{font-family:sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;"
            + "color:#222}table{border-collapse:collapse;margin:.5em 0 1.5em}th,td{border:1px solid #ccc;"
            + "padding:.25em .6em;text-align:left}td.n{text-align:right;font-variant-numeric:tabular-nums}"
            + "tr.best{background:#e6f4e6;font-weight:bold}img{max-width:100%;height:auto;display:block;"
            + "margin:.5em 0}p.note{color:#555}";

    private ReportPage() {
    }

    static String html(TrainingReport report, Map<String, byte[]> images) {
        StringBuilder page = new StringBuilder();
        String title = "textclf report: " + report.model();
        page.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escape(title)).append("</title>\n<style>").append(STYLE).append("</style>\n</head>\n<body>\n")
                .append("<h1>").append(escape(title)).append("</h1>\n");
        ModelInfo info = report.info();
        page.append("<p>").append(escape(info.model())).append(" model, ").append(report.classNames().size())
                .append(" classes, trained ").append(escape(info.created())).append(" by textclf ")
                .append(escape(info.textclfVersion())).append(".</p>\n");
        metrics(page, report, images);
        curves(page, report, images);
        provenance(page, info);
        return page.append("</body>\n</html>\n").toString();
    }

    private static void metrics(StringBuilder page, TrainingReport report, Map<String, byte[]> images) {
        page.append("<h2>Metrics</h2>\n");
        Evaluation e = report.evaluation();
        if (e == null) {
            page.append("<p class=\"note\">No test data, so no confusion matrix or per-class scores: train with"
                    + " --test DATA, or run textclf evaluate MODEL DATA --report DIR.</p>\n");
            return;
        }
        page.append("<p>On ").append(escape(report.evaluatedOn())).append(String.format(Locale.ROOT,
                ": %,d samples.</p>\n", e.samples()));
        page.append("<table>\n");
        row(page, "th", "Accuracy", fixed(e.accuracy()));
        row(page, "th", "Loss", fixed(e.loss()));
        row(page, "th", "Macro F1", fixed(e.macroAverage().f1()));
        row(page, "th", "Weighted F1", fixed(e.weightedAverage().f1()));
        page.append("</table>\n");
        page.append("<table>\n<tr><th>class</th><th>precision</th><th>recall</th><th>F1</th><th>support</th></tr>\n");
        List<Scores> scores = report.scores();
        for (int c = 0; c < scores.size(); c++) {
            scoreRow(page, report.classNames().get(c), scores.get(c));
        }
        scoreRow(page, "macro avg", e.macroAverage());
        scoreRow(page, "weighted avg", e.weightedAverage());
        page.append("</table>\n");
        image(page, images, TrainingReport.CONFUSION_MATRIX, "Confusion matrix");
        image(page, images, TrainingReport.CLASS_SCORES, "Precision, recall and F1 per class");
    }

    private static void curves(StringBuilder page, TrainingReport report, Map<String, byte[]> images) {
        page.append("<h2>Learning curves</h2>\n");
        if (report.history() == null || report.history().size() == 0) {
            page.append("<p class=\"note\">No learning curves: the model file keeps no training history; textclf"
                    + " train --report DIR draws them.</p>\n");
            return;
        }
        image(page, images, TrainingReport.LOSS, "Loss per epoch");
        image(page, images, TrainingReport.ACCURACY, "Accuracy per epoch");
        page.append("<h2>History</h2>\n<p>The best epoch, ").append(report.bestEpoch())
                .append(", is the one whose weights the model kept (highlighted).</p>\n<table>\n<tr><th>epoch</th>"
                + "<th>loss</th><th>accuracy</th><th>val_loss</th><th>val_accuracy</th><th>seconds</th></tr>\n");
        for (EpochLogs epoch : report.history().epochs()) {
            boolean best = epoch.epoch() == report.bestEpoch();
            page.append(best ? "<tr class=\"best\" title=\"best epoch\">" : "<tr>")
                    .append("<td class=\"n\">").append(epoch.epoch()).append(best ? " (best epoch)" : "")
                    .append("</td>").append(cell(epoch.training().loss())).append(cell(epoch.training().accuracy()))
                    .append(epoch.hasValidation() ? cell(epoch.validation().loss()) + cell(epoch.validation()
                            .accuracy()) : "<td></td><td></td>")
                    .append(String.format(Locale.ROOT, "<td class=\"n\">%.1f</td></tr>%n", epoch.seconds()));
        }
        page.append("</table>\n");
    }

    private static void provenance(StringBuilder page, ModelInfo info) {
        page.append("<h2>Provenance</h2>\n<table>\n");
        row(page, "th", "textclf", escape(info.textclfVersion()));
        row(page, "th", "Java", escape(info.javaVersion() == null ? "not recorded (a file from before textclf"
                + " recorded it)" : info.javaVersion()));
        row(page, "th", "created", escape(info.created()));
        row(page, "th", "branch", escape(info.model()));
        for (int c = 0; c < info.classNames().size(); c++) {
            row(page, "th", "class " + (c + 1), escape(info.classNames().get(c)) + " (label "
                    + escape(info.labels().get(c)) + ")");
        }
        page.append("</table>\n<h3>Options</h3>\n<table>\n");
        for (Map.Entry<String, Object> p : info.parameters().entrySet()) {
            row(page, "th", escape(p.getKey()), escape(String.valueOf(p.getValue())));
        }
        page.append("</table>\n<h3>Inputs</h3>\n<table>\n<tr><th>role</th><th>path</th><th>bytes</th>"
                + "<th>crc32c</th></tr>\n");
        for (ModelInfo.InputFile f : info.inputs()) {
            page.append("<tr><td>").append(escape(f.role())).append("</td><td>").append(escape(f.path()))
                    .append(String.format(Locale.ROOT, "</td><td class=\"n\">%,d</td><td>", f.bytes()))
                    .append(escape(f.crc32c())).append("</td></tr>\n");
        }
        page.append("</table>\n<h3>Recorded metrics</h3>\n<table>\n");
        for (Map.Entry<String, Double> m : info.metrics().entrySet()) {
            row(page, "th", escape(m.getKey()), number(m.getValue()));
        }
        page.append("</table>\n");
    }

    /** An image inlined as a data URI, with a link to the same PNG beside the page. */
    private static void image(StringBuilder page, Map<String, byte[]> images, String file, String alt) {
        page.append("<figure><img alt=\"").append(escape(alt)).append("\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(images.get(file))).append("\"><figcaption><a href=\"")
                .append(escape(file)).append("\">").append(escape(file)).append("</a></figcaption></figure>\n");
    }

    /** A row of a header and an already escaped value. */
    private static void row(StringBuilder page, String head, String name, String escapedValue) {
        page.append("<tr><").append(head).append('>').append(name).append("</").append(head).append("><td>")
                .append(escapedValue).append("</td></tr>\n");
    }

    private static void scoreRow(StringBuilder page, String name, Scores s) {
        page.append("<tr><td>").append(escape(name)).append("</td>").append(cell(s.precision()))
                .append(cell(s.recall())).append(cell(s.f1()))
                .append(String.format(Locale.ROOT, "<td class=\"n\">%,d</td></tr>%n", s.support()));
    }

    private static String cell(double value) {
        return "<td class=\"n\">" + fixed(value) + "</td>";
    }

    private static String fixed(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    /** A count (best_epoch, epochs) without decimals, other metrics with four. */
    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.format(Locale.ROOT, "%,d", (long) value)
                : fixed(value);
    }

    /** Text as HTML text or a quoted attribute value. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}

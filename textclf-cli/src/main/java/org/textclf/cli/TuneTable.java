package org.textclf.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.textclf.io.AtomicFiles;
import org.textclf.tune.TrialResult;
import org.textclf.tune.TuneMetric;
import org.textclf.tune.TuneResult;

/** {@code tune}'s trials as text: the line per trial while it runs, the table at the end, its CSV and JSON rows. */
final class TuneTable {
    private TuneTable() {
    }

    /** {@code trial 3 rung 0 (epochs 0-1 of 1): mlp --layers 2 ... -> val_accuracy 0.8712, best epoch 1}. */
    static String line(TrialResult r, TuneMetric metric) {
        return String.format(Locale.ROOT, "trial %d rung %d (epochs %d-%d of %d): %s -> %s %.4f, best epoch %d%s",
                r.trial(), r.rung(), r.fromEpoch(), r.epochs(), r.epochBudget(), describe(r), metric.key(),
                r.metric(), r.bestEpoch(), r.stoppedEarly() ? ", stopped early" : "");
    }

    /** What became of a trial: the best, in the last rung, or dropped by halving after a rung. */
    static String status(TrialResult r, TuneResult result) {
        if (r.trial() == result.best().trial()) {
            return "best";
        }
        int lastRung = result.trials().get(0).rung();
        return r.rung() == lastRung ? "last rung" : "halved after rung " + r.rung();
    }

    static String text(TuneResult result, TuneMetric metric) {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%5s  %-6s %4s %6s %4s %12s %8s %8s"
                + "  %-20s %s%n", "trial", "branch", "rung", "epochs", "best", metric.key(), "val_loss", "val_acc",
                "status", "options"));
        for (TrialResult r : result.trials()) {
            table.append(String.format(Locale.ROOT, "%5d  %-6s %4d %6d %4d %12.4f %8.4f %8.4f  %-20s %s%n",
                    r.trial(), r.branch(), r.rung(), r.epochs(), r.bestEpoch(), r.metric(), r.valLoss(),
                    r.valAccuracy(), status(r, result) + (r.stoppedEarly() ? "*" : ""), options(r)));
        }
        return table.append("* early stopping ended it before its rung's epochs\n").toString();
    }

    /** One trial's row for JSON (and the CSV's columns, in order). */
    static Map<String, Object> row(TrialResult r) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("trial", r.trial());
        row.put("branch", r.branch());
        row.put("rung", r.rung());
        row.put("epochs", r.epochs());
        row.put("best_epoch", r.bestEpoch());
        row.put("metric", finite(r.metric()));
        row.put("val_loss", finite(r.valLoss()));
        row.put("val_accuracy", finite(r.valAccuracy()));
        row.put("stopped_early", r.stoppedEarly());
        row.put("seconds", r.seconds());
        row.put("values", r.values());
        return row;
    }

    /** The table as CSV: a column per field and per option of any trial's branch, written atomically. */
    static void writeCsv(TuneResult result, Path file) throws IOException {
        java.util.Set<String> options = new java.util.LinkedHashSet<>();
        result.trials().forEach(r -> options.addAll(r.values().keySet()));
        AtomicFiles.write(file, stream -> {
            PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(stream, StandardCharsets.UTF_8));
            StringBuilder header = new StringBuilder("trial,branch,rung,epochs,best_epoch,metric,val_loss,"
                    + "val_accuracy,stopped_early,seconds,status");
            options.forEach(o -> header.append(',').append(o.replaceFirst("^--", "")));
            out.println(header);
            for (TrialResult r : result.trials()) {
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                        "%d,%s,%d,%d,%d,%s,%s,%s,%s,%.3f,%s", r.trial(), r.branch(), r.rung(), r.epochs(),
                        r.bestEpoch(), r.metric(), r.valLoss(), r.valAccuracy(), r.stoppedEarly(), r.seconds(),
                        status(r, result)));
                for (String o : options) {
                    String v = r.values().getOrDefault(o, "");
                    line.append(',').append(v.contains(",") ? "\"" + v + "\"" : v);
                }
                out.println(line);
            }
            out.flush();
        });
    }

    private static Object finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static String describe(TrialResult r) {
        return r.branch() + (r.values().isEmpty() ? "" : " " + options(r));
    }

    private static String options(TrialResult r) {
        StringBuilder s = new StringBuilder();
        r.values().forEach((o, v) -> s.append(s.length() == 0 ? "" : " ").append(o).append(' ').append(v));
        return s.toString();
    }
}

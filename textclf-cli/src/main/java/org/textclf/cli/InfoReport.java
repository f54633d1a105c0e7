package org.textclf.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.textclf.io.ModelFile;
import org.textclf.model.ModelInfo;
import org.textclf.model.ModelSummary;

/** {@code info}'s report for a person: one line per part, the inputs and sections one per line. */
final class InfoReport {

    private InfoReport() {
    }

    static String format(ModelSummary summary) {
        ModelInfo info = summary.info();
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%s: %s model, %d classes, %,d bytes (format version %d)%n",
                summary.path(), info.model(), info.labels().size(), summary.fileBytes(), summary.formatVersion()));
        List<String> classes = new ArrayList<>();
        for (int c = 0; c < info.labels().size(); c++) {
            String name = info.classNames().get(c);
            String label = info.labels().get(c);
            classes.add(name.equals(label) ? name : name + " (" + label + ")");
        }
        text.append("classes: ").append(String.join(", ", classes)).append('\n');
        text.append("vectorizer: ").append(settings(summary.vectorizer())).append('\n');
        text.append("network: ").append(settings(summary.network())).append('\n');
        if (!summary.training().isEmpty()) {
            text.append("training: ").append(settings(summary.training())).append('\n');
        }
        text.append(String.format(Locale.ROOT, "sizes: %,d features, %,d parameters%n", summary.features(),
                summary.parameters()));
        text.append("trained by textclf ").append(info.textclfVersion()).append(" on Java ")
                .append(info.javaVersion() == null ? "(not recorded)" : info.javaVersion()).append(", ")
                .append(info.created()).append('\n');
        if (!info.inputs().isEmpty()) {
            text.append("inputs:\n");
            for (ModelInfo.InputFile input : info.inputs()) {
                text.append(String.format(Locale.ROOT, "  %-10s %s  %,d bytes%s%n", input.role(), input.path(),
                        input.bytes(), input.crc32c().isEmpty() ? "" : "  crc32c " + input.crc32c()));
            }
        }
        if (!info.metrics().isEmpty()) {
            List<String> metrics = new ArrayList<>();
            info.metrics().forEach((name, value) -> metrics.add(name + " " + (value == Math.rint(value)
                    && Math.abs(value) < 1e15 ? String.valueOf(value.longValue())
                    : String.format(Locale.ROOT, "%.4f", value))));
            text.append("metrics: ").append(String.join(", ", metrics)).append('\n');
        }
        text.append("sections:\n");
        for (Map.Entry<String, Long> s : summary.sectionBytes().entrySet()) {
            text.append(section(s.getKey(), s.getValue(), summary.fileBytes()));
        }
        text.append(section("header and trailer", ModelFile.FRAME_BYTES, summary.fileBytes()));
        return text.toString();
    }

    private static String settings(Map<String, Object> settings) {
        List<String> parts = new ArrayList<>();
        settings.forEach((name, value) -> parts.add(name + " " + value));
        return parts.isEmpty() ? "(none)" : String.join(", ", parts);
    }

    private static String section(String name, long bytes, long total) {
        return String.format(Locale.ROOT, "  %-18s %,12d bytes %5.1f%%%n", name, bytes, 100.0 * bytes / total);
    }
}

package org.textclf.cli;

import java.util.List;
import java.util.Map;
import org.textclf.branch.Branches;
import org.textclf.explore.CorpusStats;
import org.textclf.explore.ModelChoice;
import org.textclf.explore.NgramCount;
import org.textclf.explore.SampleLengths;

/** {@code explore}'s report for a person: aligned columns, thousands separators, the recommendation first. */
final class ExploreReport {
    private static final String ROW = "  %-26s %12s%n";

    private ExploreReport() {
    }

    static String format(String source, CorpusStats stats) {
        StringBuilder out = new StringBuilder();
        out.append(source).append('\n').append('\n');
        ModelChoice choice = stats.modelChoice();
        out.append(String.format("Recommended model: %s%s%n", Branches.guideChoice(choice.family()).name(),
                choice.family() == ModelChoice.Family.NGRAM ? " (n-gram tf-idf + MLP)"
                : choice.useEmbeddings() ? " (sepCNN, pretrained embeddings)" : " (sepCNN, embeddings learned)"));
        out.append(wrap(choice.reason(), "  ", 100)).append('\n');

        out.append(String.format(ROW, "Samples", String.format("%,d", stats.samples())));
        out.append(String.format(ROW, "Median words per sample", number(stats.medianWordsPerSample())));
        out.append(String.format(ROW, "S/W ratio", String.format("%,.1f", stats.swRatio())));
        out.append(String.format(ROW, "Classes", String.format("%,d", stats.classes())));
        int nameWidth = 24;
        for (String name : stats.samplesPerClassByName().keySet()) {
            nameWidth = Math.max(nameWidth, name.length());
        }
        for (Map.Entry<String, Long> e : stats.samplesPerClassByName().entrySet()) {
            out.append(String.format("    %-" + nameWidth + "s %12s  %5.1f%%%n", e.getKey(),
                    String.format("%,d", e.getValue()), 100.0 * e.getValue() / stats.samples()));
        }
        if (stats.unlabeledSamples() > 0) {
            out.append(String.format(ROW, "Unlabeled samples", String.format("%,d", stats.unlabeledSamples())));
        }
        out.append('\n');

        SampleLengths l = stats.sampleLengths();
        out.append("Sample length in words").append(l.exact() ? "" : String.format(
                " (percentiles past %,d words are lower bounds)", l.capWords()))
                .append('\n');
        String[] heads = {"min", "p10", "p25", "median", "p75", "p90", "p99", "max", "mean"};
        String[] values = {number(l.minWords()), number(l.p10()), number(l.p25()), number(l.p50()),
                number(l.p75()), number(l.p90()), number(l.p99()), number(l.maxWords()), number(l.meanWords())};
        StringBuilder headLine = new StringBuilder(" ");
        StringBuilder valueLine = new StringBuilder(" ");
        for (int i = 0; i < heads.length; i++) {
            int width = Math.max(heads[i].length(), values[i].length()) + 2;
            headLine.append(String.format("%" + width + "s", heads[i]));
            valueLine.append(String.format("%" + width + "s", values[i]));
        }
        out.append(headLine).append('\n').append(valueLine).append('\n').append('\n');

        List<NgramCount> top = stats.topNgrams();
        if (!top.isEmpty()) {
            out.append(String.format("Top %d uni- and bigrams (%s counts, of %,d occurrences)%n", top.size(),
                    stats.topNgramsExact() ? "exact" : "approximate: upper-bound", stats.ngramOccurrences()));
            appendColumns(out, top);
        }
        return out.toString();
    }

    /** Two columns, ranked down the first then the second, so 50 n-grams fit in 25 lines. */
    private static void appendColumns(StringBuilder out, List<NgramCount> top) {
        int rows = (top.size() + 1) / 2;
        int ngramWidth = 4;
        int countWidth = 5;
        for (NgramCount n : top) {
            ngramWidth = Math.max(ngramWidth, n.ngram().length());
            countWidth = Math.max(countWidth, String.format("%,d", n.count()).length());
        }
        String cell = "%4d  %-" + ngramWidth + "s %" + countWidth + "s";
        for (int r = 0; r < rows; r++) {
            StringBuilder line = new StringBuilder(" ");
            for (int c = 0; c < 2; c++) {
                int i = c * rows + r;
                if (i < top.size()) {
                    line.append(c > 0 ? "    " : "").append(String.format(cell, i + 1, top.get(i).ngram(),
                            String.format("%,d", top.get(i).count())));
                }
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
    }

    /** Words of {@code text} on lines of at most {@code width} characters, each starting with {@code indent}. */
    static String wrap(String text, String indent, int width) {
        StringBuilder out = new StringBuilder();
        StringBuilder line = new StringBuilder(indent);
        for (String word : text.split(" ")) {
            if (line.length() > indent.length() && line.length() + 1 + word.length() > width) {
                out.append(line).append('\n');
                line.setLength(0);
                line.append(indent);
            }
            line.append(line.length() > indent.length() ? " " : "").append(word);
        }
        return out.append(line).append('\n').toString();
    }

    /** Whole numbers without decimals (most lengths), others with one, all with thousands separators. */
    static String number(double value) {
        return value == Math.rint(value) ? String.format("%,d", (long) value) : String.format("%,.1f", value);
    }
}

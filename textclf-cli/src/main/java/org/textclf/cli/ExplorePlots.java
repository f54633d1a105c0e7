package org.textclf.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.textclf.explore.CorpusStats;
import org.textclf.explore.LengthBucket;
import org.textclf.explore.NgramCount;

/**
 * {@code explore --plots DIR}: the guide's three exploration plots as PNGs, drawn off-screen with XChart in the
 * {@link Charts} style and written atomically.
 */
final class ExplorePlots {
    static final String CLASS_DISTRIBUTION = "class_distribution.png";
    static final String SAMPLE_LENGTH_DISTRIBUTION = "sample_length_distribution.png";
    static final String NGRAM_FREQUENCY = "ngram_frequency.png";
    static final List<String> FILES = List.of(CLASS_DISTRIBUTION, SAMPLE_LENGTH_DISTRIBUTION, NGRAM_FREQUENCY);

    private static final int WIDTH = 1200;
    private static final int HEIGHT = 700;

    private ExplorePlots() {
    }

    static void write(CorpusStats stats, Path dir) throws IOException {
        Files.createDirectories(dir);
        save(classDistribution(stats), dir.resolve(CLASS_DISTRIBUTION));
        save(sampleLengthDistribution(stats), dir.resolve(SAMPLE_LENGTH_DISTRIBUTION));
        save(ngramFrequency(stats), dir.resolve(NGRAM_FREQUENCY));
    }

    private static CategoryChart classDistribution(CorpusStats stats) {
        List<String> names = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        for (Map.Entry<String, Long> e : stats.samplesPerClassByName().entrySet()) {
            names.add(e.getKey());
            counts.add(e.getValue());
        }
        if (stats.unlabeledSamples() > 0) {
            names.add("(unlabeled)");
            counts.add(stats.unlabeledSamples());
        }
        CategoryChart chart = chart("Class distribution", "Class", "Number of samples");
        chart.getStyler().setXAxisLabelRotation(names.size() > 8 ? 90 : 0);
        // XChart puts only two ticks on the y axis of a balanced corpus unless it is given headroom.
        long most = 1;
        for (long n : counts) {
            most = Math.max(most, n);
        }
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(most * 1.1);
        chart.addSeries("samples", names, counts).setFillColor(Charts.BLUE);
        return chart;
    }

    private static CategoryChart sampleLengthDistribution(CorpusStats stats) {
        List<String> labels = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        for (LengthBucket b : stats.sampleLengths().histogram()) {
            labels.add(b.label());
            counts.add(b.samples());
        }
        CategoryChart chart = chart(String.format("Sample length distribution (median %s words)",
                ExploreReport.number(stats.medianWordsPerSample())), "Length of a sample (words)",
                "Number of samples");
        chart.getStyler().setXAxisLabelRotation(90);
        chart.getStyler().setAvailableSpaceFill(0.95);
        chart.addSeries("samples", labels, counts).setFillColor(Charts.BLUE);
        return chart;
    }

    private static CategoryChart ngramFrequency(CorpusStats stats) {
        List<String> ngrams = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        for (NgramCount n : stats.topNgrams()) {
            ngrams.add(n.ngram());
            counts.add(n.count());
        }
        if (ngrams.isEmpty()) {
            // XChart cannot draw an empty series; say so on the chart itself.
            ngrams.add("(no n-grams)");
            counts.add(0L);
        }
        CategoryChart chart = chart(String.format("Frequency distribution of the %d most frequent uni- and bigrams",
                stats.topNgrams().size()), "N-grams", "Frequencies");
        chart.getStyler().setXAxisLabelRotation(90);
        chart.addSeries("occurrences", ngrams, counts).setFillColor(Charts.BLUE);
        return chart;
    }

    private static CategoryChart chart(String title, String xTitle, String yTitle) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        Charts.style(chart.getStyler());
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setYAxisDecimalPattern("#,###");
        return chart;
    }

    private static void save(CategoryChart chart, Path target) throws IOException {
        Charts.save(Charts.png(chart), target);
    }
}

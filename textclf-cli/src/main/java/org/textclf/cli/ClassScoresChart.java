package org.textclf.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;
import org.textclf.eval.Scores;

/** Precision, recall and F1 of every class as grouped bars, so the class a model fails on stands out. */
final class ClassScoresChart {
    static final int HEIGHT = 600;
    private static final int MIN_WIDTH = 1000;
    private static final int PIXELS_PER_CLASS = 60;

    private ClassScoresChart() {
    }

    /** The PNG; {@code scores} in class order, one per name. */
    static byte[] png(List<String> names, List<Scores> scores) throws IOException {
        List<Double> precision = new ArrayList<>();
        List<Double> recall = new ArrayList<>();
        List<Double> f1 = new ArrayList<>();
        for (Scores s : scores) {
            precision.add(s.precision());
            recall.add(s.recall());
            f1.add(s.f1());
        }
        // Three bars per class stay wide enough to tell apart with many classes.
        int width = Math.max(MIN_WIDTH, 150 + PIXELS_PER_CLASS * names.size());
        CategoryChart chart = new CategoryChartBuilder().width(width).height(HEIGHT)
                .title("Precision, recall and F1 per class").xAxisTitle("Class").yAxisTitle("Score").build();
        Charts.style(chart.getStyler());
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(1.0);
        chart.getStyler().setYAxisDecimalPattern("0.0");
        chart.getStyler().setXAxisLabelRotation(longestName(names) * names.size() > width / 9 ? 90 : 0);
        chart.addSeries("precision", names, precision).setFillColor(Charts.BLUE);
        chart.addSeries("recall", names, recall).setFillColor(Charts.ORANGE);
        chart.addSeries("F1", names, f1).setFillColor(Charts.GREEN);
        return Charts.png(chart);
    }

    private static int longestName(List<String> names) {
        int longest = 0;
        for (String n : names) {
            longest = Math.max(longest, n.length());
        }
        return longest;
    }
}

package org.textclf.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.textclf.train.EpochLogs;
import org.textclf.train.History;
import org.textclf.train.Metric;

/**
 * A metric per epoch, training and validation, as Keras users plot {@code history.history}; the epoch whose weights
 * the model kept (early stopping's best) is marked, so a curve that went on improving after it is visible.
 */
final class LearningCurves {
    static final int WIDTH = 1000;
    static final int HEIGHT = 600;

    private LearningCurves() {
    }

    /** The PNG of {@code metric} (a training metric) and its validation twin, with {@code bestEpoch} marked. */
    static byte[] png(History history, int bestEpoch, Metric metric, Metric validation) throws IOException {
        List<EpochLogs> epochs = history.epochs();
        List<Integer> x = new ArrayList<>();
        List<Double> train = new ArrayList<>();
        List<Double> val = new ArrayList<>();
        for (EpochLogs e : epochs) {
            x.add(e.epoch());
            train.add(e.get(metric));
            val.add(e.hasValidation() ? e.get(validation) : Double.NaN);
        }
        boolean hasValidation = !epochs.isEmpty() && epochs.get(0).hasValidation();
        String name = metric == Metric.LOSS ? "Loss" : "Accuracy";
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(name + " per epoch")
                .xAxisTitle("Epoch").yAxisTitle(metric == Metric.LOSS ? "Cross-entropy loss" : name).build();
        Charts.style(chart.getStyler());
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setXAxisDecimalPattern("#");
        if (x.size() > 1) {
            // Whole epochs only: XChart would put ticks at 1.5, 2.5 for a short run. (One epoch: XChart's own
            // axis around the single value; a range or a hint here would leave it without a tick.)
            chart.getStyler().setXAxisTickMarkSpacingHint(Math.max(40, (WIDTH - 150) / x.size()));
            chart.getStyler().setXAxisMin(0.5);
            chart.getStyler().setXAxisMax(x.size() + 0.5);
        }
        chart.getStyler().setYAxisDecimalPattern("0.00");
        line(chart.addSeries("training", x, train), Charts.BLUE);
        if (hasValidation) {
            line(chart.addSeries("validation", x, val), Charts.ORANGE);
        }
        if (bestEpoch > 0 && bestEpoch <= epochs.size()) {
            EpochLogs best = epochs.get(bestEpoch - 1);
            Metric monitored = hasValidation ? validation : metric;
            double y = best.get(monitored);
            // A vertical line drawn as a series, not an XChart AnnotationLine: that one lands off the epoch when
            // the run has a single epoch. The diamond alone would hide behind the curve's own point.
            XYSeries mark = chart.addSeries(String.format("best epoch %d (kept): %s %.4f", bestEpoch,
                    monitored.key(), y), List.of(bestEpoch, bestEpoch), span(train, val));
            mark.setLineColor(Charts.GREEN);
            mark.setMarker(SeriesMarkers.NONE);
            mark.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10,
                    new float[] {6, 4}, 0));
            XYSeries point = chart.addSeries("best", List.of(bestEpoch), List.of(y));
            point.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            point.setMarker(SeriesMarkers.DIAMOND);
            point.setMarkerColor(Charts.GREEN);
            point.setShowInLegend(false);
        }
        return Charts.png(chart);
    }

    /** The lowest and highest value plotted, NaN (a diverged epoch) aside: where the best-epoch line runs. */
    private static List<Double> span(List<Double> train, List<Double> val) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (List<Double> values : List.of(train, val)) {
            for (double v : values) {
                if (!Double.isNaN(v)) {
                    low = Math.min(low, v);
                    high = Math.max(high, v);
                }
            }
        }
        return List.of(low, high);
    }

    private static void line(XYSeries series, Color color) {
        series.setLineColor(color);
        series.setMarkerColor(color);
        series.setMarker(SeriesMarkers.CIRCLE);
        series.setLineStyle(new BasicStroke(2.5f));
    }
}

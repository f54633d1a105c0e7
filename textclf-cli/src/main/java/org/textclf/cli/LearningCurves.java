package org.textclf.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.AnnotationLine;
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
        // Whole epochs only: XChart would put ticks at 1.5, 2.5 for a short run.
        chart.getStyler().setXAxisTickMarkSpacingHint(Math.max(40, (WIDTH - 150) / Math.max(1, x.size())));
        chart.getStyler().setXAxisMin(0.5);
        chart.getStyler().setXAxisMax(x.size() + 0.5);
        chart.getStyler().setYAxisDecimalPattern("0.00");
        line(chart.addSeries("training", x, train), Charts.BLUE);
        if (hasValidation) {
            line(chart.addSeries("validation", x, val), Charts.ORANGE);
        }
        if (bestEpoch > 0 && bestEpoch <= epochs.size()) {
            EpochLogs best = epochs.get(bestEpoch - 1);
            double y = hasValidation ? best.get(validation) : best.get(metric);
            XYSeries mark = chart.addSeries(String.format("best epoch %d (kept): %s %.4f", bestEpoch,
                    hasValidation ? validation.key() : metric.key(), y), List.of(bestEpoch), List.of(y));
            mark.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            mark.setMarker(SeriesMarkers.DIAMOND);
            mark.setMarkerColor(Charts.GREEN);
            // A vertical line too: the marker alone hides behind the validation curve's own point.
            chart.addAnnotation(new AnnotationLine(bestEpoch, true, false));
            chart.getStyler().setAnnotationLineColor(Charts.GREEN);
            chart.getStyler().setAnnotationLineStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0));
        }
        return Charts.png(chart);
    }

    private static void line(XYSeries series, Color color) {
        series.setLineColor(color);
        series.setMarkerColor(color);
        series.setMarker(SeriesMarkers.CIRCLE);
        series.setLineStyle(new BasicStroke(2.5f));
    }
}

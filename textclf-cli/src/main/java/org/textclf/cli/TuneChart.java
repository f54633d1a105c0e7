package org.textclf.cli;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.textclf.tune.TrialResult;
import org.textclf.tune.TuneMetric;
import org.textclf.tune.TuneResult;

/**
 * {@code tune}'s PNG: the metric of every trial (by the rung it reached), and below it the metric of rung 0, where
 * every trial trained the same epochs, against the two options that moved it most (the widest spread between the
 * mean metric of their values; a range's values in thirds).
 */
final class TuneChart {
    static final int WIDTH = 1000;
    static final int HEIGHT = 420;
    private static final Color[] RUNGS = {new Color(0x999999), Charts.BLUE, Charts.ORANGE, new Color(0x9467bd),
        new Color(0x8c564b)};

    private TuneChart() {
    }

    static byte[] png(TuneResult result, TuneMetric metric) throws IOException {
        List<BufferedImage> below = new ArrayList<>();
        List<TrialResult> first = result.rungs().stream().filter(r -> r.rung() == 0).toList();
        for (String option : decisive(first, 2)) {
            below.add(BitmapEncoder.getBufferedImage(byOption(first, option, metric)));
        }
        BufferedImage top = BitmapEncoder.getBufferedImage(byTrial(result, metric));
        int height = HEIGHT + (below.isEmpty() ? 0 : HEIGHT);
        BufferedImage all = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = all.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, height);
        g.drawImage(top, 0, 0, null);
        for (int i = 0; i < below.size(); i++) {
            g.drawImage(below.get(i), i * WIDTH / 2, HEIGHT, null);
        }
        g.dispose();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(all, "png", bytes);
        return bytes.toByteArray();
    }

    private static XYChart byTrial(TuneResult result, TuneMetric metric) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(metric.key() + " by trial (its last"
                + " rung)").xAxisTitle("Trial").yAxisTitle(metric.key()).build();
        style(chart);
        Map<Integer, List<TrialResult>> byRung = new LinkedHashMap<>();
        result.trials().stream().sorted(Comparator.comparingInt(TrialResult::rung))
                .forEach(r -> byRung.computeIfAbsent(r.rung(), k -> new ArrayList<>()).add(r));
        byRung.forEach((rung, rs) -> {
            XYSeries s = chart.addSeries("reached rung " + rung, rs.stream().map(TrialResult::trial).toList(),
                    rs.stream().map(r -> finite(r.metric())).toList());
            s.setMarkerColor(RUNGS[Math.min(rung, RUNGS.length - 1)]);
        });
        XYSeries best = chart.addSeries(String.format("best: trial %d, %.4f", result.best().trial(),
                result.best().metric()), List.of(result.best().trial()), List.of(finite(result.best().metric())));
        best.setMarker(SeriesMarkers.DIAMOND);
        best.setMarkerColor(Charts.GREEN);
        chart.getStyler().setXAxisDecimalPattern("#");
        return chart;
    }

    private static XYChart byOption(List<TrialResult> first, String option, TuneMetric metric) {
        XYChart chart = new XYChartBuilder().width(WIDTH / 2).height(HEIGHT).title(option)
                .xAxisTitle(option).yAxisTitle(metric.key() + " after rung 0").build();
        style(chart);
        List<String> values = distinct(first, option);
        boolean numeric = values.stream().allMatch(TuneChart::isNumber);
        boolean range = numeric;
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (TrialResult r : first) {
            String v = r.values().get(option);
            if (v != null) {
                x.add(range ? Double.parseDouble(v) : values.indexOf(v));
                y.add(finite(r.metric()));
            }
        }
        if (range) {
            double min = x.stream().mapToDouble(Double::doubleValue).min().orElse(1);
            double max = x.stream().mapToDouble(Double::doubleValue).max().orElse(1);
            chart.getStyler().setXAxisLogarithmic(min > 0 && max / min > 10);
        } else {
            // Values that are not numbers (1,2 or all) are plotted at their index, named in the axis title: XChart's
            // own tick labels cannot name them (its label callback looped forever on such an axis).
            StringBuilder names = new StringBuilder();
            for (int i = 0; i < values.size(); i++) {
                names.append(i == 0 ? "" : ", ").append(i).append(" = ").append(values.get(i));
            }
            chart.setXAxisTitle(option + " (" + names + ")");
            chart.getStyler().setXAxisDecimalPattern("#");
        }
        XYSeries s = chart.addSeries("trials", x, y);
        s.setMarkerColor(Charts.BLUE);
        return chart;
    }

    /** The options whose values' mean metric (rung 0) spread the most, most decisive first. */
    static List<String> decisive(List<TrialResult> first, int count) {
        Map<String, Double> spread = new LinkedHashMap<>();
        for (TrialResult r : first) {
            for (String option : r.values().keySet()) {
                spread.computeIfAbsent(option, o -> spread(first, o));
            }
        }
        return spread.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(count)
                .map(Map.Entry::getKey).toList();
    }

    private static double spread(List<TrialResult> first, String option) {
        List<String> values = distinct(first, option);
        boolean range = values.size() > 6 && values.stream().allMatch(TuneChart::isNumber);
        Map<Integer, double[]> groups = new LinkedHashMap<>();
        for (TrialResult r : first) {
            String v = r.values().get(option);
            if (v == null || !Double.isFinite(r.metric())) {
                continue;
            }
            int group = range ? Math.min(2, values.indexOf(v) * 3 / values.size()) : values.indexOf(v);
            double[] sum = groups.computeIfAbsent(group, g -> new double[2]);
            sum[0] += r.metric();
            sum[1]++;
        }
        if (groups.size() < 2) {
            return 0;
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] sum : groups.values()) {
            min = Math.min(min, sum[0] / sum[1]);
            max = Math.max(max, sum[0] / sum[1]);
        }
        return max - min;
    }

    /** The values {@code option} took, in numeric order when they are numbers. */
    private static List<String> distinct(List<TrialResult> results, String option) {
        TreeSet<String> values = new TreeSet<>((a, b) -> isNumber(a) && isNumber(b)
                ? Double.compare(Double.parseDouble(a), Double.parseDouble(b)) : a.compareTo(b));
        for (TrialResult r : results) {
            if (r.values().containsKey(option)) {
                values.add(r.values().get(option));
            }
        }
        return new ArrayList<>(values);
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static void style(XYChart chart) {
        Charts.style(chart.getStyler());
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        chart.getStyler().setYAxisDecimalPattern("0.000");
        chart.getStyler().setMarkerSize(9);
    }

    /** XChart draws no NaN: a diverged trial is left out of the plot, not of the table. */
    private static double finite(double v) {
        return Double.isFinite(v) ? v : 0;
    }
}

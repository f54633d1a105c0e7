package org.textclf.cli;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.textclf.io.AtomicFiles;

/**
 * The look every chart the CLI draws shares ({@code explore --plots}, {@code --report}): white, sans-serif titles
 * and ticks large enough to read in a mail, PNG only (XChart's bitmap encoder; its vector formats are not shipped).
 */
final class Charts {
    static final Color BLUE = new Color(0x1f77b4); // matplotlib's default cycle, as in the guide's plots
    static final Color ORANGE = new Color(0xff7f0e);
    static final Color GREEN = new Color(0x2ca02c);
    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 18);
    static final Font AXIS_TITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    static final Font TICKS = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    private Charts() {
    }

    static void style(AxesChartStyler styler) {
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setChartTitleFont(TITLE);
        styler.setAxisTitleFont(AXIS_TITLE);
        styler.setAxisTickLabelsFont(TICKS);
        styler.setLegendFont(TICKS);
        styler.setPlotGridVerticalLinesVisible(false);
    }

    static byte[] png(Chart<?, ?> chart) throws IOException {
        return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    }

    /** Writes {@code bytes} atomically ({@code io.AtomicFiles}): a reader never sees half a PNG. */
    static void save(byte[] bytes, Path target) throws IOException {
        AtomicFiles.write(target, out -> out.write(bytes));
    }
}

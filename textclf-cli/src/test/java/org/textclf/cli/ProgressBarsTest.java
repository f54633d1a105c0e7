package org.textclf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressBarsTest {
    private final StringWriter terminal = new StringWriter();
    private long nanos;

    private ProgressBars bars(Stderr level) {
        return new ProgressBars(new PrintWriter(terminal), level, () -> nanos);
    }

    private void seconds(double s) {
        nanos += (long) (s * 1e9);
    }

    /** What the terminal shows: of each line, what the last carriage return left. */
    private List<String> screen() {
        return Arrays.stream(terminal.toString().split("\n"))
                .map(l -> l.substring(l.lastIndexOf('\r') + 1).stripTrailing()).toList();
    }

    @Test
    void pass_knownTotal_showsRateAndEta_endsAt100WithTheTimeTaken() {
        ProgressBars bars = bars(Stderr.ALL);
        bars.begin("caching examples", 1000, "samples");
        seconds(1);
        bars.advance(250, "");
        String drawn = terminal.toString();
        assertThat(drawn.substring(drawn.lastIndexOf('\r') + 1)).isEqualTo("caching examples  25% [=====>"
                + ".".repeat(14) + "] 250/1,000 samples - 250 samples/s - ETA 3.0s");
        seconds(1);
        bars.advance(1000, "");
        bars.end(null);
        assertThat(screen()).containsExactly("caching examples 100% [" + "=".repeat(ProgressBars.BAR_CHARS) + "] 1,000/1,000 samples"
                + " - 500 samples/s - 2.0s");
    }

    @Test
    void pass_unknownTotal_endsAt100OfWhatItDid() {
        ProgressBars bars = bars(Stderr.ALL);
        bars.begin("fit pass 1", -1, "samples");
        seconds(2);
        bars.advance(600, "");
        assertThat(terminal.toString()).endsWith("fit pass 1 600 samples - 300 samples/s");
        bars.end(null);
        assertThat(screen()).containsExactly("fit pass 1 100% [" + "=".repeat(ProgressBars.BAR_CHARS) + "] 600/600 samples - 300"
                + " samples/s - 2.0s");
    }

    @Test
    void pass_bytes_inMiB() {
        ProgressBars bars = bars(Stderr.ALL);
        bars.begin("fit pass 1", 4 << 20, "bytes");
        seconds(1);
        bars.advance(1 << 20, "");
        assertThat(terminal.toString()).endsWith("fit pass 1  25% [=====>" + ".".repeat(14) + "] 1.0/4.0 MiB - 1.0"
                + " MiB/s - ETA 3.0s");
    }

    @Test
    void logLineDuringABar_onItsOwnLine_barRedrawnBelow() {
        ProgressBars bars = bars(Stderr.ALL);
        bars.begin("caching examples", 100, "samples");
        seconds(1);
        bars.advance(50, "");
        bars.line("cached 20 validation examples");
        seconds(1);
        bars.advance(100, "");
        bars.end("cached 100 examples");
        assertThat(screen()).containsExactly("cached 20 validation examples", "cached 100 examples");
        assertThat(terminal.toString().split("\n")[0]).contains("50/100 samples").endsWith("\r"
                + "cached 20 validation examples");
    }

    @Test
    void epoch_barReplacedByItsLine_noDuplicate() {
        ProgressBars bars = bars(Stderr.ALL);
        bars.begin("Epoch 1/10", 75, "batches");
        seconds(1);
        bars.advance(75, "loss: 0.5000 - accuracy: 0.8000");
        bars.end("Epoch 1/10 - 1s - loss: 0.5000");
        assertThat(screen()).containsExactly("Epoch 1/10 - 1s - loss: 0.5000");
        assertThat(terminal.toString()).contains("75/75 batches - 75 batches/s - ETA 0.0s - loss: 0.5000 -"
                + " accuracy: 0.8000");
    }

    @Test
    void quiet_nothing_verbose0_onlyWarnings() {
        ProgressBars quiet = bars(Stderr.ERRORS);
        quiet.begin("x", 1, "samples");
        quiet.line("a line");
        quiet.warning("a warning");
        quiet.end("done");
        assertThat(terminal.toString()).isEmpty();
        ProgressBars silent = bars(Stderr.WARNINGS);
        silent.line("a line");
        silent.warning("a corrupt cache");
        assertThat(screen()).containsExactly("warning: a corrupt cache");
    }

    @Test
    void duration_formats() {
        assertThat(ProgressBars.duration(0.44)).isEqualTo("0.4s");
        assertThat(ProgressBars.duration(12.2)).isEqualTo("12s");
        assertThat(ProgressBars.duration(185)).isEqualTo("3:05");
        assertThat(ProgressBars.duration(3723)).isEqualTo("1:02:03");
    }
}

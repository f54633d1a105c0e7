package org.textclf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressBarsTest {
    private static final int WIDTH = 120;
    /** The bar's elapsed and remaining time, as the library shows them. */
    private static final String TIMES = "\\(\\d+:\\d\\d:\\d\\d / \\d+:\\d\\d:\\d\\d\\)";

    private final StringWriter terminal = new StringWriter();

    private ProgressBars bars(Stderr level) {
        return new ProgressBars(new PrintWriter(terminal), level, WIDTH);
    }

    /** What the terminal shows: of each line, what the last carriage return left. */
    private List<String> screen() {
        return Arrays.stream(terminal.toString().split("\n"))
                .map(l -> l.substring(l.lastIndexOf('\r') + 1).stripTrailing()).toList();
    }

    /** The bar on the last line, once the library's timer has drawn one that matches {@code regex}. */
    private String drawn(String regex) throws InterruptedException {
        for (int i = 0; i < 200 && !lastLine().matches(regex); i++) {
            Thread.sleep(10);
        }
        return lastLine();
    }

    private String lastLine() {
        String all;
        synchronized (terminal.getBuffer()) {
            all = terminal.toString();
        }
        String line = all.substring(all.lastIndexOf('\n') + 1);
        return line.substring(line.lastIndexOf('\r') + 1);
    }

    @Test
    void pass_knownTotal_showsRateAndEta_fitsTheWidth_endsAt100WithARate() throws InterruptedException {
        ProgressBars bars = bars(Stderr.ALL);
        bars.begin("caching examples", 1000, "samples");
        bars.advance(250, "");
        String bar = "caching examples  25% \\[=+>\\.+\\] +250/1000 " + TIMES + " [\\d,]+ samples/s";
        assertThat(drawn(bar)).hasSize(WIDTH).matches(bar);
        bars.advance(1000, "");
        bars.end(null);
        // a pass under a second still ends with its rate: the library's own divides by whole seconds
        assertThat(screen()).singleElement().asString().matches("caching examples 100% \\[=+\\] +1000/1000 "
                + TIMES + " [\\d,]+ samples/s");
    }

    @Test
    void pass_unknownTotal_endsAt100OfWhatItDid() {
        ProgressBars bars = bars(Stderr.ALL);
        bars.begin("fit pass 1", -1, "samples");
        bars.advance(600, "");
        bars.end(null);
        assertThat(screen()).singleElement().asString().matches("fit pass 1 100% \\[=+\\] +600/600 " + TIMES
                + " [\\d,]+ samples/s");
    }

    @Test
    void pass_bytes_inKiBOrMiB() throws InterruptedException {
        ProgressBars bars = bars(Stderr.ALL);
        bars.begin("fit pass 1", 4 << 20, "bytes");
        bars.advance(1 << 20, "");
        String kib = "fit pass 1  25% \\[=+>\\.+\\] +1024/4096 " + TIMES + " [\\d,.]+ KiB/s";
        assertThat(drawn(kib)).matches(kib);
        bars.end(null);
        bars.begin("fit pass 1", 64L << 20, "bytes");
        bars.advance(16L << 20, "");
        String mib = "fit pass 1  25% \\[=+>\\.+\\] +16/64 " + TIMES + " [\\d,.]+ MiB/s";
        assertThat(drawn(mib)).matches(mib);
        bars.end(null);
    }

    @Test
    void logLineFromAnotherThreadDuringABar_onItsOwnLine_barRedrawnBelow() throws InterruptedException {
        ProgressBars bars = bars(Stderr.ALL);
        bars.begin("caching examples", 100, "samples");
        bars.advance(50, "");
        drawn(".*50/100 .*");
        Thread other = new Thread(() -> bars.line("cached 20 validation examples"));
        other.start();
        other.join();
        assertThat(terminal.toString().split("\n")[0]).contains("50/100 ").endsWith("\r"
                + "cached 20 validation examples");
        assertThat(lastLine()).startsWith("caching examples  50% [").contains("50/100 ");
        bars.advance(100, "");
        bars.end("cached 100 examples");
        assertThat(screen()).containsExactly("cached 20 validation examples", "cached 100 examples");
    }

    @Test
    void epoch_barReplacedByItsLine_noDuplicate() {
        ProgressBars bars = bars(Stderr.ALL);
        bars.begin("Epoch 1/10", 75, "batches");
        bars.advance(75, "loss: 0.5000 - accuracy: 0.8000");
        bars.end("Epoch 1/10 - 1s - loss: 0.5000");
        assertThat(screen()).containsExactly("Epoch 1/10 - 1s - loss: 0.5000");
        assertThat(terminal.toString()).containsPattern("75/75 " + TIMES + " [\\d,]+ batches/s - loss: 0.5000"
                + " - accuracy: 0.8000");
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
        silent.begin("x", 1, "samples");
        silent.line("a line");
        silent.warning("a corrupt cache");
        silent.end(null);
        assertThat(screen()).containsExactly("warning: a corrupt cache");
    }
}

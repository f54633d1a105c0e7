package org.textclf.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.textclf.data.MemorySource;
import org.textclf.data.SampleReader;
import org.textclf.data.SampleSource;

class PassProgressTest {

    private static String twoPasses(int verbose) throws IOException {
        StringWriter log = new StringWriter();
        SampleSource watched = PassProgress.of(new PrintWriter(log, true), verbose)
                .watch(MemorySource.numbered(1000, i -> "a"), "fit");
        for (int pass = 0; pass < 2; pass++) {
            try (SampleReader r = watched.open()) {
                while (r.next() != null) {
                    // read it all
                }
            }
        }
        return log.toString();
    }

    @Test
    void watch_verbose1_aBarPerPassWithTheFirstPassCountAsTheSecondsTotal() throws IOException {
        String log = twoPasses(1);
        assertThat(log).contains("fit pass 1", "1000/? samples", "fit pass 2", "1000/1000 samples");
    }

    @Test
    void watch_verbose0And2_noBar() throws IOException {
        assertThat(twoPasses(0)).isEmpty();
        assertThat(twoPasses(2)).isEmpty();
    }

    @Test
    void warn_verbose0_stillPrinted() {
        StringWriter log = new StringWriter();
        PassProgress progress = PassProgress.of(new PrintWriter(log, true), 0);
        progress.line("not at 0");
        progress.warn("a corrupt cache");
        assertThat(log.toString()).isEqualTo("warning: a corrupt cache" + System.lineSeparator());
    }
}

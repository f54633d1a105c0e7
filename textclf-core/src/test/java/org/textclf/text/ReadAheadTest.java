package org.textclf.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.textclf.data.BadRecordException;
import org.textclf.data.MemorySource;
import org.textclf.data.Sample;
import org.textclf.data.SampleReader;

class ReadAheadTest {
    /** More samples than the queue and the two chunks in hand hold, so that the reader must wait for room. */
    private static final int MANY = ReadAhead.CHUNK * (ReadAhead.QUEUE + 3) + 17;

    /** The read-ahead threads alive now; each test expects none once its pass is closed. */
    static List<String> readAheadThreads() {
        List<String> names = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.isAlive() && t.getName().startsWith(ReadAhead.THREAD_PREFIX)) {
                names.add(t.getName());
            }
        }
        return names;
    }

    @Test
    void next_wholeSource_givesEverySampleInOrderThenNullAndStats() throws IOException {
        MemorySource source = MemorySource.numbered(MANY, i -> "1");
        List<Sample> read = new ArrayList<>();
        try (SampleReader reader = ReadAhead.open(source)) {
            for (Sample s = reader.next(); s != null; s = reader.next()) {
                read.add(s);
            }
            assertThat(reader.next()).isNull();
            assertThat(reader.stats().read()).isEqualTo(MANY);
        }
        assertThat(read).isEqualTo(source.samples());
        assertThat(readAheadThreads()).isEmpty();
    }

    @Test
    void next_emptySource_givesNull() throws IOException {
        try (SampleReader reader = ReadAhead.open(MemorySource.of(List.of()))) {
            assertThat(reader.next()).isNull();
        }
        assertThat(readAheadThreads()).isEmpty();
    }

    @Test
    void next_badRecordMidway_givesSamplesBeforeItThenThrowsItWithFileAndLine() throws IOException {
        MemorySource source = MemorySource.numbered(MANY, i -> "1").failingAt(600);
        int read = 0;
        try (SampleReader reader = ReadAhead.open(source)) {
            for (; read < 600; read++) {
                assertThat(reader.next()).isEqualTo(source.samples().get(read));
            }
            assertThatThrownBy(reader::next).isInstanceOf(BadRecordException.class)
                    .hasMessage("list.csv:601: unclosed quote");
        }
        assertThat(readAheadThreads()).isEmpty();
    }

    @Test
    void close_beforeTheEnd_stopsTheReaderThread() throws IOException {
        MemorySource source = MemorySource.numbered(MANY * 10, i -> "1");
        try (SampleReader reader = ReadAhead.open(source)) {
            assertThat(reader.next()).isEqualTo(source.samples().get(0));
            assertThat(readAheadThreads()).hasSize(1);
        }
        assertThat(readAheadThreads()).isEmpty();
    }
}

package org.textclf.io;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

class FailuresTest {

    @Test
    void rethrow_keepsWhatTheOtherThreadThrew_anErrorStaysAnError() {
        IOException io = new IOException("train.csv:3: unclosed quote");
        OutOfMemoryError oom = new OutOfMemoryError("Java heap space");

        assertThatThrownBy(() -> Failures.rethrow(io)).isSameAs(io);
        assertThatThrownBy(() -> Failures.rethrow(new UncheckedIOException(io))).isSameAs(io);
        assertThatThrownBy(() -> Failures.rethrow(oom)).isSameAs(oom);
        assertThatThrownBy(() -> Failures.rethrow(new Exception("checked"))).isInstanceOf(IOException.class)
                .hasMessageContaining("checked");
    }
}

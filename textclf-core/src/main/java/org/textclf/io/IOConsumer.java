package org.textclf.io;

import java.io.IOException;

/**
 * A consumer that may throw {@link IOException}: the body of a write, e.g. {@code out -> out.write(bytes)}.
 *
 * @param <T> what is consumed, usually an output stream
 */
@FunctionalInterface
public interface IOConsumer<T> {
    void accept(T value) throws IOException;
}

package org.textclf.spark.fit;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Serializable;

/**
 * A value of core's (a vocabulary, a vectorizer, a model) in its own binary format, for a Spark broadcast or a task
 * result: the bytes travel, and the value is decoded once per JVM that holds this object (a broadcast's value is one
 * object per executor, so every task there shares the decoded value). Core's types are not {@link Serializable} and
 * need not be: their {@code write}/{@code read} formats are checked and stable.
 *
 * @param <T> the decoded type
 */
final class Shared<T> implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Reads a value from its bytes; serializable, so that it travels with them. */
    interface Decoder<T> extends Serializable {
        T read(DataInputStream in) throws IOException;
    }

    /** Writes a value to bytes. */
    interface Encoder<T> {
        void write(T value, DataOutputStream out) throws IOException;
    }

    private final byte[] bytes;
    private final Decoder<T> decoder;
    private transient volatile T value;

    private Shared(byte[] bytes, Decoder<T> decoder, T value) {
        this.bytes = bytes;
        this.decoder = decoder;
        this.value = value;
    }

    static <T> Shared<T> of(T value, Encoder<T> encoder, Decoder<T> decoder) throws IOException {
        return new Shared<>(bytes(value, encoder), decoder, value);
    }

    static <T> byte[] bytes(T value, Encoder<T> encoder) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DataOutputStream data = new DataOutputStream(out)) {
            encoder.write(value, data);
        }
        return out.toByteArray();
    }

    static <T> T decode(byte[] bytes, Decoder<T> decoder) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            return decoder.read(in);
        }
    }

    /** The value, decoded on first use in this JVM. */
    T get() throws IOException {
        T v = value;
        if (v == null) {
            synchronized (this) {
                v = value;
                if (v == null) {
                    v = decode(bytes, decoder);
                    value = v;
                }
            }
        }
        return v;
    }

    int size() {
        return bytes.length;
    }
}

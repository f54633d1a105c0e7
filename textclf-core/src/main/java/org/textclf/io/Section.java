package org.textclf.io;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One named part of a model file, e.g. {@code "metadata"}, {@code "vectorizer"}, {@code "network"}. The payload is
 * not copied (sections hold megabytes of weights), so do not change the array after handing it over.
 *
 * @param name 1 to {@value #MAX_NAME_BYTES} bytes of UTF-8, unique within a file
 * @param payload the section's bytes, any length the file system allows
 */
public record Section(String name, byte[] payload) {
    public static final int MAX_NAME_BYTES = 255;

    public Section {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("section name must not be empty; expected 1 to " + MAX_NAME_BYTES
                    + " UTF-8 bytes, found " + (name == null ? "null" : "\"\""));
        }
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_NAME_BYTES) {
            throw new IllegalArgumentException("section name is too long; expected 1 to " + MAX_NAME_BYTES
                    + " UTF-8 bytes, found " + bytes);
        }
        if (payload == null) {
            throw new IllegalArgumentException("section '" + name + "' has a null payload; expected bytes, "
                    + "possibly none");
        }
    }

    /**
     * A section whose payload is whatever {@code writer} puts on a {@link DataOutputStream}, for writers that
     * serialize field by field: {@code Section.of("network", out -> network.writeTo(out))}. The bytes are buffered
     * because the file stores each payload's length before the payload, which lets a reader refuse an absurd length
     * before allocating it.
     */
    public static Section of(String name, IOConsumer<? super DataOutputStream> writer) throws IOException {
        new Section(name, new byte[0]); // checks the name before a possibly long serialization
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            writer.accept(out);
        }
        return new Section(name, buffer.toByteArray());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Section s && name.equals(s.name) && Arrays.equals(payload, s.payload);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "Section[name=" + name + ", bytes=" + payload.length + "]";
    }
}

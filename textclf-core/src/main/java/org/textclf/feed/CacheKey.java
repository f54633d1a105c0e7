package org.textclf.feed;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * What a cached result was computed from, as named parts ({@code train: 52428800 bytes crc32c 1a2b3c4d},
 * {@code min_df: 2}, ...): a cache file stores its key and is reused only when the key of the run at hand is equal,
 * so any change of input bytes or option rebuilds it, and {@link #differences} says which, a configuration record
 * field by field ({@link Builder#fields}). Input files are keyed by size and CRC32C of their bytes, which streams at
 * GB/s: cheap next to one parse of the file. A caller may give parts the names its users know ({@link
 * Builder#alias}: the CLI's option names), which only change how differences are printed.
 */
public final class CacheKey {
    private static final int BUFFER_BYTES = 1 << 16;
    private final Map<String, String> parts;
    private final Map<String, String> aliases;

    private CacheKey(Map<String, String> parts, Map<String, String> aliases) {
        this.parts = Collections.unmodifiableMap(new LinkedHashMap<>(parts));
        this.aliases = Collections.unmodifiableMap(new LinkedHashMap<>(aliases));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this key's parts, to add more. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.parts.putAll(parts);
        b.aliases.putAll(aliases);
        return b;
    }

    /** The parts in the order they were added. */
    public Map<String, String> parts() {
        return parts;
    }

    /**
     * What changed from {@code old} to this key, e.g. {@code ngram.minDocumentFrequency 2 -> 3; train 1000 bytes
     * crc32c 0a1b2c3d -> 1001 bytes crc32c 4e5f6a7b}, each part by its alias if this key has one; empty when they are
     * equal.
     */
    public String differences(CacheKey old) {
        List<String> changes = new ArrayList<>();
        for (Map.Entry<String, String> e : parts.entrySet()) {
            String before = old.parts.get(e.getKey());
            if (!e.getValue().equals(before)) {
                changes.add(shown(e.getKey()) + " " + (before == null ? "(none)" : before) + " -> " + e.getValue());
            }
        }
        for (Map.Entry<String, String> e : old.parts.entrySet()) {
            if (!parts.containsKey(e.getKey())) {
                changes.add(shown(e.getKey()) + " " + e.getValue() + " -> (none)");
            }
        }
        return String.join("; ", changes);
    }

    /** A part's alias: given for its name, or for the end of it after a dot (a prefixed part, {@code mlp.x}). */
    private String shown(String part) {
        String alias = aliases.get(part);
        for (int dot = part.indexOf('.'); alias == null && dot >= 0; dot = part.indexOf('.', dot + 1)) {
            alias = aliases.get(part.substring(dot + 1));
        }
        return alias == null ? part : alias;
    }

    /** One {@code name=value} line per part; {@link #decode} reads it back. */
    String encode() {
        StringBuilder text = new StringBuilder();
        parts.forEach((name, value) -> text.append(name).append('=').append(value).append('\n'));
        return text.toString();
    }

    static CacheKey decode(String text) throws IOException {
        Map<String, String> parts = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw new IOException("bad cache key line; expected name=value, found '" + line + "'");
            }
            parts.put(line.substring(0, eq), line.substring(eq + 1));
        }
        return new CacheKey(parts, Map.of());
    }

    /** {@code size bytes crc32c xxxxxxxx} of a file's bytes. */
    static String describeBytes(long size, long crc) {
        return size + " bytes crc32c " + String.format("%08x", crc);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CacheKey k && parts.equals(k.parts);
    }

    @Override
    public int hashCode() {
        return parts.hashCode();
    }

    @Override
    public String toString() {
        return parts.toString();
    }

    /** Adds parts in order; a name given twice keeps the last value. */
    public static final class Builder {
        private final Map<String, String> parts = new LinkedHashMap<>();
        private final Map<String, String> aliases = new LinkedHashMap<>();

        private Builder() {
        }

        /** A part that is a value, e.g. an option: its {@code String.valueOf}, which must not hold a newline. */
        public Builder put(String name, Object value) {
            if (name.isEmpty() || name.indexOf('=') >= 0 || name.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("a key part name must be non-empty without '=' or a newline,"
                        + " found '" + name + "'");
            }
            String text = String.valueOf(value);
            if (text.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("key part " + name + ": the value must be one line, found '"
                        + text + "'");
            }
            parts.put(name, text);
            return this;
        }

        /**
         * One part per component of {@code settings} (a configuration record), named {@code prefix.component}, so
         * that a change names the field that changed rather than the whole record.
         */
        public Builder fields(String prefix, Record settings) {
            for (RecordComponent c : settings.getClass().getRecordComponents()) {
                Object value;
                try {
                    value = c.getAccessor().invoke(settings);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalArgumentException("cannot read " + c.getName() + " of " + settings, e);
                }
                put(prefix + "." + c.getName(), value);
            }
            return this;
        }

        /**
         * Names {@code part} (and any {@code PREFIX.part}) {@code shownAs} in {@link #differences}, e.g. the
         * command-line option that sets it; not part of the key's value.
         */
        public Builder alias(String part, String shownAs) {
            aliases.put(part, shownAs);
            return this;
        }

        /** Serialized bytes, e.g. a fitted vectorizer's, by size and CRC32C. */
        public Builder bytes(String name, byte[] bytes) {
            CRC32C crc = new CRC32C();
            crc.update(bytes, 0, bytes.length);
            return put(name, describeBytes(bytes.length, crc.getValue()));
        }

        /**
         * A file by the size and CRC32C of its bytes, read once; a folder by every regular file under it, in sorted
         * order, its relative path and bytes (so renaming, adding or changing a file changes the key).
         */
        public Builder file(String name, Path path) throws IOException {
            CRC32C crc = new CRC32C();
            byte[] buffer = new byte[BUFFER_BYTES];
            long size = 0;
            if (Files.isDirectory(path)) {
                List<Path> files;
                try (Stream<Path> walk = Files.walk(path)) {
                    files = walk.filter(Files::isRegularFile).sorted().toList();
                }
                for (Path f : files) {
                    byte[] relative = path.relativize(f).toString().getBytes(StandardCharsets.UTF_8);
                    crc.update(relative, 0, relative.length);
                    size += checksum(f, crc, buffer);
                }
                return put(name, files.size() + " files " + describeBytes(size, crc.getValue()));
            }
            size = checksum(path, crc, buffer);
            return put(name, describeBytes(size, crc.getValue()));
        }

        private static long checksum(Path file, CRC32C crc, byte[] buffer) throws IOException {
            long size = 0;
            try (InputStream in = Files.newInputStream(file)) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    crc.update(buffer, 0, n);
                    size += n;
                }
            }
            return size;
        }

        public CacheKey build() {
            return new CacheKey(parts, aliases);
        }
    }
}

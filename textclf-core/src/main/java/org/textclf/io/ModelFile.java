package org.textclf.io;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;

/**
 * A loaded model file: a format version and named sections of bytes, everything needed to predict in one
 * self-contained, checksummed file. {@link #write} saves one atomically; {@link #read} loads and verifies one.
 *
 * <h2>Format version 1, byte by byte</h2>
 * All integers are big-endian, as {@link java.io.DataOutputStream} writes them.
 * <pre>
 * offset       bytes  field
 * 0            8      magic: 54 45 58 54 43 4C 46 1A, i.e. "TEXTCLF" then 0x1A (ASCII SUB: stops a terminal
 *                     `type`/`cat` of the binary early and is never the start of a text file)
 * 8            4      format version, int32; this release writes 1 and reads 1
 * 12           8      total file length L in bytes, int64, trailer included
 * 20           4      section count n, int32, n &gt;= 0
 * 24           ...    n sections, one after another, each:
 *                       1   name length k, uint8, 1..255
 *                       k   name, UTF-8, unique within the file
 *                       8   payload length m, int64, 0 &lt;= m
 *                       m   payload, the section's bytes
 * L - 12       8      total file length L again, int64
 * L - 4        4      CRC32C (Castagnoli) of bytes [0, L - 4), uint32
 * </pre>
 * The smallest file (no sections) is 36 bytes.
 *
 * <p><b>Kept by every future version:</b> the first 20 bytes (magic, version, length) and the last 12 (length,
 * CRC32C of everything before the CRC) keep this meaning whatever changes in between, so any textclf can tell a
 * file from a newer textclf (checksum fine, version too high: upgrade) from a damaged one (checksum wrong).
 *
 * <p>The length appears twice so a load can tell why a checksum fails: a truncated file is shorter than its header
 * says and does not end in a trailer that names its own size; a file of full length with a wrong checksum has
 * damaged bytes. Section names identify content, so a reader ignores sections it does not know and a writer may
 * add sections without a new format version; the version changes only when this layout does.
 */
public final class ModelFile {
    /** The format version this release writes, and the highest it reads. */
    public static final int FORMAT_VERSION = 1;
    static final byte[] MAGIC = {'T', 'E', 'X', 'T', 'C', 'L', 'F', 0x1A};
    /** Magic, version, length: the part of the header every version keeps. */
    static final int FIXED_HEADER_BYTES = 20;
    static final int HEADER_BYTES = 24;
    static final int TRAILER_BYTES = 12;
    /** The header and trailer around the sections. */
    public static final int FRAME_BYTES = HEADER_BYTES + TRAILER_BYTES;

    private final Path path;
    private final int formatVersion;
    private final Map<String, byte[]> sections;

    ModelFile(Path path, int formatVersion, Map<String, byte[]> sections) {
        this.path = path;
        this.formatVersion = formatVersion;
        this.sections = Collections.unmodifiableMap(new LinkedHashMap<>(sections));
    }

    /**
     * Writes {@code sections} in order as a format-version-{@value #FORMAT_VERSION} model file, atomically (see
     * {@link AtomicFiles}): on any failure an existing file at {@code path} is left untouched.
     *
     * @throws IllegalArgumentException if two sections share a name
     */
    public static void write(Path path, List<Section> sections) throws IOException {
        write(path, sections, List.of());
    }

    /**
     * Writes {@code sections}, then the {@code streamed} sections, as one model file, atomically like
     * {@link #write(Path, List)}; a streamed section goes from its writer to the file without being buffered.
     *
     * @throws IllegalArgumentException if two sections share a name
     * @throws IllegalStateException (the file left untouched) if a streamed writer writes another length than it
     *     declared
     */
    public static void write(Path path, List<Section> sections, List<SectionWriter> streamed) throws IOException {
        List<SectionWriter> all = new ArrayList<>(sections.size() + streamed.size());
        for (Section s : sections) {
            all.add(SectionWriter.of(s));
        }
        all.addAll(streamed);
        Set<String> names = new HashSet<>();
        long length = HEADER_BYTES + TRAILER_BYTES;
        for (SectionWriter s : all) {
            if (!names.add(s.name())) {
                throw new IllegalArgumentException("section names must be unique; expected one section '"
                        + s.name() + "', found two");
            }
            length += 1 + s.name().getBytes(StandardCharsets.UTF_8).length + 8 + s.bytes();
        }
        long total = length;
        AtomicFiles.write(path, raw -> {
            CRC32C crc = new CRC32C();
            SectionWriter.Counter counter = new SectionWriter.Counter();
            DataOutputStream out = new DataOutputStream(new CheckedOutputStream(new TeeCount(raw, counter), crc));
            out.write(MAGIC);
            out.writeInt(FORMAT_VERSION);
            out.writeLong(total);
            out.writeInt(all.size());
            for (SectionWriter s : all) {
                byte[] name = s.name().getBytes(StandardCharsets.UTF_8);
                out.writeByte(name.length);
                out.write(name);
                out.writeLong(s.bytes());
                out.flush();
                long before = counter.bytes;
                s.writer().accept(out);
                out.flush();
                if (counter.bytes - before != s.bytes()) {
                    throw new IllegalStateException("section '" + s.name() + "' wrote " + (counter.bytes - before)
                            + " bytes; expected the " + s.bytes() + " it declared");
                }
            }
            out.writeLong(total);
            out.flush();
            new DataOutputStream(raw).writeInt((int) crc.getValue());
        });
    }

    /** Passes bytes on and counts them, so a streamed section's length can be checked. */
    private static final class TeeCount extends java.io.FilterOutputStream {
        private final SectionWriter.Counter counter;

        TeeCount(java.io.OutputStream out, SectionWriter.Counter counter) {
            super(out);
            this.counter = counter;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            counter.bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            counter.bytes += len;
        }
    }

    /**
     * Loads and verifies a model file. Every way a file can be wrong is a {@link ModelFileException} with a
     * one-line message and a {@link ModelFileException.Reason}: not a model file, a newer format version,
     * truncated, corrupted. Memory is the sections' payloads; no length read from the file is allocated before it
     * is checked against the file's actual size.
     */
    public static ModelFile read(Path path) throws IOException {
        return ModelFileReader.read(path);
    }

    public Path path() {
        return path;
    }

    /** The version of the layout this file was written in (see the class documentation). */
    public int formatVersion() {
        return formatVersion;
    }

    /** The section names in file order. */
    public List<String> sectionNames() {
        return new ArrayList<>(sections.keySet());
    }

    /**
     * What each section takes in the file, in file order: its payload and its name and length fields. With the
     * {@value #FRAME_BYTES} bytes of header and trailer they add up to the file's size. Counted from the sections as
     * read, so nothing is read again.
     */
    public Map<String, Long> sectionBytes() {
        Map<String, Long> bytes = new LinkedHashMap<>();
        sections.forEach((name, payload) -> bytes.put(name, 1L + name.getBytes(StandardCharsets.UTF_8).length + 8
                + payload.length));
        return bytes;
    }

    public boolean has(String name) {
        return sections.containsKey(name);
    }

    /**
     * The payload of section {@code name}, not copied (do not modify it).
     *
     * @throws ModelFileException with reason {@code MISSING_SECTION} naming the sections there are
     */
    public byte[] section(String name) throws ModelFileException {
        byte[] payload = sections.get(name);
        if (payload == null) {
            throw new ModelFileException(path, ModelFileException.Reason.MISSING_SECTION, "no section '" + name
                    + "'; expected it in a model file, found only " + sections.keySet()
                    + "; was the model saved by an incomplete or different program?");
        }
        return payload;
    }

    /** The payload of section {@code name} as a stream, for readers that deserialize field by field. */
    public DataInputStream open(String name) throws ModelFileException {
        return new DataInputStream(new ByteArrayInputStream(section(name)));
    }

    @Override
    public String toString() {
        return "ModelFile[" + path + ", formatVersion=" + formatVersion + ", sections=" + sections.keySet() + "]";
    }
}

package org.textclf.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32C;
import org.textclf.io.ModelFileException.Reason;

/**
 * Loads a model file in the order that gives the most useful message: magic (is it ours?), length and checksum
 * (is it whole and undamaged?), then version (can we read it?), then the sections, each length checked against
 * the bytes that are left before anything is allocated.
 */
final class ModelFileReader {
    private static final int CHUNK_BYTES = 1 << 16;
    /** The largest Java array; a bigger section cannot be held as one {@code byte[]}. */
    private static final long MAX_SECTION_BYTES = Integer.MAX_VALUE - 8;
    private static final String FIX = "copy the file again or save the model again";

    private final Path path;
    private final FileChannel channel;
    private final long size;

    private ModelFileReader(Path path, FileChannel channel) throws IOException {
        this.path = path;
        this.channel = channel;
        this.size = channel.size();
    }

    static ModelFile read(Path path) throws IOException {
        FileChannel channel;
        try {
            channel = FileChannel.open(path, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(path + ": no such model file; expected a file saved by textclf");
        }
        try (channel) {
            return new ModelFileReader(path, channel).read();
        }
    }

    private ModelFile read() throws IOException {
        if (size == 0) {
            throw error(Reason.NOT_A_MODEL, "not a textclf model file; expected magic bytes "
                    + describe(ModelFile.MAGIC) + ", found an empty file");
        }
        ByteBuffer header = bytesAt(0, (int) Math.min(size, ModelFile.HEADER_BYTES));
        checkMagic(header);
        long minimum = ModelFile.HEADER_BYTES + ModelFile.TRAILER_BYTES;
        if (size < minimum) {
            throw error(Reason.TRUNCATED, "truncated; expected at least " + minimum + " bytes, found " + size
                    + "; " + FIX);
        }
        long declared = header.getLong(12);
        ByteBuffer trailer = bytesAt(size - ModelFile.TRAILER_BYTES, ModelFile.TRAILER_BYTES);
        long trailerLength = trailer.getLong(0);
        int stored = trailer.getInt(8);
        int computed = checksum(size - 4);
        if (stored != computed) {
            // A cut-short file does not end in a trailer naming its own size; a damaged length field alone does.
            if (trailerLength != size && declared > size) {
                throw error(Reason.TRUNCATED, "truncated; expected " + declared + " bytes, found " + size + "; "
                        + FIX);
            }
            throw error(Reason.CORRUPTED, "corrupted; expected CRC32C " + hex(stored) + ", found " + hex(computed)
                    + "; " + FIX);
        }
        if (declared != size || trailerLength != size) {
            throw error(Reason.CORRUPTED, "corrupted; expected a length of " + size + " bytes in header and "
                    + "trailer, found " + declared + " and " + trailerLength + "; " + FIX);
        }
        int version = header.getInt(8);
        if (version > ModelFile.FORMAT_VERSION) {
            throw error(Reason.NEWER_VERSION, "model file has format version " + version + "; this textclf reads up"
                    + " to " + ModelFile.FORMAT_VERSION + "; upgrade textclf");
        }
        if (version < 1) {
            throw error(Reason.CORRUPTED, "unknown format version; expected 1.." + ModelFile.FORMAT_VERSION
                    + ", found " + version + "; " + FIX);
        }
        return new ModelFile(path, version, sections(header.getInt(20)));
    }

    private void checkMagic(ByteBuffer header) throws ModelFileException {
        int n = (int) Math.min(size, ModelFile.MAGIC.length);
        for (int i = 0; i < n; i++) {
            if (header.get(i) != ModelFile.MAGIC[i]) {
                byte[] found = new byte[n];
                header.get(0, found);
                throw error(Reason.NOT_A_MODEL, "not a textclf model file; expected magic bytes "
                        + describe(ModelFile.MAGIC) + ", found " + describe(found));
            }
        }
        if (size < ModelFile.MAGIC.length) {
            throw error(Reason.TRUNCATED, "truncated; expected at least " + (ModelFile.HEADER_BYTES
                    + ModelFile.TRAILER_BYTES) + " bytes, found " + size + "; " + FIX);
        }
    }

    private Map<String, byte[]> sections(int count) throws IOException {
        long end = size - ModelFile.TRAILER_BYTES;
        long position = ModelFile.HEADER_BYTES;
        // Each section takes at least 10 bytes, which bounds a believable count before anything is allocated.
        if (count < 0 || count > (end - position) / 10) {
            throw error(Reason.CORRUPTED, "impossible section count; expected 0.." + (end - position) / 10
                    + " for a file of " + size + " bytes, found " + count + "; " + FIX);
        }
        Map<String, byte[]> sections = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            if (end - position < 1) {
                throw error(Reason.CORRUPTED, "section " + i + " starts after the last section byte at offset "
                        + position + "; " + FIX);
            }
            int nameBytes = Byte.toUnsignedInt(bytesAt(position, 1).get(0));
            if (nameBytes == 0 || end - position - 1 < nameBytes + 8L) {
                throw error(Reason.CORRUPTED, "bad name length at offset " + position + "; expected 1.."
                        + Math.min(Section.MAX_NAME_BYTES, end - position - 9) + ", found " + nameBytes + "; " + FIX);
            }
            ByteBuffer nameAndLength = bytesAt(position + 1, nameBytes + 8);
            String name = utf8(nameAndLength.slice(0, nameBytes), position + 1);
            long length = nameAndLength.getLong(nameBytes);
            position += 1 + nameBytes + 8;
            if (length < 0 || length > end - position) {
                throw error(Reason.CORRUPTED, "section '" + name + "' has an impossible length; expected 0.."
                        + (end - position) + " bytes (what is left before the trailer), found " + length + "; "
                        + FIX);
            }
            if (length > MAX_SECTION_BYTES) {
                throw error(Reason.CORRUPTED, "section '" + name + "' is too large to load; expected at most "
                        + MAX_SECTION_BYTES + " bytes, found " + length);
            }
            byte[] payload = new byte[(int) length];
            readFully(ByteBuffer.wrap(payload), position);
            position += length;
            if (sections.put(name, payload) != null) {
                throw error(Reason.CORRUPTED, "duplicate section; expected one section '" + name + "', found two; "
                        + FIX);
            }
        }
        if (position != end) {
            throw error(Reason.CORRUPTED, "unexpected bytes after the last section; expected the trailer at offset "
                    + position + ", found it at " + end + "; " + FIX);
        }
        return sections;
    }

    private String utf8(ByteBuffer bytes, long offset) throws ModelFileException {
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes);
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw error(Reason.CORRUPTED, "section name at offset " + offset + " is not UTF-8; " + FIX);
        }
    }

    /** CRC32C of bytes {@code [0, end)}, read in chunks so a large model is never held twice. */
    private int checksum(long end) throws IOException {
        CRC32C crc = new CRC32C();
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK_BYTES);
        for (long position = 0; position < end; ) {
            chunk.clear().limit((int) Math.min(CHUNK_BYTES, end - position));
            readFully(chunk, position);
            position += chunk.limit();
            chunk.flip();
            crc.update(chunk);
        }
        return (int) crc.getValue();
    }

    private ByteBuffer bytesAt(long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        readFully(buffer, position);
        return buffer.flip();
    }

    private void readFully(ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, at);
            if (read < 0) {
                // Only when the file shrinks while we read it: someone is overwriting it without AtomicFiles.
                throw error(Reason.TRUNCATED, "truncated while reading; expected " + size + " bytes, found the end"
                        + " at offset " + at + "; is another program writing it?");
            }
            at += read;
        }
    }

    private ModelFileException error(Reason reason, String problem) {
        return new ModelFileException(path, reason, problem);
    }

    /** Hex, plus the printable ASCII when there is some, so that {@code label,te} shows a CSV for what it is. */
    private static String describe(byte[] bytes) {
        StringBuilder hex = new StringBuilder();
        StringBuilder text = new StringBuilder();
        for (byte b : bytes) {
            hex.append(hex.length() == 0 ? "" : " ").append(String.format("%02X", b & 0xFF));
            text.append(b >= 0x20 && b < 0x7F ? (char) b : '.');
        }
        return hex + " (\"" + text + "\")";
    }

    private static String hex(int value) {
        return String.format("%08X", value);
    }
}

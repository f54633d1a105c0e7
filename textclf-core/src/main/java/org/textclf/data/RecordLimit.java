package org.textclf.data;

/**
 * The bound of one record ({@link SourceOptions#maxRecordBytes}) as every reader applies it: counted in UTF-8 bytes
 * from the decoded chars, and reported in the same words whatever the format.
 */
final class RecordLimit {
    private RecordLimit() {
    }

    /** The UTF-8 length of {@code c}; a surrogate counts 2, so that a pair counts the 4 bytes it came from. */
    static int utf8Bytes(char c) {
        return c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
    }

    /** What is wrong with a record (or a folder's document, {@code what}) longer than {@code maxRecordBytes}. */
    static String tooLong(String what, int maxRecordBytes) {
        return String.format("%s longer than %,d bytes; split it, or raise the limit with --max-record-bytes", what,
                maxRecordBytes);
    }
}

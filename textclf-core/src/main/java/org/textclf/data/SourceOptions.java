package org.textclf.data;

import java.util.ArrayList;
import java.util.List;

/**
 * How to read a corpus file: its format (null = detect), the text columns (joined with a space; empty = pick the
 * first of {@link #TEXT_CANDIDATES} in the header), the label column (null = pick the first of
 * {@link #LABEL_CANDIDATES}, or read the data as unlabeled when there is none), and what to do with bad records.
 *
 * <p>A label column that is named here must exist; one that is not named may be absent, and then every sample's
 * label is null (prediction input). The names apply to CSV/TSV headers and JSONL fields; other formats ignore them.
 *
 * <p>{@code maxRecordBytes} bounds one record in every format (a line, a CSV record, a folder's document), in UTF-8
 * bytes: a longer one is a bad record, noticed after reading at most that much of it, so that one huge record (a
 * missing line break, a corrupt file) costs neither the heap nor, with {@link BadRecordPolicy#SKIP}, the pass. A CSV
 * record is also bounded by FastCSV's own buffer of 16M chars, which no limit raises.
 *
 * <p>{@code idColumn} (null = none) names a CSV/TSV column or JSONL field whose value, as written, is each sample's
 * {@link Sample#id}: what {@code predict} prints to tell its records apart. A named id column must exist.
 */
public record SourceOptions(DataFormat format, List<String> textColumns, String labelColumn,
        BadRecordPolicy onBadRecord, int maxRecordBytes, String idColumn) {

    /** Header names tried, in order, for the text when no text column is named. */
    public static final List<String> TEXT_CANDIDATES =
            List.of("text", "sentence", "review", "content", "document", "body");
    /** Header names tried, in order, for the label when no label column is named. */
    public static final List<String> LABEL_CANDIDATES =
            List.of("label", "class", "category", "sentiment", "target", "y");

    /**
     * The default bound of one record: 16 MiB, far beyond any real sample (IMDB's longest review is 14 KB) and as
     * much as FastCSV buffers for a CSV record.
     */
    public static final int DEFAULT_MAX_RECORD_BYTES = 16 << 20;

    /** Detect the format, pick columns from the candidates, fail on the first bad record, records up to 16 MiB. */
    public static final SourceOptions DEFAULTS = new SourceOptions(null, List.of(), null, BadRecordPolicy.FAIL,
            DEFAULT_MAX_RECORD_BYTES, null);

    public SourceOptions {
        textColumns = textColumns == null ? List.of() : List.copyOf(textColumns);
        for (String c : textColumns) {
            if (c.isBlank()) {
                throw new IllegalArgumentException("text column names must not be blank; found " + textColumns);
            }
        }
        if (labelColumn != null && labelColumn.isBlank()) {
            throw new IllegalArgumentException("label column name must not be blank; use null to pick one");
        }
        if (idColumn != null && idColumn.isBlank()) {
            throw new IllegalArgumentException("id column name must not be blank; use null for none");
        }
        onBadRecord = onBadRecord == null ? BadRecordPolicy.FAIL : onBadRecord;
        if (maxRecordBytes < 1) {
            throw new IllegalArgumentException("the record limit must be at least 1 byte; found " + maxRecordBytes);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().format(format).textColumns(textColumns).labelColumn(labelColumn)
                .onBadRecord(onBadRecord).maxRecordBytes(maxRecordBytes).idColumn(idColumn);
    }

    /** Builds {@link SourceOptions}; unset values are those of {@link #DEFAULTS}. */
    public static final class Builder {
        private DataFormat format;
        private final List<String> textColumns = new ArrayList<>();
        private String labelColumn;
        private BadRecordPolicy onBadRecord = BadRecordPolicy.FAIL;
        private int maxRecordBytes = DEFAULT_MAX_RECORD_BYTES;
        private String idColumn;

        private Builder() {
        }

        public Builder format(DataFormat format) {
            this.format = format;
            return this;
        }

        /** Replaces the text columns. */
        public Builder textColumns(List<String> columns) {
            textColumns.clear();
            textColumns.addAll(columns);
            return this;
        }

        /** Adds one text column after those already named. */
        public Builder textColumn(String column) {
            textColumns.add(column);
            return this;
        }

        public Builder labelColumn(String labelColumn) {
            this.labelColumn = labelColumn;
            return this;
        }

        public Builder onBadRecord(BadRecordPolicy policy) {
            this.onBadRecord = policy;
            return this;
        }

        /** The bound of one record in UTF-8 bytes, {@value SourceOptions#DEFAULT_MAX_RECORD_BYTES} by default. */
        public Builder maxRecordBytes(int maxRecordBytes) {
            this.maxRecordBytes = maxRecordBytes;
            return this;
        }

        /** The column or field holding each record's id; null (the default) for none. */
        public Builder idColumn(String idColumn) {
            this.idColumn = idColumn;
            return this;
        }

        public SourceOptions build() {
            return new SourceOptions(format, textColumns, labelColumn, onBadRecord, maxRecordBytes, idColumn);
        }
    }
}

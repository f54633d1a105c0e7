package org.textclf.spark.fit;

import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.textclf.data.BadRecordException;
import org.textclf.data.Labels;
import org.textclf.data.Sample;

/**
 * A partition's rows as core's samples: the text columns joined with a space (as the local readers join AG News'
 * title and description; a null column is empty text), the label column's value as a string in its canonical form
 * (an integer label 3 and a string "3" are the same class), the line the row's position in its partition
 * (counting from 1), so that a bad row is reported as {@code NAME partition P:ROW}: an empty label always, a label
 * that is not one of the classes when they are known. Optionally only one side of a held-out split. A bad row is
 * thrown as an {@link UncheckedIOException} around a {@link BadRecordException} (an iterator cannot throw more).
 */
final class RowSamples implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final int[] textColumns;
    private final int labelColumn;
    private final HeldOutSplit split;
    private final boolean validationSide;
    private final VectorizerFit.LabelList known;
    private transient Labels labels;

    private RowSamples(String name, int[] textColumns, int labelColumn, HeldOutSplit split, boolean validationSide,
            VectorizerFit.LabelList known) {
        this.name = name;
        this.textColumns = textColumns;
        this.labelColumn = labelColumn;
        this.split = split;
        this.validationSide = validationSide;
        this.known = known;
    }

    /**
     * @param name what the rows are, for messages ({@code training data})
     * @throws IllegalArgumentException naming the schema's columns when a column is missing
     */
    static RowSamples of(String name, StructType schema, List<String> textColumns, String labelColumn) {
        int[] text = new int[textColumns.size()];
        for (int i = 0; i < text.length; i++) {
            text[i] = column(name, schema, textColumns.get(i), "text");
        }
        return new RowSamples(name, text, column(name, schema, labelColumn, "label"), null, false,
                VectorizerFit.LabelList.of(null));
    }

    private static int column(String name, StructType schema, String column, String what) {
        List<String> names = List.of(schema.fieldNames());
        int index = names.indexOf(column);
        if (index < 0) {
            throw new IllegalArgumentException(name + ": no " + what + " column '" + column + "'; its columns are "
                    + String.join(", ", names));
        }
        return index;
    }

    /** These rows restricted to one side of {@code split}. */
    RowSamples side(HeldOutSplit split, boolean validation) {
        return new RowSamples(validation ? "validation part of the " + name : name, textColumns, labelColumn, split,
                validation, known);
    }

    /** These rows, each label checked to be one of {@code labels} (null: any). */
    RowSamples checking(Labels labels) {
        return new RowSamples(name, textColumns, labelColumn, split, validationSide,
                VectorizerFit.LabelList.of(labels));
    }

    /** The source name messages of partition {@code partition} start with. */
    String partitionName(int partition) {
        return name + " partition " + partition;
    }

    /** The samples of one partition's rows, lazily. */
    Iterator<Sample> samples(int partition, Iterator<Row> rows) {
        return new Iterator<>() {
            private long line;
            private Sample next;

            @Override
            public boolean hasNext() {
                while (next == null && rows.hasNext()) {
                    Sample s = sample(partition, rows.next(), ++line);
                    if (split == null || split.isValidation(s) == validationSide) {
                        next = s;
                    }
                }
                return next != null;
            }

            @Override
            public Sample next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Sample s = next;
                next = null;
                return s;
            }
        };
    }

    /** All samples of one partition's rows, in a list. */
    List<Sample> list(int partition, Iterator<Row> rows) {
        List<Sample> all = new ArrayList<>();
        samples(partition, rows).forEachRemaining(all::add);
        return all;
    }

    private Sample sample(int partition, Row row, long line) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < textColumns.length; i++) {
            Object value = row.get(textColumns[i]);
            if (i > 0) {
                text.append(' ');
            }
            if (value != null) {
                text.append(value);
            }
        }
        Object label = row.get(labelColumn);
        String raw = label == null ? null : label.toString().strip();
        // The label rule of the local readers: canonical, and never empty.
        String canonical = raw == null || raw.isEmpty() ? null : canonical(raw, partition, line);
        Sample sample = new Sample(canonical, text.toString(), line);
        try {
            if (canonical == null) {
                throw new BadRecordException(partitionName(partition), line, "empty label");
            }
            if (known.raw() != null) {
                if (labels == null) {
                    labels = known.labels();
                }
                labels.idOf(sample, partitionName(partition));
            }
        } catch (BadRecordException e) {
            throw new UncheckedIOException(e);
        }
        return sample;
    }

    private String canonical(String raw, int partition, long line) {
        try {
            return Labels.canonical(raw);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(partitionName(partition) + ":" + line + ": " + e.getMessage(), e);
        }
    }
}

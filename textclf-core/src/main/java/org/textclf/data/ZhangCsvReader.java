package org.textclf.data;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Samples from Zhang et al.'s CSV files: no header, the class first, then one or more text fields joined with a
 * space, and the two characters {@code \n} (escaped newlines as written in those files) read as a space. The first
 * record fixes the field count; a record with another count is bad.
 *
 * <p>A first record that is a header row is skipped and reported (counted as skipped, whatever the policy), never
 * read as a class: one whose label field is a name but not one of the {@code classes.txt} beside the file, or whose
 * fields are all column names, the first a label column's ({@code class,title,description}).
 */
final class ZhangCsvReader extends RecordReader {
    /** Label column names beyond {@link SourceOptions#LABEL_CANDIDATES} that headers of such files use. */
    private static final List<String> LABEL_COLUMNS = List.of("class_index", "classes", "labels", "polarity",
            "rating", "stars", "score", "topic");
    /** A column name: a word or a few, without the punctuation of text. */
    private static final Pattern COLUMN_NAME = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_ -]{0,39}");

    private final String file;
    private final Rows rows;
    private final StringBuilder text = new StringBuilder();
    private int fieldCount;
    private boolean started;

    ZhangCsvReader(String file, Rows rows, BadRecordPolicy policy, ClassesFile classes) {
        super(file, policy, classes);
        this.file = file;
        this.rows = rows;
    }

    @Override
    Sample readRecord() throws IOException {
        if (!rows.next()) {
            return null;
        }
        if (!started) {
            started = true;
            if (isHeader()) {
                skip(new BadRecordException(file, rows.line(), "skipped a header row (" + String.join(", ",
                        fields()) + "); Zhang CSV files have none"));
                if (!rows.next()) {
                    return null;
                }
            }
        }
        int n = rows.fieldCount();
        if (fieldCount == 0 && n < 2) {
            throw new BadRecordException(file, rows.line(), "wrong number of fields; expected at least 2 (class, "
                    + "text), found " + n);
        }
        if (fieldCount == 0) {
            fieldCount = n;
        } else if (n != fieldCount) {
            throw new BadRecordException(file, rows.line(), "wrong number of fields; expected " + fieldCount
                    + " (as in the first record), found " + n);
        }
        String joined;
        if (n == 2) {
            joined = rows.field(1);
        } else {
            text.setLength(0);
            for (int i = 1; i < n; i++) {
                if (i > 1) {
                    text.append(' ');
                }
                text.append(rows.field(i));
            }
            joined = text.toString();
        }
        if (joined.indexOf('\\') >= 0) {
            joined = joined.replace("\\n", " ");
        }
        return new Sample(rows.field(0), joined, rows.line());
    }

    private boolean isHeader() {
        String label = rows.field(0).strip();
        if (hasClassesFile() && COLUMN_NAME.matcher(label).matches() && !Labels.isNumber(label) && !isLabel(label)) {
            return true;
        }
        boolean labelColumn = false;
        for (String name : SourceOptions.LABEL_CANDIDATES) {
            labelColumn |= name.equalsIgnoreCase(label);
        }
        for (String name : LABEL_COLUMNS) {
            labelColumn |= name.equalsIgnoreCase(label);
        }
        if (!labelColumn || rows.fieldCount() < 2) {
            return false;
        }
        for (int i = 0; i < rows.fieldCount(); i++) {
            if (!COLUMN_NAME.matcher(rows.field(i).strip()).matches()) {
                return false;
            }
        }
        return true;
    }

    /** The current record's fields, trimmed and cut short, for a message. */
    private List<String> fields() {
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < rows.fieldCount() && i < 10; i++) {
            String f = rows.field(i).strip();
            fields.add(f.length() > 40 ? f.substring(0, 40) + "..." : f);
        }
        return fields;
    }

    @Override
    public void close() throws IOException {
        rows.close();
    }
}

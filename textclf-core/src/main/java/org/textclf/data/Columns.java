package org.textclf.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where the text and the label are in a header: the named columns, or else the first header name among
 * {@link SourceOptions#TEXT_CANDIDATES} / {@link SourceOptions#LABEL_CANDIDATES} (compared ignoring case). A named
 * column must exist; an unnamed label may be absent ({@code label == -1}: unlabeled data). The id column is only
 * ever named ({@code id == -1}: none).
 */
record Columns(int[] text, int label, int id, int fieldCount) {

    static Columns of(String file, long headerLine, List<String> header, SourceOptions options)
            throws BadRecordException {
        int[] text;
        if (options.textColumns().isEmpty()) {
            int found = firstOf(header, SourceOptions.TEXT_CANDIDATES);
            if (found < 0 && !header.isEmpty() && Labels.isNumber(header.get(0).strip())) {
                // Data where the header should be, as in a headerless tab-separated file named .csv or .tsv
                throw new BadRecordException(file, headerLine, "no header row; found a record (" + header.get(0)
                        + ", ...) where the header naming the columns should be: tab-separated data needs one, e.g."
                        + " label<TAB>text; headerless data must be comma-separated, the class first (Zhang CSV)");
            }
            if (found < 0) {
                throw new BadRecordException(file, headerLine, "no text column; expected a column named one of "
                        + SourceOptions.TEXT_CANDIDATES + " or a text column named in the options, found header "
                        + header);
            }
            text = new int[] {found};
        } else {
            text = new int[options.textColumns().size()];
            for (int i = 0; i < text.length; i++) {
                text[i] = named(file, headerLine, header, options.textColumns().get(i), "text");
            }
        }
        int label = options.labelColumn() == null ? firstOf(header, SourceOptions.LABEL_CANDIDATES)
                : named(file, headerLine, header, options.labelColumn(), "label");
        int id = options.idColumn() == null ? -1 : named(file, headerLine, header, options.idColumn(), "id");
        return new Columns(text, label, id, header.size());
    }

    private static int named(String file, long headerLine, List<String> header, String wanted, String role)
            throws BadRecordException {
        int exact = header.indexOf(wanted);
        if (exact >= 0) {
            return exact;
        }
        int loose = indexIgnoringCase(header, wanted);
        if (loose >= 0) {
            return loose;
        }
        throw new BadRecordException(file, headerLine, "no " + role + " column '" + wanted
                + "'; expected one of the header's columns, found header " + header);
    }

    private static int firstOf(List<String> header, List<String> candidates) {
        for (String candidate : candidates) {
            int i = indexIgnoringCase(header, candidate);
            if (i >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static int indexIgnoringCase(List<String> header, String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).strip().toLowerCase(Locale.ROOT).equals(wanted)) {
                return i;
            }
        }
        return -1;
    }

    /** The fields of a row as a list, for the header. */
    static List<String> fieldsOf(Rows rows) {
        List<String> fields = new ArrayList<>(rows.fieldCount());
        for (int i = 0; i < rows.fieldCount(); i++) {
            fields.add(rows.field(i));
        }
        return fields;
    }
}

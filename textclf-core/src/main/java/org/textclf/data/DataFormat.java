package org.textclf.data;

import java.util.Locale;

/** The on-disk layouts a {@link SampleSource} can be read from; {@link Sources#open} detects one when none is given. */
public enum DataFormat {
    /** Zhang et al. (2015) CSV: no header, class first, then one or more text columns (AG News, DBPedia, Yelp). */
    ZHANG_CSV("zhang-csv"),
    /** CSV with a header row; text and label columns chosen by name. */
    CSV("csv"),
    /** Tab-separated values with a header row, one record per line, no quoting (IANA text/tab-separated-values). */
    TSV("tsv"),
    /** fastText: {@code __label__X text} per line. */
    FASTTEXT("fasttext"),
    /** One JSON object per line. */
    JSONL("jsonl"),
    /** A folder per class of {@code .txt} files, one sample per file (the aclImdb layout). */
    FOLDER("folder");

    private final String cliName;

    DataFormat(String cliName) {
        this.cliName = cliName;
    }

    /** The spelling used on the command line, e.g. {@code zhang-csv}. */
    public String cliName() {
        return cliName;
    }

    /**
     * Parses a CLI spelling: zhang-csv, csv, tsv, fasttext, jsonl, folder (case-insensitive; {@code _} accepted for
     * {@code -}).
     *
     * @throws IllegalArgumentException naming the choices when {@code s} is none of them
     */
    public static DataFormat parse(String s) {
        String wanted = s == null ? "" : s.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        StringBuilder choices = new StringBuilder();
        for (DataFormat f : values()) {
            if (f.cliName.equals(wanted)) {
                return f;
            }
            choices.append(choices.length() == 0 ? "" : ", ").append(f.cliName);
        }
        throw new IllegalArgumentException("unknown data format '" + s + "'; expected one of " + choices);
    }

    @Override
    public String toString() {
        return cliName;
    }
}

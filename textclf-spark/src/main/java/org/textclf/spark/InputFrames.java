package org.textclf.spark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.textclf.data.SourceOptions;

/**
 * The driver's inputs as DataFrames, read on the executors by Spark's readers: Zhang et al.'s CSV (no header, the
 * class first, the other fields the text; fields double-quoted with {@code ""} inside, one record per line, as the
 * shared data is), a CSV with a header, or Parquet. Gzip by the {@code .gz} name, as Spark decompresses.
 *
 * @param frame the rows
 * @param textColumns the columns whose values, joined with a space, are the text
 * @param labelColumn the label's column
 */
record InputFrames(Dataset<Row> frame, List<String> textColumns, String labelColumn) {

    /**
     * Reads {@code path} as {@code format} (or the format its name and first line say).
     *
     * @throws IOException naming the path when it does not exist, is empty, or lacks a named column
     */
    static InputFrames read(SparkSession spark, String path, Optional<String> format, List<String> textColumns,
            Optional<String> labelColumn) throws IOException {
        String f = format.isPresent() ? format.get() : detect(spark, path);
        return switch (f) {
            case "parquet" -> named(path, spark.read().parquet(path), textColumns, labelColumn);
            case "csv" -> named(path, csv(spark).option("header", "true").csv(path), textColumns, labelColumn);
            default -> zhang(spark, path);
        };
    }

    private static DataFrameReader csv(SparkSession spark) {
        // RFC 4180 quoting, as the shared data and core's reader: a quote inside a field is doubled.
        return spark.read().option("quote", "\"").option("escape", "\"").option("mode", "FAILFAST");
    }

    private static InputFrames zhang(SparkSession spark, String path) throws IOException {
        Dataset<Row> rows = csv(spark).option("header", "false").csv(path);
        String[] columns = rows.columns();
        if (columns.length < 2) {
            throw new IOException(path + ": expected a class then text fields on each line (Zhang et al.'s CSV),"
                    + " found " + columns.length + " field; for a CSV with a header use --format csv");
        }
        return new InputFrames(rows, List.of(columns).subList(1, columns.length), columns[0]);
    }

    private static InputFrames named(String path, Dataset<Row> rows, List<String> textColumns,
            Optional<String> labelColumn) throws IOException {
        List<String> columns = Arrays.asList(rows.columns());
        List<String> text = textColumns.isEmpty() ? List.of(first(path, columns, SourceOptions.TEXT_CANDIDATES,
                "text", "--text-column")) : textColumns;
        String label = labelColumn.orElseGet(() -> null);
        if (label == null) {
            label = first(path, columns, SourceOptions.LABEL_CANDIDATES, "label", "--label-column");
        }
        List<String> missing = new ArrayList<>(text);
        missing.add(label);
        missing.removeAll(columns);
        if (!missing.isEmpty()) {
            throw new IOException(path + ": no column " + String.join(", ", missing) + "; its columns are "
                    + String.join(", ", columns));
        }
        return new InputFrames(rows, text, label);
    }

    private static String first(String path, List<String> columns, List<String> candidates, String what,
            String option) throws IOException {
        for (String c : candidates) {
            for (String column : columns) {
                if (column.strip().equalsIgnoreCase(c)) {
                    return column;
                }
            }
        }
        throw new IOException(path + ": no " + what + " column (" + String.join(", ", candidates)
                + "); its columns are " + String.join(", ", columns) + "; name it with " + option);
    }

    /**
     * Parquet by the name; otherwise a CSV with a header when the first line's fields include a text column's name
     * (as core detects it), else Zhang's CSV.
     */
    static String detect(SparkSession spark, String path) throws IOException {
        Path p = new Path(path);
        FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
        if (!fs.exists(p)) {
            throw new IOException(path + ": no such file or directory");
        }
        FileStatus status = fs.getFileStatus(p);
        String name = p.getName().toLowerCase(Locale.ROOT);
        if (name.endsWith(".parquet") || status.isDirectory()) {
            return status.isDirectory() && !name.endsWith(".parquet") ? "zhang" : "parquet";
        }
        if (status.getLen() == 0) {
            throw new IOException(path + ": empty file; expected CSV records");
        }
        try (InputStream raw = fs.open(p);
                InputStream in = name.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String first = r.readLine();
            if (first == null) {
                throw new IOException(path + ": empty file; expected CSV records");
            }
            for (String field : first.split(",")) {
                String f = field.strip().replace("\"", "");
                if (SourceOptions.TEXT_CANDIDATES.stream().anyMatch(f::equalsIgnoreCase)) {
                    return "csv";
                }
            }
            return "zhang";
        }
    }
}

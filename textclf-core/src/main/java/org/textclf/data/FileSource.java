package org.textclf.data;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A validated file or folder in a known format; every {@link #open} starts a fresh streaming pass.
 *
 * @param classes the {@code classes.txt} beside the file, which its labels must agree with
 */
record FileSource(Path path, DataFormat format, SourceOptions options, ClassesFile classes) implements SampleSource {

    @Override
    public SampleReader open() throws IOException {
        String file = path.toString();
        BadRecordPolicy policy = options.onBadRecord();
        return switch (format) {
            case ZHANG_CSV -> new ZhangCsvReader(file, Rows.open(path, format), policy, classes);
            case CSV, TSV -> new TableReader(file, Rows.open(path, format), options, classes);
            case FASTTEXT -> new FastTextReader(new LineInput(path), policy, classes);
            case JSONL -> new JsonLinesReader(new LineInput(path), options, classes);
            case FOLDER -> new FolderReader(path, policy);
        };
    }

    @Override
    public java.util.Optional<Path> file() {
        return java.util.Optional.of(path);
    }

    @Override
    public String name() {
        return path.toString();
    }

    @Override
    public String toString() {
        return format + " " + path;
    }
}

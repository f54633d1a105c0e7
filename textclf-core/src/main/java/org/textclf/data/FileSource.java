package org.textclf.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A validated file or folder in a known format; every {@link #open} starts a fresh streaming pass.
 *
 * @param classes the {@code classes.txt} beside the file, which its labels must agree with
 */
record FileSource(Path path, DataFormat format, SourceOptions options, ClassesFile classes) implements SampleSource {

    @Override
    public SampleReader open() throws IOException {
        if (format == DataFormat.FOLDER) {
            return new FolderReader(path, options);
        }
        CountingInput counted = new CountingInput(Files.newInputStream(path));
        RecordReader reader = reader(path.toString(), Utf8Input.gunzipped(counted), format, options, classes);
        reader.stats().countBytesWith(counted::count);
        return reader;
    }

    /** A reader in {@code format} of {@code bytes}, the (gunzipped) bytes of {@code file} from their start. */
    static RecordReader reader(String file, BufferedInputStream bytes, DataFormat format, SourceOptions options,
            ClassesFile classes) throws IOException {
        BadRecordPolicy policy = options.onBadRecord();
        int max = options.maxRecordBytes();
        return switch (format) {
            case ZHANG_CSV -> new ZhangCsvReader(file, Rows.of(file, bytes, format, max), policy, classes);
            case CSV, TSV -> new TableReader(file, Rows.of(file, bytes, format, max), options, classes);
            case FASTTEXT -> new FastTextReader(LineInput.of(file, bytes, max), policy, classes);
            case JSONL -> new JsonLinesReader(LineInput.of(file, bytes, max), options, classes);
            case FOLDER -> throw new IllegalArgumentException(file + ": a folder is not a stream of bytes");
        };
    }

    @Override
    public Optional<Path> file() {
        return Optional.of(path);
    }

    @Override
    public BadRecordPolicy onBadRecord() {
        return options.onBadRecord();
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

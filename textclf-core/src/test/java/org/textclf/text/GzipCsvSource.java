package org.textclf.text;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.zip.GZIPInputStream;
import org.textclf.data.BadRecordException;
import org.textclf.data.ReadStats;
import org.textclf.data.Sample;
import org.textclf.data.SampleReader;
import org.textclf.data.SampleSource;

/**
 * The tiny reader the integration test needs until the data package has its real sources: a gzipped CSV of
 * {@code "class","text"} records, streamed.
 */
final class GzipCsvSource implements SampleSource {
    private final Path file;

    GzipCsvSource(Path file) {
        this.file = file;
    }

    @Override
    public SampleReader open() throws IOException {
        Reader text = new InputStreamReader(new GZIPInputStream(Files.newInputStream(file), 1 << 16),
                StandardCharsets.UTF_8);
        CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(text);
        Iterator<CsvRecord> records = csv.iterator();
        ReadStats stats = new ReadStats();
        return new SampleReader() {
            @Override
            public Sample next() throws IOException {
                if (!records.hasNext()) {
                    return null;
                }
                CsvRecord r = records.next();
                if (r.getFieldCount() != 2) {
                    throw new BadRecordException(name(), r.getStartingLineNumber(), "expected 2 fields, found "
                            + r.getFieldCount());
                }
                stats.countRead();
                return new Sample(r.getField(0), r.getField(1), r.getStartingLineNumber());
            }

            @Override
            public ReadStats stats() {
                return stats;
            }

            @Override
            public void close() throws IOException {
                csv.close();
            }
        };
    }

    @Override
    public String name() {
        return file.toString();
    }
}

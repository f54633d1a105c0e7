package org.textclf.data;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.BufferedInputStream;
import java.io.UncheckedIOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The records of a CSV file, parsed by FastCSV, each checked for the problems FastCSV does not report (see
 * {@link QuoteCheck}) and for undecodable bytes. It looks one record ahead: a problem on a physical line belongs
 * to the record that starts at or before it and ends before the next record starts. Empty lines are skipped.
 *
 * <p>What FastCSV itself rejects (a field over its 16M-character limit, typically an unclosed quote in a huge file)
 * cannot be skipped: FastCSV cannot resume after it, so the reader reports it once and ends the pass.
 */
final class CsvRecords implements Rows {
    private static final Pattern FASTCSV_LINE = Pattern.compile("started in line (\\d+)");

    private final String file;
    private final LineProblems problems = new LineProblems();
    private final QuoteCheck quotes;
    private final CsvReader<CsvRecord> csv;
    private final CloseableIterator<CsvRecord> records;
    private CsvRecord current;
    private CsvRecord ahead;
    private boolean started;
    private boolean broken;
    private long lastStart;
    /** FastCSV's failure while looking ahead, reported after the record before it. */
    private BadRecordException deferred;

    CsvRecords(String file, BufferedInputStream bytes, char separator, int maxRecordBytes) throws IOException {
        this.file = file;
        Utf8Input input = Utf8Input.of(bytes, problems);
        this.quotes = new QuoteCheck(input, separator, problems, maxRecordBytes);
        input.countLinesWith(quotes);
        this.csv = CsvReader.builder().fieldSeparator(separator).quoteCharacter('"').skipEmptyLines(true)
                .ignoreDifferentFieldCount(true).acceptCharsAfterQuotes(true).detectBomHeader(false)
                .ofCsvRecord(quotes);
        this.records = csv.iterator();
    }

    @Override
    public boolean next() throws IOException {
        current = null;
        if (deferred != null) {
            BadRecordException e = deferred;
            deferred = null;
            throw e;
        }
        if (broken && ahead == null) {
            return false;
        }
        CsvRecord record = started ? ahead : fetch();
        started = true;
        if (record == null) {
            return false;
        }
        lastStart = record.getStartingLineNumber();
        try {
            ahead = fetch();
        } catch (BadRecordException e) {
            deferred = e;
        }
        long lastLine = ahead == null ? Long.MAX_VALUE : ahead.getStartingLineNumber() - 1;
        String problem = problems.takeUpTo(lastStart, lastLine);
        if (problem == null && ahead == null && !broken && quotes.unclosedAtEnd()) {
            problem = "unclosed quote; expected a closing quote before the end of the file";
        }
        if (problem != null) {
            throw new BadRecordException(file, lastStart, problem);
        }
        current = record;
        return true;
    }

    @Override
    public int fieldCount() {
        return current.getFieldCount();
    }

    @Override
    public String field(int i) {
        return current.getField(i);
    }

    @Override
    public long line() {
        return lastStart;
    }

    private CsvRecord fetch() throws IOException {
        try {
            return records.hasNext() ? records.next() : null;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (CsvParseException e) {
            broken = true;
            ahead = null;
            Matcher m = FASTCSV_LINE.matcher(String.valueOf(e.getMessage()));
            long line = m.find() ? Long.parseLong(m.group(1)) : lastStart + 1;
            String why = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
            String problem = problems.takeUpTo(line, line);
            throw new BadRecordException(file, line, (problem != null ? problem + "; FastCSV cannot go on after it,"
                    + " so " : "") + "cannot parse the rest of the file: " + why);
        }
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }
}

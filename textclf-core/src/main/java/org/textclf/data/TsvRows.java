package org.textclf.data;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Tab-separated rows as IANA text/tab-separated-values defines them: one record per line, fields split at every
 * tab, no quoting, so a quote character is ordinary text (GLUE's TSV files depend on that). Blank lines are skipped.
 */
final class TsvRows implements Rows {
    private final LineInput lines;
    private final List<String> fields = new ArrayList<>();

    TsvRows(LineInput lines) {
        this.lines = lines;
    }

    @Override
    public boolean next() throws IOException {
        fields.clear();
        String line;
        do {
            line = lines.readLine();
            if (line == null) {
                return false;
            }
        } while (line.isEmpty());
        int start = 0;
        for (int tab = line.indexOf('\t'); tab >= 0; tab = line.indexOf('\t', start)) {
            fields.add(line.substring(start, tab));
            start = tab + 1;
        }
        fields.add(line.substring(start));
        return true;
    }

    @Override
    public int fieldCount() {
        return fields.size();
    }

    @Override
    public String field(int index) {
        return fields.get(index);
    }

    @Override
    public long line() {
        return lines.line();
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}

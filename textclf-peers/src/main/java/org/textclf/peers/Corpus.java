package org.textclf.peers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.textclf.data.Sample;
import org.textclf.data.SampleReader;
import org.textclf.data.SourceOptions;
import org.textclf.data.Sources;

/** The labels and texts of a corpus file, read as {@code textclf train} reads it (fields joined, bad records fail). */
record Corpus(List<String> labels, List<String> texts) {

    static Corpus read(Path file) throws IOException {
        List<String> labels = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        try (SampleReader reader = Sources.open(file, SourceOptions.DEFAULTS).open()) {
            for (Sample s = reader.next(); s != null; s = reader.next()) {
                if (s.label() == null) {
                    throw new IOException(file + ":" + s.line() + ": the record has no label; the peers train and "
                            + "score on labelled files only");
                }
                labels.add(s.label());
                texts.add(s.text());
            }
        }
        if (texts.isEmpty()) {
            throw new IOException(file + ": no records; expected a labelled corpus file");
        }
        return new Corpus(List.copyOf(labels), List.copyOf(texts));
    }

    int size() {
        return texts.size();
    }
}

package org.textclf.feed;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.textclf.data.BadRecordPolicy;
import org.textclf.data.Labels;
import org.textclf.data.ReadStats;
import org.textclf.data.Sample;
import org.textclf.data.SampleReader;
import org.textclf.data.SampleSource;
import org.textclf.io.TempFiles;

/**
 * Both parts of a {@link Split} of one source, sharing their reads. Before either part is first read, one counting
 * pass over the source chooses the held-out samples class by class ({@link HeldOut}; it also gives the classes of
 * the whole source, {@link #labels}). Then the first pass over the train part that reads
 * the source to its end also writes the held-out samples to a temp file, and from then on the validation part reads
 * that file instead of the whole source. Training reads the train part several times before the validation part is
 * first needed (the vectorizer's fit), so building the validation cache costs a read of a fifth of the text instead
 * of parsing, hashing and filtering all of it again. Until such a pass has ended, the validation part filters the
 * source; the samples, their order and their line numbers are the same either way.
 * Close deletes the file.
 */
public final class SplitParts implements Closeable {
    private final Split split;
    private final SampleSource source;
    private final Path tempDir;
    /** The held-out samples of a completed pass, or null. */
    private volatile Path spilled;
    /** Whether a pass is writing the held-out samples now; one at a time. */
    private boolean spilling;
    private boolean closed;
    /** The counting pass's result, once it ran. */
    private HeldOut heldOut;

    public SplitParts(Split split, SampleSource source, Path tempDir) {
        this.split = split;
        this.source = source;
        this.tempDir = tempDir;
    }

    /** The samples not held out; its first complete pass records the held-out ones. */
    public SampleSource train() {
        return new Part("train split") {
            @Override
            public SampleReader open() throws IOException {
                HeldOut split = heldOut();
                Path file = startSpill();
                return file == null ? filtered(split, false) : new Spilling(split, source.open(), file);
            }
        };
    }

    /** The held-out samples: from the recorded file once a train pass completed, else by filtering the source. */
    public SampleSource validation() {
        return new Part("validation split") {
            @Override
            public SampleReader open() throws IOException {
                HeldOut split = heldOut();
                Path file = spilled;
                return file == null ? filtered(split, true) : replay(file);
            }
        };
    }

    /**
     * The classes of the whole source, from the counting pass (run now if no part has been read yet).
     *
     * @throws IOException when the source cannot be split or read
     */
    public Labels labels() throws IOException {
        return heldOut().labels();
    }

    private synchronized HeldOut heldOut() throws IOException {
        if (heldOut == null) {
            heldOut = HeldOut.count(split, source);
        }
        return heldOut;
    }

    /** The samples of one side, filtering a fresh pass over the source. */
    private SampleReader filtered(HeldOut split, boolean validation) throws IOException {
        return SampleReader.filtered(source.open(), (s, stats) -> split.isValidation(s) == validation);
    }

    /** One part, named after the source. */
    private abstract class Part implements SampleSource {
        private final String part;

        Part(String part) {
            this.part = part;
        }

        @Override
        public String name() {
            return source.name();
        }

        /** The whole file, which each part reads through: a first pass's progress is its bytes. */
        @Override
        public Optional<Path> file() {
            return source.file();
        }

        /** The source's: a bad record in either part is the source's, skipped or failing as it says. */
        @Override
        public BadRecordPolicy onBadRecord() {
            return source.onBadRecord();
        }

        @Override
        public String toString() {
            return source.name() + " (" + part + ")";
        }
    }

    private synchronized Path startSpill() throws IOException {
        if (closed || spilling || spilled != null) {
            return null;
        }
        spilling = true;
        return TempFiles.create(tempDir, "textclf-heldout-", ".bin");
    }

    /** A pass ended: keep the file if it holds every held-out sample, else drop it and let a later pass try. */
    private synchronized void endSpill(Path file, boolean complete) throws IOException {
        spilling = false;
        if (complete && !closed) {
            spilled = file;
        } else {
            TempFiles.delete(file);
        }
    }

    private static SampleReader replay(Path file) throws IOException {
        RecordFile.Input<Sample> in = RecordFile.reader(file, RecordCodec.SAMPLES);
        ReadStats stats = new ReadStats();
        return new SampleReader() {
            @Override
            public Sample next() throws IOException {
                Sample s = in.next();
                if (s != null) {
                    stats.countRead();
                }
                return s;
            }

            @Override
            public ReadStats stats() {
                return stats;
            }

            @Override
            public void close() throws IOException {
                in.close();
            }
        };
    }

    @Override
    public synchronized void close() throws IOException {
        closed = true;
        Path file = spilled;
        spilled = null;
        if (file != null) {
            TempFiles.delete(file);
        }
    }

    /** The train part's reader, writing each held-out sample it passes over to the file. */
    private final class Spilling implements SampleReader {
        private final HeldOut split;
        private final SampleReader reader;
        private final Path file;
        private final RecordFile.Writer<Sample> heldOut;
        private boolean ended;

        Spilling(HeldOut split, SampleReader reader, Path file) throws IOException {
            this.split = split;
            this.reader = reader;
            this.file = file;
            this.heldOut = new RecordFile.Writer<>(file, RecordCodec.SAMPLES);
        }

        @Override
        public Sample next() throws IOException {
            for (Sample s = reader.next(); s != null; s = reader.next()) {
                if (!split.isValidation(s)) {
                    return s;
                }
                heldOut.write(s);
            }
            ended = true;
            return null;
        }

        @Override
        public ReadStats stats() {
            return reader.stats();
        }

        @Override
        public void close() throws IOException {
            boolean complete = false;
            try (reader) {
                heldOut.close();
                complete = ended;
            } finally {
                endSpill(file, complete);
            }
        }
    }
}

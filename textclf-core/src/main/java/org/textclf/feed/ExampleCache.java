package org.textclf.feed;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.textclf.batch.BatchRows;
import org.textclf.batch.Example;
import org.textclf.batch.VectorizedExamples;
import org.textclf.data.Sample;
import org.textclf.data.SampleReader;
import org.textclf.data.SampleSource;
import org.textclf.io.Failures;
import org.textclf.io.TempFiles;
import org.textclf.progress.PassProgress;

/**
 * The vectorized examples of a source in a compact binary file ({@link CacheFile}'s layout, kind
 * {@code examples}; the body is the records in {@link RecordCodec#EXAMPLES}' format, in source order), written by one
 * pass (parsing on the calling thread, vectorizing on the workers) so that every epoch after it reads numbers
 * instead of re-parsing and re-tokenizing text. A temp cache is deleted on close; a kept one ({@link CacheDirectory})
 * stays for the next run with the same key.
 */
final class ExampleCache implements Closeable {
    static final String KIND = "examples";
    private final Path file;
    private final CacheFile.Check contents;
    private final boolean temporary;
    /** The examples of each class id, counted while writing; null for a kept cache read back, until counted. */
    private long[] classCounts;

    private ExampleCache(Path file, CacheFile.Check contents, boolean temporary, long[] classCounts) {
        this.file = file;
        this.contents = contents;
        this.temporary = temporary;
        this.classCounts = classCounts;
    }

    /** A kept cache that {@link CacheFile#check} found usable. */
    static ExampleCache existing(Path file, CacheFile.Check contents) {
        return new ExampleCache(file, contents, false, null);
    }

    /**
     * Vectorizes {@code source} in order into a new cache file, with at most {@code inFlight} chunks of
     * {@code chunkSize} samples being vectorized at once.
     *
     * @param keep where to keep the cache, written atomically, with {@code key}; null for a temp file in
     *     {@code tempDir}, deleted on close
     * @param bar advanced by the samples read
     */
    static <B> ExampleCache build(SampleSource source, ChunkVectorizer<B> vectorizer, BatchRows<B> rows,
            int chunkSize, VectorizerPool workers, int inFlight, Path tempDir, Path keep, CacheKey key,
            PassProgress.Bar bar) throws IOException {
        ArrayDeque<Future<B>> pending = new ArrayDeque<>();
        ClassCounts counts = new ClassCounts();
        try {
            return write(tempDir, keep, key, counts, out -> {
                long count = 0;
                try (SampleReader reader = source.open()) {
                    List<Sample> chunk = new ArrayList<>(chunkSize);
                    for (Sample s = reader.next(); ; s = reader.next()) {
                        if (s != null) {
                            chunk.add(s);
                            count++;
                        }
                        if (chunk.size() == chunkSize || (s == null && !chunk.isEmpty())) {
                            pending.add(workers.submit(vectorizer.task(chunk)));
                            chunk = new ArrayList<>(chunkSize);
                            bar.stepTo(count);
                        }
                        while (!pending.isEmpty() && (pending.size() >= inFlight || s == null)) {
                            B batch = pending.removeFirst().get();
                            for (int i = 0, n = rows.size(batch); i < n; i++) {
                                Example e = rows.row(batch, i);
                                RecordCodec.EXAMPLES.write(out, e);
                                counts.add(e.label());
                            }
                        }
                        if (s == null) {
                            return count;
                        }
                    }
                }
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while caching " + source.name());
        } catch (ExecutionException e) {
            Failures.rethrow(e.getCause());
            throw new IllegalStateException(e); // not reached: rethrow always throws
        } finally {
            pending.forEach(f -> f.cancel(true)); // none left unless the build failed
        }
    }

    /**
     * Copies examples that an earlier pass vectorized (see {@link VectorizedExamples}) into a new cache file: the
     * same file {@link #build} would write from their source, at the cost of reading numbers instead of text.
     *
     * @param keep as for {@link #build}
     * @param bar advanced by the examples copied
     */
    static ExampleCache copy(VectorizedExamples examples, Path tempDir, Path keep, CacheKey key, PassProgress.Bar bar)
            throws IOException {
        ClassCounts counts = new ClassCounts();
        try {
            return write(tempDir, keep, key, counts, out -> {
                long count = 0;
                try (VectorizedExamples.Reader in = examples.open()) {
                    for (Example e = in.next(); e != null; e = in.next()) {
                        RecordCodec.EXAMPLES.write(out, e);
                        counts.add(e.label());
                        if (++count % 1024 == 0) {
                            bar.stepTo(count);
                        }
                    }
                }
                bar.stepTo(count);
                return count;
            });
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("copying examples waits for nothing", e);
        }
    }

    /** How the body of a cache file is written: the records, in order; returns how many. */
    @FunctionalInterface
    private interface Body {
        long writeTo(RecordOutput out) throws IOException, InterruptedException, ExecutionException;
    }

    /** Writes a cache file (kept, or a temp file in {@code tempDir}) whose records {@code body} writes. */
    private static ExampleCache write(Path tempDir, Path keep, CacheKey key, ClassCounts counts, Body body)
            throws IOException, InterruptedException, ExecutionException {
        Path file = keep != null ? keep : TempFiles.create(tempDir, "textclf-examples-", ".bin");
        try (CacheFile.Writer writer = new CacheFile.Writer(file, keep != null, KIND,
                key != null ? key : CacheKey.builder().build())) {
            RecordOutput out = new RecordOutput(writer.out());
            long count = body.writeTo(out);
            out.flush();
            long bodyOffset = writer.bodyOffset();
            writer.commit(count);
            return new ExampleCache(file, new CacheFile.Check(true, false, "", count, bodyOffset), keep == null,
                    counts.counts);
        } catch (IOException | RuntimeException | InterruptedException | ExecutionException e) {
            deleteTemp(file, keep);
            throw e;
        }
    }

    /** A temp cache goes on failure; a kept one was never renamed into place (its writer deleted its temp file). */
    private static void deleteTemp(Path file, Path keep) throws IOException {
        if (keep == null) {
            TempFiles.delete(file);
        }
    }

    CacheFile.Check contents() {
        return contents;
    }

    long examples() {
        return contents.records();
    }

    /**
     * The examples of each class id in {@code [0, classes)}: counted while the cache was written, or, for a kept
     * cache read back, by one pass over it now.
     *
     * @throws IOException when the cache holds a class id outside {@code [0, classes)}, or cannot be read
     */
    synchronized long[] classCounts(int classes) throws IOException {
        if (classCounts == null) {
            ClassCounts counts = new ClassCounts();
            try (RecordFile.Input<Example> in = open()) {
                for (Example e = in.next(); e != null; e = in.next()) {
                    counts.add(e.label());
                }
            }
            classCounts = counts.counts;
        }
        if (classCounts.length > classes) {
            for (int c = classes; c < classCounts.length; c++) {
                if (classCounts[c] > 0) {
                    throw new IOException(file + ": holds examples of class id " + c + "; expected ids below "
                            + classes);
                }
            }
        }
        return Arrays.copyOf(classCounts, classes);
    }

    /** Examples by class id, grown as ids arrive. */
    private static final class ClassCounts {
        long[] counts = new long[0];

        void add(int label) {
            if (label < 0) {
                return; // unlabelled: a training step refuses it, with its own message
            }
            if (label >= counts.length) {
                counts = Arrays.copyOf(counts, Math.max(label + 1, 2 * counts.length));
            }
            counts[label]++;
        }
    }

    /** One pass over the examples, in the order they were written. */
    RecordFile.Input<Example> open() throws IOException {
        RecordInput in = new RecordInput(CacheFile.openBody(file, contents));
        long total = contents.records();
        return new RecordFile.Input<>() {
            private long read;

            @Override
            public Example next() throws IOException {
                if (read == total) {
                    return null;
                }
                read++;
                Example e = RecordCodec.EXAMPLES.read(in);
                if (e == null) {
                    throw new java.io.EOFException(file + ": ended after " + (read - 1) + " of " + total
                            + " examples; was it changed while training?");
                }
                return e;
            }

            @Override
            public void close() throws IOException {
                in.close();
            }
        };
    }

    /** Deletes a temp cache; a kept one stays. */
    @Override
    public void close() throws IOException {
        if (temporary) {
            TempFiles.delete(file);
        }
    }
}

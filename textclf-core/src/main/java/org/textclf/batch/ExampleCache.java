package org.textclf.batch;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.textclf.data.Labels;
import org.textclf.data.Sample;
import org.textclf.data.SampleReader;
import org.textclf.data.SampleSource;

/**
 * The vectorized examples of a source in a compact binary temp file, written by one pass (parsing on the calling
 * thread, vectorizing on the workers) so that every epoch after it reads numbers instead of re-parsing and
 * re-tokenizing text. Deleted on close.
 */
final class ExampleCache implements Closeable {
    private final Path file;
    private final long examples;

    private ExampleCache(Path file, long examples) {
        this.file = file;
        this.examples = examples;
    }

    /**
     * Vectorizes {@code source} in order into a new cache file, with at most {@code inFlight} chunks of
     * {@code chunkSize} samples being vectorized at once.
     */
    static <B> ExampleCache build(SampleSource source, Labels labels, Vectorizer<B> vectorizer, BatchRows<B> rows,
            int chunkSize, ExecutorService workers, int inFlight, Path tempDir) throws IOException {
        Path file = Files.createTempFile(tempDir == null ? Path.of(System.getProperty("java.io.tmpdir")) : tempDir,
                "textclf-examples-", ".bin");
        ArrayDeque<Future<B>> pending = new ArrayDeque<>();
        long count = 0;
        try (SampleReader reader = source.open();
                RecordFile.Writer<Example> out = new RecordFile.Writer<>(file, RecordCodec.EXAMPLES)) {
            List<Sample> chunk = new ArrayList<>(chunkSize);
            for (Sample s = reader.next(); ; s = reader.next()) {
                if (s != null) {
                    chunk.add(s);
                    count++;
                }
                if (chunk.size() == chunkSize || (s == null && !chunk.isEmpty())) {
                    List<Sample> batch = chunk;
                    pending.add(workers.submit(() -> vectorizer.vectorize(batch, BatchGenerator.labelIds(batch,
                            labels, source.name()))));
                    chunk = new ArrayList<>(chunkSize);
                }
                while (!pending.isEmpty() && (pending.size() >= inFlight || s == null)) {
                    B batch = pending.removeFirst().get();
                    for (int i = 0, n = rows.size(batch); i < n; i++) {
                        out.write(rows.row(batch, i));
                    }
                }
                if (s == null) {
                    break;
                }
            }
            return new ExampleCache(file, count);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Files.deleteIfExists(file);
            throw new java.io.InterruptedIOException("interrupted while caching " + source.name());
        } catch (ExecutionException e) {
            Files.deleteIfExists(file);
            pending.forEach(f -> f.cancel(true));
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(cause);
        } catch (IOException | RuntimeException e) {
            pending.forEach(f -> f.cancel(true));
            Files.deleteIfExists(file);
            throw e;
        }
    }

    long examples() {
        return examples;
    }

    RecordFile.Input<Example> open() throws IOException {
        return RecordFile.reader(file, RecordCodec.EXAMPLES);
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(file);
    }
}

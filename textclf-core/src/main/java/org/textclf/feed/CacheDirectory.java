package org.textclf.feed;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.textclf.batch.BatchRows;
import org.textclf.batch.Example;
import org.textclf.io.TempFiles;
import org.textclf.progress.PassProgress;

/**
 * A folder that keeps, between runs, what a training run computes before its first epoch: the fitted vectorizer
 * and the vectorized example caches, so that a second run on unchanged data with unchanged options skips the fit and
 * the caching passes. Files, each in {@link CacheFile}'s checksummed layout with its key:
 * <ul>
 *   <li>{@value #VECTORIZER_FILE} (kind {@code vectorizer}), keyed by the fit key (input files' sizes and CRC32C,
 *       every option that affects the fit or the split); body: int class count, then per class int length and the
 *       raw label's UTF-8 bytes; int length and the vectorizer's serialized bytes;</li>
 *   <li>{@code NAME.examples} (kind {@code examples}, e.g. {@code train.examples}), keyed by the fit key plus the
 *       size and CRC32C of the vectorizer's serialized bytes; body: the examples in
 *       {@link RecordCodec#EXAMPLES}' format, in source order.</li>
 * </ul>
 * Generic over the vectorizer: it only sees its serialized bytes, and a {@link BatchRows} for the examples. A stale
 * file (another key) is rebuilt with the reason printed; a corrupt one (short, bad checksum) is rebuilt with a
 * warning; half-written temp files ({@code .NAME.PID-RANDOM.tmp}) are never read, and deleted once their process is
 * gone ({@code io.TempFiles#sweep}). Not
 * thread-safe: one run per directory at a time.
 */
public final class CacheDirectory {
    public static final String VECTORIZER_FILE = "vectorizer.cache";
    static final String VECTORIZER_KIND = "vectorizer";
    static final String EXAMPLES_SUFFIX = ".examples";

    private final Path dir;
    private final CacheKey fitKey;
    private final PassProgress progress;
    private CacheKey examplesKey;
    private boolean vectorizerReused;
    /**
     * Example files already checked under {@link #examplesKey}, so that a build does not read them twice. Concurrent:
     * the train and validation caches are built on two threads at once.
     */
    private final Map<String, CacheFile.Check> checked = new ConcurrentHashMap<>();

    private CacheDirectory(Path dir, CacheKey fitKey, PassProgress progress) {
        this.dir = dir;
        this.fitKey = fitKey;
        this.progress = progress;
    }

    /**
     * The cache folder {@code dir}, created if needed, for a run whose fit is keyed by {@code fitKey}.
     *
     * @param progress where reasons to rebuild (verbose 1 and 2) and warnings (always) go
     */
    public static CacheDirectory open(Path dir, CacheKey fitKey, PassProgress progress) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IOException(dir + ": cannot keep caches here; expected a folder, found a file");
        }
        Files.createDirectories(dir);
        TempFiles.sweep(dir);
        return new CacheDirectory(dir, fitKey, progress);
    }

    public Path path() {
        return dir;
    }

    /** A fitted vectorizer as cached: its classes' raw labels, in class-id order, and its serialized bytes. */
    public record Fitted(List<String> labels, byte[] vectorizer) {
        public Fitted {
            labels = List.copyOf(labels);
        }
    }

    /** The cached vectorizer when it was fitted from the same inputs and options, else null (the reason printed). */
    public Fitted fitted() throws IOException {
        Path file = dir.resolve(VECTORIZER_FILE);
        CacheFile.Check check = check(file, VECTORIZER_KIND, fitKey, "fitting the vectorizer");
        if (!check.usable()) {
            return null;
        }
        try (DataInputStream in = CacheFile.openBody(file, check)) {
            long size = Files.size(file);
            int classes = in.readInt();
            if (classes < 0 || classes > size) {
                throw new IOException(file + ": bad class count " + classes);
            }
            List<String> labels = new ArrayList<>(classes);
            for (int c = 0; c < classes; c++) {
                labels.add(new String(CacheFile.readBytes(in, size), StandardCharsets.UTF_8));
            }
            Fitted fitted = new Fitted(labels, CacheFile.readBytes(in, size));
            use(fitted.vectorizer());
            vectorizerReused = true;
            return fitted;
        }
    }

    /** Keeps a freshly fitted vectorizer under the fit key; the example caches are keyed by it from now on. */
    public void saveFitted(Fitted fitted) throws IOException {
        try (CacheFile.Writer writer = new CacheFile.Writer(dir.resolve(VECTORIZER_FILE), true, VECTORIZER_KIND,
                fitKey)) {
            writer.out().writeInt(fitted.labels().size());
            for (String label : fitted.labels()) {
                CacheFile.writeBytes(writer.out(), label.getBytes(StandardCharsets.UTF_8));
            }
            CacheFile.writeBytes(writer.out(), fitted.vectorizer());
            writer.commit(1);
        }
        use(fitted.vectorizer());
    }

    private void use(byte[] vectorizer) {
        examplesKey = fitKey.toBuilder().bytes("vectorizer", vectorizer).build();
        checked.clear();
    }

    /**
     * Checks the example caches {@code names} (e.g. train, validation) and says what the run will do: when the
     * vectorizer and all of them are reused, one line {@code reusing cached vectorizer and 20,003 + 4,997 examples
     * from DIR}; otherwise why each missing one is rebuilt.
     *
     * @return whether all of them are reused
     */
    public boolean reportExamples(String... names) throws IOException {
        requireVectorizer();
        List<String> counts = new ArrayList<>();
        boolean all = true;
        for (String name : names) {
            CacheFile.Check check = examplesCheck(name);
            all &= check.usable();
            counts.add(String.format("%,d", check.records()));
        }
        if (all && vectorizerReused) {
            progress.line("reusing cached vectorizer and " + String.join(" + ", counts) + " examples from " + dir);
        } else if (all) {
            progress.line("reusing cached " + String.join(" + ", counts) + " examples from " + dir);
        }
        return all;
    }

    /** The check of {@code NAME.examples} under the current key, made once and remembered. */
    CacheFile.Check examplesCheck(String name) throws IOException {
        requireVectorizer();
        CacheFile.Check check = checked.get(name);
        if (check == null) {
            check = check(examplesFile(name), ExampleCache.KIND, examplesKey, "caching " + name + " examples");
            checked.put(name, check);
        }
        return check;
    }

    /** Notes that {@code NAME.examples} was just written under the current key. */
    void built(String name, CacheFile.Check check) {
        checked.put(name, check);
    }

    CacheKey examplesKey() {
        requireVectorizer();
        return examplesKey;
    }

    Path examplesFile(String name) {
        if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
            throw new IllegalArgumentException("an example cache name must be a plain file name, found '" + name
                    + "'");
        }
        return dir.resolve(name + EXAMPLES_SUFFIX);
    }

    private void requireVectorizer() {
        if (examplesKey == null) {
            throw new IllegalStateException("example caches are keyed by the vectorizer; call fitted() or"
                    + " saveFitted() first");
        }
    }

    private CacheFile.Check check(Path file, String kind, CacheKey key, String rebuilding) throws IOException {
        CacheFile.Check check = CacheFile.check(file, kind, key);
        if (check.corrupt()) {
            progress.warn("ignoring a corrupt cache file, " + check.reason() + "; " + rebuilding + " anew");
        } else if (!check.usable()) {
            progress.line(rebuilding + " in " + dir + " (" + check.reason() + ")");
        }
        return check;
    }
}

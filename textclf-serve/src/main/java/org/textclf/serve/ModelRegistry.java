package org.textclf.serve;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The models being served, by name, and their hot reload. A new file is loaded beside the old model and swapped in
 * with one atomic reference write, so a batch already computing finishes on the model it started with and every
 * later batch uses the new one; a file that fails to load leaves the old model serving and is reported in one line.
 */
final class ModelRegistry implements AutoCloseable {
    private final Map<String, AtomicReference<ServedModel>> models = new LinkedHashMap<>();
    private final ModelLoader loader;
    private final PrintStream log;
    private final Metrics metrics;
    private final List<ModelSource> sources;
    private ScheduledExecutorService watcher;

    /** Names the models; none is loaded until {@link #loadAll}, so the server can answer liveness meanwhile. */
    ModelRegistry(List<ModelSource> sources, ModelLoader loader, PrintStream log, Metrics metrics) {
        this.loader = loader;
        this.log = log;
        this.metrics = metrics;
        for (ModelSource source : sources) {
            if (models.containsKey(source.name())) {
                throw new IllegalArgumentException("two models are named '" + source.name() + "'; name one"
                        + " explicitly, e.g. other=" + source.path());
            }
            models.put(source.name(), new AtomicReference<>());
        }
        this.sources = List.copyOf(sources);
    }

    /** Loads every model; the first that fails ends the start with its reason (an IOException naming the file). */
    void loadAll() throws IOException {
        for (ModelSource source : sources) {
            ServedModel model = read(source);
            models.get(source.name()).set(model);
            metrics.loaded(model);
        }
    }

    /** Whether a model of that name is configured (loaded or not). */
    boolean has(String name) {
        return models.containsKey(name);
    }

    /** The model named {@code name} as it is now, or null when it is not loaded yet (or no model has that name). */
    ServedModel current(String name) {
        AtomicReference<ServedModel> ref = models.get(name);
        return ref == null ? null : ref.get();
    }

    /** Whether every model is loaded: readiness. */
    boolean ready() {
        for (AtomicReference<ServedModel> ref : models.values()) {
            if (ref.get() == null) {
                return false;
            }
        }
        return true;
    }

    List<String> names() {
        return new ArrayList<>(models.keySet());
    }

    /** Every model's file is checked every {@code pollMillis} and reloaded when its time or size changed. */
    void watch(int pollMillis) {
        if (pollMillis <= 0) {
            return;
        }
        watcher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "textclf-serve-watch");
            t.setDaemon(true);
            return t;
        });
        watcher.scheduleWithFixedDelay(() -> reload(false), pollMillis, pollMillis, TimeUnit.MILLISECONDS);
    }

    /**
     * Reloads the models whose files changed since they were loaded, or every model when {@code all} (SIGHUP).
     * Synchronized: the watcher and a signal never load the same file twice at once.
     */
    synchronized void reload(boolean all) {
        for (AtomicReference<ServedModel> ref : models.values()) {
            ServedModel old = ref.get();
            if (old == null) {
                continue; // still loading at start
            }
            ModelSource source = old.source();
            try {
                ServedModel.Stamp now = ServedModel.Stamp.of(source.path());
                if (!all && now.equals(old.stamp())) {
                    continue;
                }
                ServedModel fresh = read(source);
                ref.set(fresh);
                metrics.loaded(fresh);
                log.println("textclf: reloaded " + source.name() + " from " + source.path() + " (version "
                        + fresh.version() + ", crc32c " + fresh.checksum() + ")");
            } catch (IOException | RuntimeException e) {
                // Keep the old model, and its stamp: the next poll tries again only if the file changes again.
                ref.set(withStamp(old, source));
                metrics.reloadFailed(source.name());
                log.println("textclf: " + source.path() + ": not reloaded, still serving version " + old.version()
                        + " of " + source.name() + "; " + message(e));
            }
            log.flush();
        }
    }

    private static ServedModel withStamp(ServedModel old, ModelSource source) {
        try {
            return new ServedModel(source, old.predictor(), ServedModel.Stamp.of(source.path()), old.checksum(),
                    old.loadedAtMillis(), old.loadMillis());
        } catch (IOException e) {
            return old; // the file is gone: keep looking for it
        }
    }

    private ServedModel read(ModelSource source) throws IOException {
        long start = System.nanoTime();
        ServedModel.Stamp stamp = ServedModel.Stamp.of(source.path());
        String checksum = ServedModel.checksum(source.path());
        var predictor = loader.load(source.path());
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new ServedModel(source, predictor, stamp, checksum, System.currentTimeMillis(), millis);
    }

    private static String message(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getName() : m;
    }

    @Override
    public void close() {
        if (watcher != null) {
            watcher.shutdownNow();
        }
    }
}

package org.textclf.tune;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs a rung's trials on a few threads at once. Trials that share a vectorizer share its cache folder, which one
 * run at a time may build ({@code feed.CacheDirectory}): the first trial of a vectorizer runs alone among that
 * vectorizer's trials, and once it has built the folder the others read it side by side.
 */
final class SideBySide {
    /** One trial's run; null when it did not start (the time budget was used). */
    interface Task {
        TrialResult run() throws IOException;
    }

    private final int workers;
    private final Set<String> built = ConcurrentHashMap.newKeySet();
    private final Map<String, ReentrantLock> building = new ConcurrentHashMap<>();

    SideBySide(int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1; found " + workers);
        }
        this.workers = workers;
    }

    int workers() {
        return workers;
    }

    /**
     * Runs {@code tasks} (started in order) and returns their results in that order, nulls included.
     *
     * @param keys each task's vectorizer, by which it shares a cache folder
     * @throws IOException the first task's failure, once the tasks already running have ended
     */
    List<TrialResult> run(List<String> keys, List<Task> tasks) throws IOException {
        List<TrialResult> results = new ArrayList<>();
        if (workers == 1 || tasks.size() < 2) {
            for (int i = 0; i < tasks.size(); i++) {
                results.add(keyed(keys.get(i), tasks.get(i)));
            }
            return results;
        }
        AtomicInteger names = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(workers, tasks.size()), r -> {
            Thread t = new Thread(r, "textclf-trial-" + names.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        List<Future<TrialResult>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < tasks.size(); i++) {
                String key = keys.get(i);
                Task task = tasks.get(i);
                futures.add(pool.submit(() -> keyed(key, task)));
            }
        } finally {
            pool.shutdown();
        }
        Throwable failure = null;
        for (Future<TrialResult> f : futures) {
            try {
                results.add(f.get());
            } catch (ExecutionException e) {
                failure = failure == null ? e.getCause() : failure;
                results.add(null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while trials ran", e);
            }
        }
        if (failure instanceof IOException io) {
            throw io;
        } else if (failure instanceof UncheckedIOException io) {
            throw io.getCause();
        } else if (failure instanceof RuntimeException e) {
            throw e;
        } else if (failure instanceof Error e) {
            throw e;
        }
        return results;
    }

    private TrialResult keyed(String key, Task task) throws IOException {
        if (built.contains(key)) {
            return task.run();
        }
        ReentrantLock lock = building.computeIfAbsent(key, k -> new ReentrantLock());
        lock.lock();
        try {
            TrialResult result = task.run();
            if (result != null) {
                built.add(key);
            }
            return result;
        } finally {
            lock.unlock();
        }
    }
}

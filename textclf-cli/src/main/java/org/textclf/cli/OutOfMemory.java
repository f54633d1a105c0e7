package org.textclf.cli;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;

/**
 * The last line of defence against an OutOfMemoryError: one line saying what ran out of memory and the heap to ask
 * for, {@code textclf: out of memory (-Xmx64m) while fitting the vectorizer; raise the heap, e.g.
 * JAVA_OPTS=-Xmx256m bin/textclf train imdb}, instead of a stack trace. The buffers are sized from the heap, so this
 * is what is left when the model or the data itself does not fit. An OutOfMemoryError is an Error, which picocli's
 * exception handler never sees: {@link Main} catches it around the command and, for threads whose failure nobody
 * takes, in the default uncaught-exception handler.
 */
final class OutOfMemory {
    /** What a run was doing, by the package of the innermost textclf frame of the error's stack. */
    private static final Map<String, String> ACTIVITIES = Map.ofEntries(
            Map.entry("data", "reading the data"),
            Map.entry("explore", "exploring the corpus"),
            Map.entry("text", "fitting the vectorizer"),
            Map.entry("feed", "feeding batches (shuffling, caching)"),
            Map.entry("batch", "making batches"),
            Map.entry("nn", "building or training the network"),
            Map.entry("train", "training the network"),
            Map.entry("eval", "evaluating"),
            Map.entry("io", "reading or writing a file"),
            Map.entry("model", "reading or writing a model file"));
    /** Commands that do one thing, whatever package their innermost frame is in. */
    private static final Map<String, String> COMMANDS = Map.of("explore", "exploring the corpus", "evaluate",
            "evaluating", "predict", "predicting");
    private static final String PACKAGE = "org.textclf.";
    /** Freed before the line is built, so that building it does not run out of memory too. */
    private static volatile byte[] reserve = new byte[1 << 18];

    private OutOfMemory() {
    }

    /** The one line for {@code error}, thrown while running {@code textclf args}. */
    static String line(OutOfMemoryError error, List<String> args) {
        reserve = null;
        long maxHeap = Runtime.getRuntime().maxMemory();
        return "textclf: out of memory (" + heapSetting(maxHeap) + ") while " + activity(error, args)
                + "; raise the heap, e.g. JAVA_OPTS=-Xmx" + suggestedMib(maxHeap) + "m bin/textclf "
                + String.join(" ", args);
    }

    /** The run's -Xmx as given, else the heap the JVM chose. */
    private static String heapSetting(long maxHeap) {
        String given = null;
        try {
            for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
                if (arg.startsWith("-Xmx") || arg.startsWith("-XX:MaxHeapSize=")) {
                    given = arg; // the last one wins, as for the JVM
                }
            }
        } catch (RuntimeException | LinkageError e) {
            // no management bean: say what the runtime says
        }
        return given != null ? given : "max heap " + (maxHeap >> 20) + " MiB";
    }

    static String activity(Throwable error, List<String> args) {
        String command = COMMANDS.get(args.isEmpty() ? "" : args.get(0));
        if (command != null) {
            return command; // one thing is all these do; their frames (the tokenizer's, the network's) would mislead
        }
        for (StackTraceElement frame : error.getStackTrace()) {
            String type = frame.getClassName();
            if (type.startsWith(PACKAGE)) {
                String rest = type.substring(PACKAGE.length());
                int dot = rest.indexOf('.');
                String activity = dot < 0 ? null : ACTIVITIES.get(rest.substring(0, dot));
                if (activity != null) {
                    return activity;
                }
            }
        }
        return args.isEmpty() ? "starting" : "running '" + args.get(0) + "'";
    }

    /** Four times the heap, rounded up to a power of two MiB: enough for most runs that did not fit, not wasteful. */
    static long suggestedMib(long maxHeap) {
        long mib = Math.max(1, (4 * maxHeap) >> 20);
        return Long.highestOneBit(mib - 1) << 1;
    }
}

package org.textclf.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code java -cp textclf-bench/target/benchmarks.jar org.textclf.bench.RequestBodies DATA OUT_DIR [--texts N]}:
 * writes the request bodies of {@code bench/serve} from the first N (default {@value #DEFAULT_TEXTS}) texts of DATA,
 * the same texts that {@link PredictThroughput} times in process: {@code OUT_DIR/single.jsonl}, one
 * {@code {"instances": ["text"]}} per line, and {@code OUT_DIR/batch64.jsonl}, {@value #BATCH} texts per line.
 * JSON strings never hold a raw line break, so a line is a body (wrk's Lua script reads them so).
 */
public final class RequestBodies {
    static final int DEFAULT_TEXTS = 2048;
    static final int BATCH = 64;

    private RequestBodies() {
    }

    public static void main(String[] args) throws Exception {
        ScriptMain.run("RequestBodies", args, RequestBodies::run);
    }

    private static void run(String[] args) throws IOException {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: RequestBodies DATA OUT_DIR [--texts N]");
        }
        int limit = DEFAULT_TEXTS;
        for (int i = 2; i < args.length; i += 2) {
            if (!args[i].equals("--texts")) {
                throw new IllegalArgumentException("unknown option " + args[i] + "; expected --texts N");
            }
            limit = TestTexts.positiveOption(args, i);
        }
        List<String> texts = TestTexts.load(Path.of(args[0]), limit, BATCH);
        Path out = Files.createDirectories(Path.of(args[1]));
        write(out.resolve("single.jsonl"), texts, 1);
        write(out.resolve("batch" + BATCH + ".jsonl"), texts, BATCH);
        System.out.printf("wrote %d single-text and %d %d-text bodies to %s%n", texts.size(), texts.size() / BATCH,
                BATCH, out);
    }

    /** One body per line, {@code size} consecutive texts each; a tail shorter than {@code size} is left out. */
    private static void write(Path file, List<String> texts, int size) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int from = 0; from + size <= texts.size(); from += size) {
                w.write("{\"instances\": [");
                for (int i = from; i < from + size; i++) {
                    if (i > from) {
                        w.write(", ");
                    }
                    w.write(quoted(texts.get(i)));
                }
                w.write("]}\n");
            }
        }
    }

    /** {@code s} as a JSON string (RFC 8259: quote, backslash and control characters escaped). */
    static String quoted(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}

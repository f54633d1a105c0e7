package org.textclf.spark.ml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.textclf.api.TextClassifier;

/**
 * The classifiers this JVM has loaded from model-file bytes, by the bytes' SHA-256: every task of an executor that
 * scores with one model shares one loaded copy, so a job of any size holds one model per executor, not one per task
 * or partition. Holds the {@value #CAPACITY} most recently used (a cross-validation scores with several models in
 * turn); a model used again after it was dropped is loaded again.
 */
final class ModelFiles {
    static final int CAPACITY = 2;
    private static final Map<String, TextClassifier> LOADED = new LinkedHashMap<>(4, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, TextClassifier> eldest) {
            return size() > CAPACITY;
        }
    };
    private static int loads;

    private ModelFiles() {
    }

    /** The hex SHA-256 of a model file's bytes: the cache's key. */
    static String hash(byte[] modelFile) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(modelFile));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /**
     * The classifier whose model file hashes to {@code hash}, loaded from {@code modelFile} (asked for only then:
     * reading a broadcast value is what fetches it) if this JVM does not hold it. Concurrent tasks wait for the one
     * load rather than each loading a copy.
     */
    static synchronized TextClassifier classifier(String hash, Supplier<byte[]> modelFile) {
        TextClassifier c = LOADED.get(hash);
        if (c == null) {
            c = load(modelFile.get());
            loads++;
            LOADED.put(hash, c);
        }
        return c;
    }

    /** How many times this JVM has loaded a model file (for tests). */
    static synchronized int loads() {
        return loads;
    }

    /**
     * A classifier from a model file's bytes, read as {@link TextClassifier#load} reads the file.
     *
     * @param name what the loader's messages call the bytes (where they came from) instead of its temp file
     * @throws IOException with the loader's one-line reason
     */
    static TextClassifier load(byte[] modelFile, String name) throws IOException {
        Path tmp = Files.createTempFile("textclf-spark-", ".textclf");
        try {
            Files.write(tmp, modelFile);
            return TextClassifier.load(tmp);
        } catch (IOException e) {
            throw new IOException(String.valueOf(e.getMessage()).replace(tmp.toString(), name), e);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** {@link #load(byte[], String)}, its failure unchecked, where the bytes were checked before. */
    static TextClassifier load(byte[] modelFile) {
        try {
            return load(modelFile, "the model file");
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    /** The bytes of the model file {@code classifier.save} writes. */
    static byte[] bytes(TextClassifier classifier) {
        try {
            Path tmp = Files.createTempFile("textclf-spark-", ".textclf");
            try {
                classifier.save(tmp);
                return Files.readAllBytes(tmp);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }
}

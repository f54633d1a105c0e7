package org.textclf.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.zip.CRC32C;
import org.textclf.branch.FittedModel;
import org.textclf.config.BranchConfig;
import org.textclf.config.FitConfig;

/**
 * Where a model came from, kept in its file: the textclf and the Java runtime that trained it, when, which branch,
 * the classes, the parameters, the input files (with sizes and checksums, so a model can be traced to its exact data)
 * and the final metrics.
 *
 * @param textclfVersion the version that wrote the model
 * @param javaVersion the Java runtime that trained it, e.g. {@code 17.0.12 (Eclipse Adoptium)}: float rounding may
 *     differ between runtimes; null in files written before it was recorded
 * @param created when training finished, ISO-8601
 * @param model the branch, e.g. {@code mlp} (n-gram tf-idf + MLP) or {@code sepcnn} (word sequences + sepCNN)
 * @param labels the raw labels, in class-id order
 * @param classNames the display names, in class-id order
 * @param parameters the training options, by name
 * @param inputs the data files read
 * @param metrics final metrics by name (best epoch, val_loss, test_accuracy, ...)
 */
public record ModelInfo(String textclfVersion, String javaVersion, String created, String model, List<String> labels,
        List<String> classNames, Map<String, Object> parameters, List<InputFile> inputs, Map<String, Double> metrics) {
    /** This build's version, e.g. {@code 0.1.0}: the POM's, filtered into {@code version.properties} by the build. */
    public static final String VERSION = buildVersion();

    public ModelInfo {
        labels = List.copyOf(labels);
        classNames = List.copyOf(classNames);
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        inputs = List.copyOf(inputs);
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    /** One input file: its role (train, validation, test), path, size and CRC32C. */
    public record InputFile(String role, String path, long bytes, String crc32c) {

        /** Describes {@code path} as it is now, reading it once for the checksum; a folder gets no checksum. */
        public static InputFile of(String role, Path path) throws IOException {
            if (Files.isDirectory(path)) {
                return new InputFile(role, path.toString(), 0, "");
            }
            CRC32C crc = new CRC32C();
            byte[] buffer = new byte[1 << 16];
            long bytes = 0;
            try (InputStream in = Files.newInputStream(path)) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    crc.update(buffer, 0, n);
                    bytes += n;
                }
            }
            return new InputFile(role, path.toString(), bytes, String.format("%08x", crc.getValue()));
        }
    }

    /**
     * The provenance of a model just trained: the branch's own parameters ({@code branch.describe}), then the fit's.
     *
     * @param branch the configuration the branch was fitted with, or null when unknown (a network trained by the
     *     caller's own loop)
     * @param fit how it was fitted, or null when unknown
     */
    public static ModelInfo of(FittedModel<?> model, BranchConfig branch, FitConfig fit, List<InputFile> inputs,
            Map<String, Double> metrics) {
        Map<String, Object> parameters = new LinkedHashMap<>(model.describe(branch));
        if (fit != null) {
            parameters.put("learning_rate", fit.adam(model.branch().defaultLearningRate()).learningRate());
            parameters.put("batch_size", fit.batchSize(model.branch().defaultBatchSize()));
            parameters.put("epochs", fit.epochs());
            parameters.put("patience", fit.patience());
            parameters.put("monitor", fit.monitor().key());
            parameters.put("validation_fraction", fit.validationFraction());
            parameters.put("seed", fit.seed());
            parameters.put("shuffle", fit.shuffle());
            parameters.put("class_weight", fit.classWeights().toString());
        }
        return new ModelInfo(VERSION, runtime(), Instant.now().toString(), model.branch().name(),
                model.labels().rawLabels(), model.labels().names(), parameters, inputs, metrics);
    }

    /** This provenance with the classes' display names (e.g. from a {@code classes.txt}). */
    public ModelInfo withClassNames(List<String> names) {
        return new ModelInfo(textclfVersion, javaVersion, created, model, labels, names, parameters, inputs, metrics);
    }

    /** This provenance with more metrics (e.g. a test's) and the files they were measured on. */
    public ModelInfo withMetrics(Map<String, Double> more, List<InputFile> moreInputs) {
        Map<String, Double> all = new LinkedHashMap<>(metrics);
        all.putAll(more);
        List<InputFile> files = new java.util.ArrayList<>(inputs);
        files.addAll(moreInputs);
        return new ModelInfo(textclfVersion, javaVersion, created, model, labels, classNames, parameters, files, all);
    }

    /** This Java runtime's version and vendor. */
    static String runtime() {
        return Runtime.version() + " (" + System.getProperty("java.vendor") + ")";
    }

    private static String buildVersion() {
        try (InputStream in = ModelInfo.class.getResourceAsStream("version.properties")) {
            Properties properties = new Properties();
            properties.load(in);  // a jar without it is a broken build: the NullPointerException says so at once
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.textclf.serve;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * What {@code GET /metrics} shows, in Prometheus' text format: requests by model and status code, their latency,
 * the texts per {@code predict} call, each model's version, checksum and load time, and failed reloads. A registry
 * of its own, so two servers in one JVM (tests) never share counts.
 */
final class Metrics {
    /** The {@code model} label of a request that names no configured model: unknown names never become labels. */
    static final String NO_MODEL = "";

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
    private final Counter requests = Counter.builder().name("textclf_requests")
            .help("HTTP requests by model and status code").labelNames("model", "code").register(registry);
    private final Histogram latency = Histogram.builder().name("textclf_request_duration_seconds").unit(Unit.SECONDS)
            .help("Time from a request's arrival to its answer").labelNames("model").classicOnly()
            .classicUpperBounds(0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)
            .register(registry);
    private final Histogram batchSize = Histogram.builder().name("textclf_batch_size")
            .help("Texts per predict call (micro-batches)").labelNames("model").classicOnly()
            .classicUpperBounds(1, 2, 4, 8, 16, 32, 64, 128, 256, 512).register(registry);
    private final Gauge version = Gauge.builder().name("textclf_model_version")
            .help("The served file's version (its modification time, epoch ms; 1 per model, the labels say which)")
            .labelNames("model", "version", "crc32c").register(registry);
    private final Gauge loadedAt = Gauge.builder().name("textclf_model_loaded_timestamp_seconds")
            .help("When the served file was loaded").labelNames("model").register(registry);
    private final Gauge loadSeconds = Gauge.builder().name("textclf_model_load_duration_seconds").unit(Unit.SECONDS)
            .help("How long loading the served file took").labelNames("model").register(registry);
    private final Counter reloadFailures = Counter.builder().name("textclf_model_reload_failures")
            .help("Model files that failed to load; the old model kept serving").labelNames("model")
            .register(registry);

    void request(String model, int status, long nanos) {
        requests.labelValues(model, Integer.toString(status)).inc();
        latency.labelValues(model).observe(nanos / 1e9);
    }

    void batch(String model, int texts) {
        batchSize.labelValues(model).observe(texts);
    }

    synchronized void loaded(ServedModel model) {
        String name = model.source().name();
        version.removeIf(labels -> labels.get(0).equals(name));
        version.labelValues(name, model.version(), model.checksum()).set(1);
        loadedAt.labelValues(name).set(model.loadedAtMillis() / 1e3);
        loadSeconds.labelValues(name).set(model.loadMillis() / 1e3);
    }

    void reloadFailed(String model) {
        reloadFailures.labelValues(model).inc();
    }

    String contentType() {
        return writer.getContentType();
    }

    byte[] scrape() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        writer.write(out, registry.scrape());
        return out.toByteArray();
    }
}

/**
 * {@code textclf serve}: an HTTP server answering TensorFlow Serving's REST predict API (and the KServe v2 health
 * endpoints) for one or more model files, with micro-batching, a bounded queue, hot reload, Prometheus metrics and
 * a JSON access log. It uses the core's public API only ({@code api.Predictor}, {@code api.TextClassifier.load},
 * {@code api.Prediction}, and {@code model.ModelInfo}, which {@code Predictor.info()} returns), Jetty's core
 * handlers (no servlets), Prometheus' client and Jackson.
 *
 * <p>A request's path: {@link org.textclf.serve.Routes} reads and checks the body ({@link
 * org.textclf.serve.Instances}), {@link org.textclf.serve.MicroBatcher} queues it beside concurrent requests for the
 * same model and one worker answers them all with one {@code predict} call on the model {@link
 * org.textclf.serve.ModelRegistry} holds at that moment; {@link org.textclf.serve.Metrics} and {@link
 * org.textclf.serve.AccessLog} record it.
 */
package org.textclf.serve;

/**
 * {@code textclf serve}: an HTTP server answering TensorFlow Serving's REST predict API (and the KServe v2 health
 * endpoints) for one or more model files, with micro-batching, a bounded queue, hot reload, Prometheus metrics and
 * a JSON access log. It uses the core's public API only ({@code api.Predictor}, {@code api.TextClassifier.load},
 * {@code api.Prediction}, and {@code model.ModelInfo}, which {@code Predictor.info()} returns), Netty's HTTP/1.1
 * codec on its NIO transport (no native library), Prometheus' client and Jackson.
 *
 * <p>A request's path: {@link org.textclf.serve.HttpConnection} gathers its body on the event loop that reads the
 * connection, {@link org.textclf.serve.Routes} checks it ({@link org.textclf.serve.Instances}), {@link
 * org.textclf.serve.LoopBatcher} adds it to the requests that loop read in the same pass and predicts them all with
 * one {@code predict} call on the model {@link org.textclf.serve.ModelRegistry} holds at that moment (a request of
 * more texts than a batch goes to {@link org.textclf.serve.MicroBatcher}'s workers); {@link
 * org.textclf.serve.Exchange} writes the answer, {@link org.textclf.serve.Metrics} and {@link
 * org.textclf.serve.AccessLog} record it.
 */
package org.textclf.serve;

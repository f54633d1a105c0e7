/**
 * Measurements run by hand, each class's first Javadoc line its command: JMH benchmarks and timings of the kernels
 * ({@code MlpStepBenchmark}, {@code SepCnnStepBenchmark}, {@code TextBenchmark}, ...), which may use any core package,
 * and the programs the {@code bench/} scripts run ({@link org.textclf.bench.PredictThroughput} and
 * {@link org.textclf.bench.RequestBodies} for {@code bench/serve}), which use the public API and data sources only
 * and end on bad input with one line ({@link org.textclf.bench.ScriptMain}).
 */
package org.textclf.bench;

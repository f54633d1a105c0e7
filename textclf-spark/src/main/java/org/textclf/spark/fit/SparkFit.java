package org.textclf.spark.fit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkException;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.textclf.api.FitResult;
import org.textclf.api.TextClassifier;
import org.textclf.batch.Batch;
import org.textclf.batch.BatchRows;
import org.textclf.branch.Fitted;
import org.textclf.branch.FittedModel;
import org.textclf.branch.Phase;
import org.textclf.config.ClassWeights;
import org.textclf.config.FitConfig;
import org.textclf.config.TrainOptions;
import org.textclf.data.Labels;
import org.textclf.data.Sample;
import org.textclf.nn.Adam;
import org.textclf.nn.AdamConfig;
import org.textclf.progress.PassProgress;
import org.textclf.train.Callback;
import org.textclf.train.Checkpoint;
import org.textclf.train.EarlyStopping;
import org.textclf.train.EpochLogs;
import org.textclf.train.TerminateOnNaN;
import org.textclf.train.Trainer;

/**
 * {@code TextClassifier.fit} on a Spark cluster: the held-out split (when no validation rows are given), the
 * vectorizer fit and vectorizing on the executors ({@link VectorizerFit}), then data-parallel training over the
 * cached partitions ({@link DistributedNetwork}) through the branch's phases with core's Trainer and early stopping,
 * restoring the best epoch's weights. Returns core's {@link FitResult}: its classifier is an ordinary one, whose
 * {@code save} writes an ordinary model file.
 */
public final class SparkFit {
    private static final int VECTORIZE_CHUNK = 256;

    private SparkFit() {
    }

    /**
     * Trains as {@code request} says.
     *
     * @throws IOException with a one-line reason when the data cannot be fitted (a bad label, no samples, no
     *     frequent n-gram, too few samples to hold out, ...)
     * @throws IllegalArgumentException for class weights, which the distributed loop does not apply yet (refused,
     *     rather than a model trained as if they had not been asked for)
     */
    public static FitResult fit(SparkFitRequest request) throws IOException {
        ClassWeights weights = request.options().fit().classWeights();
        if (!weights.uniform()) {
            throw new IllegalArgumentException("class weights (" + weights + ") are not supported on Spark yet; train"
                    + " without them, or with textclf train --class-weight on one machine");
        }
        try {
            return run(request);
        } catch (IOException e) {
            throw e;
        } catch (Exception e) { // Spark's SparkException, checked in Scala's way: thrown undeclared
            throw reason(e);
        }
    }

    /** A failed task's own exception, which Spark wraps (with the task's place and stack) in its own. */
    private static IOException reason(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException io && !(t instanceof SparkException)) {
                return io;
            }
            if (t instanceof UncheckedIOException u) {
                return u.getCause();
            }
            if (t instanceof IllegalArgumentException) {
                return new IOException(t.getMessage(), t);
            }
        }
        if (e instanceof RuntimeException r) {
            throw r;
        }
        return new IOException(e.getMessage(), e);
    }

    private static FitResult run(SparkFitRequest request) throws IOException {
        long start = System.nanoTime();
        TrainOptions options = request.options();
        FitConfig fit = options.fit();
        PassProgress progress = PassProgress.of(request.progress(), options.environment().verbose());
        StageTimes.Builder times = new StageTimes.Builder();
        JavaSparkContext spark = JavaSparkContext.fromSparkContext(request.train().sparkSession().sparkContext());
        RowSamples trainRows = RowSamples.of("training data", request.train().schema(), request.textColumns(),
                request.labelColumn());
        JavaRDD<Row> train = request.train().javaRDD();
        JavaRDD<Row> validation;
        RowSamples trainPart;
        RowSamples validationPart;
        Labels labels = request.labels().orElse(null);
        if (request.validation().isPresent()) {
            validation = request.validation().get().javaRDD();
            trainPart = trainRows;
            validationPart = RowSamples.of("validation data", request.validation().get().schema(),
                    request.textColumns(), request.labelColumn());
        } else {
            long split = System.nanoTime();
            HeldOutSplit heldOut = HeldOutSplit.count(fit.split(), train, trainRows);
            times.stage("split", split);
            validation = train;
            trainPart = trainRows.side(heldOut, false);
            validationPart = trainRows.side(heldOut, true);
            labels = labels != null ? labels : heldOut.labels();
        }
        Fitted<?> fitted = new VectorizerFit(spark, progress::line, times).fit(options.branch(), labels, train,
                trainPart.checking(labels));
        try (fitted) {
            return train(request, spark, fitted, labels, train, trainPart, validation, validationPart, progress,
                    times, start);
        }
    }

    private static <B extends Batch> FitResult train(SparkFitRequest request, JavaSparkContext spark,
            Fitted<B> fitted, Labels given, JavaRDD<Row> trainRows, RowSamples trainPart, JavaRDD<Row> validationRows,
            RowSamples validationPart, PassProgress progress, StageTimes.Builder times, long start)
            throws IOException {
        TrainOptions options = request.options();
        FitConfig fit = options.fit();
        FittedModel<B> model = fitted.branch().newModel(fitted, fit.seed(), progress::line);
        if (given != null) {
            model = model.withLabels(given);
        }
        long vectorizing = System.nanoTime();
        Broadcast<ModelBytes> vectorizer = spark.broadcast(ModelBytes.of(model));
        JavaRDD<ExampleBlock> train = vectorize(trainRows, trainPart, vectorizer);
        JavaRDD<ExampleBlock> validation = vectorize(validationRows, validationPart, vectorizer);
        long trainExamples;
        long validationExamples;
        DistributedNetwork<B> network = null;
        try {
            trainExamples = train.map(ExampleBlock::size).fold(0, Integer::sum);
            validationExamples = validation.map(ExampleBlock::size).fold(0, Integer::sum);
            times.stage("vectorize", vectorizing);
            if (validationExamples == 0) {
                throw new IOException("validation data: no samples; expected at least one row");
            }
            progress.line(String.format("spark: %,d training and %,d validation examples in %d and %d partitions,"
                    + " %s", trainExamples, validationExamples, train.getNumPartitions(),
                    validation.getNumPartitions(), request.scheme().name().toLowerCase().replace('_', ' ')));
            int batchSize = fit.batchSize(model.branch().defaultBatchSize());
            network = new DistributedNetwork<>(spark, model, train, trainExamples, validation, batchSize, fit.seed(),
                    fit.shuffle(), request.scheme(), request.averagingSteps());
            return phases(request, model, fitted, network, progress, times, start);
        } finally {
            if (network != null) {
                network.close();
            }
            train.unpersist(false);
            validation.unpersist(false);
            // Only now: a cached partition that is lost is vectorized again, with it.
            vectorizer.destroy();
        }
    }

    /** Phases' loop ({@code fit.Phases}), over the distributed network: early stopping carried across phases. */
    private static <B extends Batch> FitResult phases(SparkFitRequest request, FittedModel<B> model, Fitted<B> fitted,
            DistributedNetwork<B> network, PassProgress progress, StageTimes.Builder times, long start)
            throws IOException {
        TrainOptions options = request.options();
        FitConfig fit = options.fit();
        AdamConfig adam = fit.adam(model.branch().defaultLearningRate());
        List<Phase> phases = model.branch().phases(model, fitted.config(), adam);
        EarlyStopping stopping = new EarlyStopping(fit.monitor(), fit.patience(), 0, true);
        var steps = network.stepsFrom(1);
        var validationSteps = network.stepsFrom(1);
        Trainer<DistributedNetwork.Step> trainer = null;
        for (int phase = 0; phase < phases.size(); phase++) {
            Phase current = phases.get(phase);
            if (phase > 0 && current.announcement() != null) {
                progress.line(current.announcement());
            }
            current.enter().run();
            network.enterPhase(current.adam());
            Trainer<DistributedNetwork.Step> next = new Trainer<>(network, current.adam(), fit.seed() + 1)
                    .progressTo(progress.listener());
            if (trainer != null) {
                EarlyStopping.State best = stopping.state();
                EarlyStopping.State carried = new EarlyStopping.State(best.best(), best.bestEpoch(), 0,
                        best.bestWeights());
                stopping.restore(carried);
                next.resume(new Checkpoint(trainer.state().epochsDone(), Adam.forNetwork(current.adam(),
                        model.network()).exportState(), carried, trainer.state().history().epochs(), null));
            }
            trainer = next;
            List<Callback> all = new ArrayList<>(List.of(new TerminateOnNaN(), stopping));
            trainer.fit(steps, network.trainerSteps(), validationSteps, 1, all, fit.epochs(),
                    options.environment().verbose());
        }
        for (EpochLogs e : trainer.state().history().epochs()) {
            times.stage("epoch " + e.epoch(), e.seconds());
        }
        StageTimes stageTimes = times.build();
        progress.line(stageTimes.line());
        double seconds = (System.nanoTime() - start) / 1e9;
        TextClassifier classifier = TextClassifier.of(model.labels(), model.vectorizer(), model.network(),
                fitted.config(), fit);
        FitResult result = new FitResult(classifier, trainer.state().history(), stopping.bestEpoch(),
                trainer.state().stopReason(), seconds, options);
        Map<String, Double> metrics = result.metrics();
        return new FitResult(classifier.withMetrics(metrics, List.of()), result.history(), result.bestEpoch(),
                result.stopReason(), seconds, options);
    }

    /** Each partition's samples vectorized once, packed in blocks, cached on the executors; never collected. */
    private static JavaRDD<ExampleBlock> vectorize(JavaRDD<Row> rows, RowSamples samples,
            Broadcast<ModelBytes> model) {
        return rows.mapPartitionsWithIndex((p, it) -> {
            FaultInjection.check("vectorize");
            ModelBytes bytes = model.value();
            FittedModel<?> replica = bytes.borrow();
            try {
                return vectorize(replica, samples.partitionName(p), samples.samples(p, it)).iterator();
            } finally {
                bytes.giveBack(replica);
            }
        }, true).persist(StorageLevel.MEMORY_AND_DISK());
    }

    private static <B extends Batch> List<ExampleBlock> vectorize(FittedModel<B> model, String name,
            java.util.Iterator<Sample> samples) throws IOException {
        List<ExampleBlock> blocks = new ArrayList<>();
        ExampleBlock.Builder block = new ExampleBlock.Builder();
        BatchRows<B> rows = model.rows();
        List<Sample> chunk = new ArrayList<>(VECTORIZE_CHUNK);
        while (samples.hasNext() || !chunk.isEmpty()) {
            if (samples.hasNext() && chunk.size() < VECTORIZE_CHUNK) {
                chunk.add(samples.next());
                continue;
            }
            int[] ids = new int[chunk.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = model.labels().idOf(chunk.get(i), name);
            }
            B batch = model.vectorizer().vectorize(chunk, ids);
            for (int i = 0, n = rows.size(batch); i < n; i++) {
                block.add(rows.row(batch, i));
                if (block.full()) {
                    blocks.add(block.build());
                }
            }
            chunk.clear();
        }
        if (!block.isEmpty()) {
            blocks.add(block.build());
        }
        return blocks;
    }
}

package org.textclf.spark.fit;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.random.RandomGenerator;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.textclf.batch.Batch;
import org.textclf.branch.FittedModel;
import org.textclf.nn.Adam;
import org.textclf.nn.AdamConfig;
import org.textclf.nn.AdamState;
import org.textclf.nn.BatchMetrics;
import org.textclf.nn.Gradients;
import org.textclf.nn.Network;
import org.textclf.nn.Optimizer;
import org.textclf.nn.Parameter;
import org.textclf.nn.Weights;

/**
 * The driver's network seen through core's {@link Network} interface, so that core's {@code train.Trainer} (with
 * its EarlyStopping, History, TerminateOnNaN and progress) runs the distributed training unchanged: a "batch" is a
 * {@link Step}, and {@link #fitBatch} runs it on the cached partitions as the {@link TrainingScheme} says;
 * {@link #evaluateBatch} validates over the cached validation partitions. The parameters are the driver network's,
 * so EarlyStopping snapshots and restores them as locally.
 *
 * <p><b>Batches.</b> An epoch is {@code ceil(N / batchSize)} steps, N the training examples. Each partition shuffles
 * its own examples per epoch (seeded by the seed, the epoch and the partition) and gives step {@code s} its
 * {@code s}-th of {@code steps} nearly equal slices, so a global batch holds about {@code batchSize} examples
 * drawn from every partition in proportion to its size. Every random draw (shuffles, dropout) is seeded by the seed,
 * epoch, step and partition and every sum is taken in partition order, so a run is a function of its seed and its
 * partitioning, and a task Spark recomputes (a lost executor) returns what the lost one would have.
 *
 * @param <B> the batch type of the model
 */
final class DistributedNetwork<B extends Batch> implements Network<DistributedNetwork.Step> {

    /** One step of the trainer: epoch (from 1) and index within it; for parameter averaging, one round of steps. */
    record Step(int epoch, int index) {
    }

    private final JavaSparkContext spark;
    private final FittedModel<B> model;
    private final JavaRDD<ExampleBlock> train;
    private final JavaRDD<ExampleBlock> validation;
    private final int steps;
    private final int batchSize;
    private final long seed;
    private final boolean shuffle;
    private final TrainingScheme scheme;
    private final int averagingSteps;
    private Broadcast<ModelBytes> template;
    private AdamConfig adam;

    DistributedNetwork(JavaSparkContext spark, FittedModel<B> model, JavaRDD<ExampleBlock> train, long trainExamples,
            JavaRDD<ExampleBlock> validation, int batchSize, long seed, boolean shuffle, TrainingScheme scheme,
            int averagingSteps) {
        this.spark = spark;
        this.model = model;
        this.train = train;
        this.validation = validation;
        this.steps = (int) Math.max(1, (trainExamples + batchSize - 1) / batchSize);
        this.batchSize = batchSize;
        this.seed = seed;
        this.shuffle = shuffle;
        this.scheme = scheme;
        this.averagingSteps = averagingSteps;
    }

    /**
     * Starts a phase: the replicas are read again from the driver's model (a sepCNN's embedding frozen or not is in
     * its network section), and parameter averaging's replicas take {@code adam}'s settings.
     */
    void enterPhase(AdamConfig adam) throws IOException {
        this.adam = adam;
        if (template != null) {
            template.destroy();
        }
        template = spark.broadcast(ModelBytes.of(model));
    }

    void close() {
        if (template != null) {
            template.destroy();
            template = null;
        }
    }

    /** The trainer's steps per epoch: optimizer steps, or rounds of {@code averagingSteps} of them. */
    int trainerSteps() {
        return scheme == TrainingScheme.GRADIENT_AVERAGING ? steps
                : (steps + averagingSteps - 1) / averagingSteps;
    }

    /** The trainer's batches: its steps, epoch after epoch. */
    Iterator<Step> stepsFrom(int firstEpoch) {
        return new Iterator<>() {
            private int epoch = firstEpoch;
            private int index;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Step next() {
                if (index == trainerSteps()) {
                    index = 0;
                    epoch++;
                }
                return new Step(epoch, index++);
            }
        };
    }

    @Override
    public int classes() {
        return model.network().classes();
    }

    @Override
    public BatchMetrics fitBatch(Step step, Optimizer optimizer, RandomGenerator random) {
        try {
            return scheme == TrainingScheme.GRADIENT_AVERAGING ? gradientStep(step, optimizer)
                    : averagingRound(step, (Adam) optimizer);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Broadcast<Shared<Weights>> broadcastWeights() throws IOException {
        return spark.broadcast(Shared.of(Weights.copyOf(model.network()), Weights::write,
                in -> Weights.read(new ByteArrayInputStream(in.readAllBytes()), "the broadcast weights")));
    }

    private BatchMetrics gradientStep(Step step, Optimizer optimizer) throws IOException {
        Broadcast<Shared<Weights>> weights = broadcastWeights();
        Broadcast<ModelBytes> t = template;
        int steps = this.steps;
        long seed = this.seed;
        boolean shuffle = this.shuffle;
        int epoch = step.epoch();
        int index = step.index();
        try {
            List<byte[]> parts = train.mapPartitionsWithIndex((p, blocks) -> {
                FaultInjection.check("train step");
                List<ExampleBlock> local = EpochSlices.list(blocks);
                int[] slice = EpochSlices.slice(EpochSlices.count(local), steps, index, seed, epoch, p, shuffle);
                if (slice.length == 0) {
                    return List.<byte[]>of().iterator();
                }
                ModelBytes bytes = t.value();
                FittedModel<B> replica = bytes.borrow(weights.value().get());
                try {
                    B batch = replica.rows().assemble(EpochSlices.examples(local, slice));
                    Gradients g = replica.network().computeGradients(batch,
                            EpochSlices.random(seed, epoch, index, p));
                    // The sum of the batch's losses' gradients: the driver divides the partitions' sum by all rows.
                    g.scale(g.metrics().count());
                    return List.of(Shared.bytes(g, Gradients::write)).iterator();
                } finally {
                    bytes.giveBack(replica);
                }
            }, false).collect();
            // Summed on the driver in partition order: float sums depend on their order, and a tree's merge order
            // follows which task ends first.
            Gradients sum = null;
            for (byte[] part : parts) {
                Gradients g = Shared.decode(part, Gradients::read);
                sum = sum == null ? g : sum.add(g);
            }
            if (sum == null) {
                throw new IllegalStateException("no partition has training examples for step " + step);
            }
            sum.scale(1f / sum.metrics().count());
            model.network().applyGradients(sum, optimizer);
            return sum.metrics();
        } finally {
            weights.destroy();
        }
    }

    /** What a replica sends back after its round: its weights, its Adam state, its metrics. */
    private static final class RoundPart implements Serializable {
        private static final long serialVersionUID = 1L;
        byte[] weights;
        byte[] adam;
        double lossSum;
        long correct;
        long count;
    }

    private BatchMetrics averagingRound(Step round, Adam optimizer) throws IOException {
        Broadcast<Shared<Weights>> weights = broadcastWeights();
        Broadcast<byte[]> state = spark.broadcast(Shared.bytes(optimizer.exportState(), AdamStates::write));
        Broadcast<ModelBytes> t = template;
        int steps = this.steps;
        long seed = this.seed;
        boolean shuffle = this.shuffle;
        float[] config = {adam.learningRate(), adam.beta1(), adam.beta2(), adam.epsilon()};
        int epoch = round.epoch();
        int first = round.index() * averagingSteps;
        int last = Math.min(steps, first + averagingSteps);
        try {
            List<RoundPart> parts = train.mapPartitionsWithIndex((p, blocks) -> {
                FaultInjection.check("train step");
                List<ExampleBlock> local = EpochSlices.list(blocks);
                int n = EpochSlices.count(local);
                ModelBytes bytes = t.value();
                FittedModel<B> replica = bytes.borrow(weights.value().get());
                try {
                    Adam own = new Adam(new AdamConfig(config[0], config[1], config[2], config[3]));
                    own.importState(Shared.decode(state.value(), AdamStates::read));
                    BatchMetrics metrics = BatchMetrics.EMPTY;
                    for (int s = first; s < last; s++) {
                        int[] slice = EpochSlices.slice(n, steps, s, seed, epoch, p, shuffle);
                        if (slice.length > 0) {
                            B batch = replica.rows().assemble(EpochSlices.examples(local, slice));
                            metrics = metrics.plus(replica.network().fitBatch(batch, own,
                                    EpochSlices.random(seed, epoch, s, p)));
                        }
                    }
                    if (metrics.count() == 0) {
                        return List.<RoundPart>of().iterator();
                    }
                    RoundPart part = new RoundPart();
                    part.weights = ModelBytes.weights(Weights.copyOf(replica.network()));
                    part.adam = Shared.bytes(own.exportState(), AdamStates::write);
                    part.lossSum = metrics.lossSum();
                    part.correct = metrics.correct();
                    part.count = metrics.count();
                    return List.of(part).iterator();
                } finally {
                    bytes.giveBack(replica);
                }
            }, false).collect();
            return average(parts, optimizer);
        } finally {
            weights.destroy();
            state.destroy();
        }
    }

    /** The replicas' weights and Adam moments averaged, weighted by the examples each trained on, in order. */
    private BatchMetrics average(List<RoundPart> parts, Adam optimizer) throws IOException {
        if (parts.isEmpty()) {
            throw new IllegalStateException("no partition has training examples");
        }
        long total = 0;
        for (RoundPart part : parts) {
            total += part.count;
        }
        List<Parameter> parameters = model.network().parameters();
        double[][] sums = new double[parameters.size()][];
        for (int i = 0; i < sums.length; i++) {
            sums[i] = new double[parameters.get(i).size()];
        }
        List<AdamState> states = new ArrayList<>();
        List<Double> shares = new ArrayList<>();
        BatchMetrics metrics = BatchMetrics.EMPTY;
        for (RoundPart part : parts) {
            double share = (double) part.count / total;
            Weights w = ModelBytes.weights(part.weights);
            for (int i = 0; i < sums.length; i++) {
                float[] v = w.values(i);
                for (int j = 0; j < v.length; j++) {
                    sums[i][j] += share * v[j];
                }
            }
            states.add(Shared.decode(part.adam, AdamStates::read));
            shares.add(share);
            metrics = metrics.plus(new BatchMetrics(part.lossSum, part.correct, part.count));
        }
        for (int i = 0; i < sums.length; i++) {
            float[] values = parameters.get(i).values();
            for (int j = 0; j < values.length; j++) {
                values[j] = (float) sums[i][j];
            }
        }
        optimizer.importState(AdamStates.average(states, shares));
        return metrics;
    }

    @Override
    public Gradients computeGradients(Step step, RandomGenerator random) {
        throw new UnsupportedOperationException("a distributed step computes and applies its gradients at once");
    }

    @Override
    public void applyGradients(Gradients gradients, Optimizer optimizer) {
        model.network().applyGradients(gradients, optimizer);
    }

    /** The validation loss and accuracy over every validation partition, with the driver's current weights. */
    @Override
    public BatchMetrics evaluateBatch(Step ignored) {
        try {
            Broadcast<Shared<Weights>> weights = broadcastWeights();
            Broadcast<ModelBytes> t = template;
            int batchSize = this.batchSize;
            try {
                List<double[]> parts = validation.mapPartitions(blocks -> {
                    FaultInjection.check("validation");
                    List<ExampleBlock> local = EpochSlices.list(blocks);
                    int n = EpochSlices.count(local);
                    double[] sum = new double[3];
                    if (n == 0) {
                        return List.of(sum).iterator();
                    }
                    ModelBytes bytes = t.value();
                    FittedModel<B> replica = bytes.borrow(weights.value().get());
                    try {
                        for (int from = 0; from < n; from += batchSize) {
                            int[] slice = new int[Math.min(batchSize, n - from)];
                            for (int i = 0; i < slice.length; i++) {
                                slice[i] = from + i;
                            }
                            BatchMetrics m = replica.network().evaluateBatch(replica.rows().assemble(
                                    EpochSlices.examples(local, slice)));
                            sum[0] += m.lossSum();
                            sum[1] += m.correct();
                            sum[2] += m.count();
                        }
                    } finally {
                        bytes.giveBack(replica);
                    }
                    return List.of(sum).iterator();
                }).collect();
                BatchMetrics total = BatchMetrics.EMPTY;
                for (double[] part : parts) {
                    total = total.plus(new BatchMetrics(part[0], (long) part[1], (long) part[2]));
                }
                return total;
            } finally {
                weights.destroy();
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public float[] predictBatch(Step step) {
        throw new UnsupportedOperationException("predict with the trained model's own network");
    }

    @Override
    public List<Parameter> parameters() {
        return model.network().parameters();
    }
}

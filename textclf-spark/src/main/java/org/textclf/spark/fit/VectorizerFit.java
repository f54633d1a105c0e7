package org.textclf.spark.fit;

import java.io.IOException;
import java.io.Serializable;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.textclf.batch.Batch;
import org.textclf.branch.Branch;
import org.textclf.branch.Branches;
import org.textclf.branch.Fitted;
import org.textclf.branch.ModelBranch;
import org.textclf.config.AutoBranchConfig;
import org.textclf.config.BranchConfig;
import org.textclf.config.LinearBranchConfig;
import org.textclf.config.MlpBranchConfig;
import org.textclf.config.SepCnnBranchConfig;
import org.textclf.data.Labels;
import org.textclf.data.Sample;
import org.textclf.explore.ModelChoice;
import org.textclf.text.NgramConfig;
import org.textclf.text.NgramDocumentStatistics;
import org.textclf.text.NgramFeatureStatistics;
import org.textclf.text.NgramVectorizer;
import org.textclf.text.NgramVocabulary;
import org.textclf.text.SequenceConfig;
import org.textclf.text.SequenceStatistics;
import org.textclf.text.TokenPattern;
import org.textclf.text.Words;

/**
 * The vectorizer fit over partitions, with core's mergeable statistics: every pass runs on the executors, one
 * partition per task (numbered in the RDD's order, which is the corpus order the statistics' merge follows), each
 * within the statistics' own memory budgets; the parts travel as the statistics' {@code write} bytes and are merged by
 * {@code treeReduce} (the merges are exact, commutative and associative, so the tree's shape does not matter); the
 * driver finishes them into the same vectorizer the local fit builds on the partitions concatenated. The n-gram fit
 * is two passes (document frequencies; then with the broadcast vocabulary the ANOVA F sums and feature names), the
 * sequence fit one (word counts). {@code auto} measures S/W in the n-gram fit's first pass, as locally.
 */
final class VectorizerFit {
    private final JavaSparkContext spark;
    private final Consumer<String> log;
    private final StageTimes.Builder times;

    VectorizerFit(JavaSparkContext spark, Consumer<String> log, StageTimes.Builder times) {
        this.spark = spark;
        this.log = log;
        this.times = times;
    }

    /**
     * Fits the vectorizer {@code config} asks for.
     *
     * @param labels the classes, or null to collect them
     */
    Fitted<?> fit(BranchConfig config, Labels labels, JavaRDD<Row> rows, RowSamples samples) throws IOException {
        if (config instanceof AutoBranchConfig auto) {
            Branch below = Branches.of(auto.below());
            Branch above = Branches.of(auto.above());
            NgramConfig ngram = ngram(auto.below());
            if (ngram == null) {
                throw new IllegalArgumentException("auto measures S/W in the n-gram fit's first pass; expected an"
                        + " n-gram branch below, found " + below.name());
            }
            FirstPart first = ngramFirstPass(ngram, labels, rows, samples, true);
            double median = Math.max(1, first.lengths.median());
            ModelChoice choice = ModelChoice.forRatio(first.lengths.samples() / median);
            boolean ngramChosen = choice.family() == ModelChoice.Family.NGRAM;
            log.accept(String.format("model auto: %,d samples, median %,.0f words per sample: %s; chose %s",
                    first.lengths.samples(), median, choice.reason(), ngramChosen ? below.name() : above.name()));
            if (ngramChosen) {
                above.notChosen(auto.above(), log);
                return ngramFinish(auto.below(), first, rows, samples);
            }
            BranchConfig adapted = above.chosen(auto.above(), choice, log);
            return fit(adapted, labels, rows, samples);
        }
        NgramConfig ngram = ngram(config);
        if (ngram != null) {
            return ngramFinish(config, ngramFirstPass(ngram, labels, rows, samples, false), rows, samples);
        }
        if (config instanceof SepCnnBranchConfig sepCnn) {
            return sequence(sepCnn, labels, rows, samples);
        }
        throw new IllegalArgumentException("no distributed fit for " + Branches.of(config).name());
    }

    /** The n-gram settings of an n-gram branch's configuration, or null for another branch. */
    static NgramConfig ngram(BranchConfig config) {
        if (config instanceof MlpBranchConfig mlp) {
            return mlp.ngram();
        }
        return config instanceof LinearBranchConfig linear ? linear.ngram() : null;
    }

    /** A partition's result of the first pass: its statistics' bytes, and its sample lengths when asked. */
    private static final class FirstPart implements Serializable {
        private static final long serialVersionUID = 1L;
        byte[] statistics;
        LengthCounts lengths;
        transient NgramDocumentStatistics merged;
    }

    private FirstPart ngramFirstPass(NgramConfig config, Labels labels, JavaRDD<Row> rows, RowSamples samples,
            boolean lengths) throws IOException {
        long start = System.nanoTime();
        long[] settings = ngramSettings(config);
        LabelList given = LabelList.of(labels);
        FirstPart total = rows.mapPartitionsWithIndex((p, it) -> {
            FaultInjection.check("fit pass 1");
            Iterator<Sample> all = samples.samples(p, it);
            LengthCounts counts = lengths ? new LengthCounts() : null;
            Iterator<Sample> counted = counts == null ? all : peek(all, s -> counts.add(Words.count(s.text())));
            NgramDocumentStatistics s = NgramDocumentStatistics.of(ngramConfig(settings), given.labels(), p,
                    counted, line -> { });
            FirstPart part = new FirstPart();
            part.statistics = Shared.bytes(s, NgramDocumentStatistics::write);
            part.lengths = counts;
            return List.of(part).iterator();
        }, false).treeReduce(VectorizerFit::mergeFirst);
        total.merged = Shared.decode(total.statistics, NgramDocumentStatistics::read);
        times.stage("fit pass 1", start);
        if (total.merged.documents() == 0) {
            throw new IOException(samples.partitionName(0).replaceFirst(" partition 0$", "")
                    + ": no samples to fit the n-gram vectorizer on");
        }
        return total;
    }

    private static FirstPart mergeFirst(FirstPart a, FirstPart b) throws IOException {
        NgramDocumentStatistics merged = Shared.decode(a.statistics, NgramDocumentStatistics::read)
                .merge(Shared.decode(b.statistics, NgramDocumentStatistics::read));
        FirstPart part = new FirstPart();
        part.statistics = Shared.bytes(merged, NgramDocumentStatistics::write);
        part.lengths = a.lengths == null ? null : a.lengths.merge(b.lengths);
        return part;
    }

    private Fitted<?> ngramFinish(BranchConfig config, FirstPart first, JavaRDD<Row> rows, RowSamples samples)
            throws IOException {
        NgramVocabulary vocabulary = first.merged.vocabulary(log);
        long start = System.nanoTime();
        Broadcast<Shared<NgramVocabulary>> shared = spark.broadcast(Shared.of(vocabulary, NgramVocabulary::write,
                NgramVocabulary::read));
        try {
            byte[] summed = rows.mapPartitionsWithIndex((p, it) -> {
                FaultInjection.check("fit pass 2");
                try (NgramFeatureStatistics s = NgramFeatureStatistics.of(shared.value().get(), p,
                        samples.samples(p, it), null, null)) {
                    return List.of(Shared.bytes(s, NgramFeatureStatistics::write)).iterator();
                }
            }, false).treeReduce((a, b) -> mergeFeatures(shared.value().get(), a, b));
            NgramVectorizer vectorizer;
            try (NgramFeatureStatistics features = NgramFeatureStatistics.read(
                    new java.io.DataInputStream(new java.io.ByteArrayInputStream(summed)), vocabulary, null)) {
                vectorizer = features.vectorizer(log);
            }
            times.stage("fit pass 2", start);
            return fitted(config, vectorizer.labels(), vectorizer);
        } finally {
            shared.destroy();
        }
    }

    private static byte[] mergeFeatures(NgramVocabulary vocabulary, byte[] a, byte[] b) throws IOException {
        try (NgramFeatureStatistics x = readFeatures(vocabulary, a);
                NgramFeatureStatistics y = readFeatures(vocabulary, b);
                NgramFeatureStatistics merged = x.merge(y)) {
            return Shared.bytes(merged, NgramFeatureStatistics::write);
        }
    }

    private static NgramFeatureStatistics readFeatures(NgramVocabulary vocabulary, byte[] bytes) throws IOException {
        return NgramFeatureStatistics.read(new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes)),
                vocabulary, null);
    }

    private Fitted<?> sequence(SepCnnBranchConfig config, Labels labels, JavaRDD<Row> rows, RowSamples samples)
            throws IOException {
        long start = System.nanoTime();
        long[] settings = sequenceSettings(config.sequence());
        LabelList given = LabelList.of(labels);
        byte[] counted = rows.mapPartitionsWithIndex((p, it) -> {
            SequenceStatistics s = SequenceStatistics.of(sequenceConfig(settings), given.labels(), p,
                    samples.samples(p, it), line -> { });
            return List.of(Shared.bytes(s, SequenceStatistics::write)).iterator();
        }, false).treeReduce((a, b) -> Shared.bytes(Shared.decode(a, SequenceStatistics::read)
                .merge(Shared.decode(b, SequenceStatistics::read)), SequenceStatistics::write));
        var vectorizer = Shared.decode(counted, SequenceStatistics::read).vectorizer(log);
        times.stage("fit pass 1", start);
        return fitted(config, vectorizer.labels(), vectorizer);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Fitted<?> fitted(BranchConfig config, Labels labels, org.textclf.batch.Vectorizer<?> vectorizer) {
        ModelBranch<? extends Batch> branch = Branches.model(Branches.of(config).name());
        return Fitted.of((ModelBranch) branch, config, labels, (org.textclf.batch.Vectorizer) vectorizer);
    }

    private static <T> Iterator<T> peek(Iterator<T> it, Consumer<T> each) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public T next() {
                T t = it.next();
                each.accept(t);
                return t;
            }
        };
    }

    // Core's configuration records are not Serializable: their fields travel, and the tasks make the records anew.

    private static long[] ngramSettings(NgramConfig c) {
        return new long[] {c.ngramMin(), c.ngramMax(), c.minDocumentFrequency(), c.topK(), c.candidateBudgetBytes(),
            c.sublinearTf() ? 1 : 0, c.tokenPattern().ordinal()};
    }

    private static NgramConfig ngramConfig(long[] s) {
        return new NgramConfig((int) s[0], (int) s[1], (int) s[2], (int) s[3], s[4], s[5] != 0,
                TokenPattern.values()[(int) s[6]]);
    }

    private static long[] sequenceSettings(SequenceConfig c) {
        return new long[] {c.maxWords(), c.maxLength(), c.countBudgetBytes()};
    }

    private static SequenceConfig sequenceConfig(long[] s) {
        return new SequenceConfig((int) s[0], (int) s[1], s[2]);
    }

    /** Labels as they travel to a task: the raw labels and names, or none. */
    record LabelList(List<String> raw, List<String> names) implements Serializable {
        static LabelList of(Labels labels) {
            return labels == null ? new LabelList(null, null)
                    : new LabelList(List.copyOf(labels.rawLabels()), List.copyOf(labels.names()));
        }

        Labels labels() {
            return raw == null ? null : Labels.of(raw).withNames(names);
        }
    }
}

package org.textclf.tune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.textclf.config.MlpBranchConfig;
import org.textclf.config.TrainOptions;
import org.textclf.data.SampleSource;
import org.textclf.data.SourceOptions;
import org.textclf.data.Sources;

class TunerTest {
    @TempDir
    Path dir;

    /** Two topics of 8 words in lines of 12 words, a word topical 1 time in 3: learnable in one epoch at 1e-2. */
    static Path corpus(Path file, int rows, long seed) throws IOException {
        String[][] topics = {{"match", "goal", "team", "coach", "season", "league", "score", "player"},
            {"market", "stock", "bank", "profit", "shares", "investor", "rates", "fund"}};
        String[] common = {"the", "a", "today", "new", "report", "said", "after", "week"};
        SplittableRandom random = new SplittableRandom(seed);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            int label = random.nextInt(2);
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < 12; w++) {
                String[] from = random.nextInt(3) == 0 ? topics[label] : common;
                text.append(from[random.nextInt(from.length)]).append(' ');
            }
            lines.add("\"" + (label + 1) + "\",\"" + text.toString().strip() + "\"");
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    private static SampleSource open(Path file) throws IOException {
        return Sources.open(file, SourceOptions.DEFAULTS);
    }

    private static TrainOptions small() {
        return TrainOptions.of(MlpBranchConfig.DEFAULTS).withFit(f -> f.epochs(6).patience(1));
    }

    /** A space where half the configurations cannot learn in an epoch (a learning rate of 1e-6). */
    private static SearchSpace weakAndStrong() {
        SearchSpace mlp = SearchSpace.forBranch("mlp");
        Dimension rate = Dimension.of("--learning-rate", List.of("0.000001", "0.01"), false,
                (s, v) -> s.learningRate = Float.parseFloat(v));
        return new SearchSpace("mlp", List.of(rate, mlp.dimension("--units").withChoices(List.of("8", "16"))));
    }

    private TuneRequest.Builder request(Path work, SearchSpace space) throws IOException {
        Path train = corpus(dir.resolve("train.csv"), 400, 1);
        Path val = corpus(dir.resolve("val.csv"), 200, 2);
        return TuneRequest.builder(open(train), work).validation(open(val)).options(small()).space(space)
                .grid(true).budget(Budget.DEFAULTS.withEta(2));
    }

    @Test
    void tune_weakConfigurations_stopAfterTheFirstRung() throws IOException {
        List<String> lines = new ArrayList<>();
        TuneResult result = Tuner.tune(request(dir.resolve("work"), weakAndStrong()).progress(lines::add).build());

        assertThat(result.rungs()).hasSize(4 + 2 + 1);
        for (TrialResult t : result.trials()) {
            if (t.values().get("--learning-rate").equals("0.000001")) {
                assertThat(t.rung()).as("trial %d", t.trial()).isZero();
                assertThat(t.epochs()).isEqualTo(1);
            } else {
                assertThat(t.rung()).as("trial %d", t.trial()).isPositive();
            }
        }
        assertThat(result.best().values()).containsEntry("--learning-rate", "0.01");
        assertThat(result.best().epochs()).isGreaterThan(1);
        assertThat(result.best().metric()).isGreaterThan(0.8);
        assertThat(lines).anyMatch(l -> l.matches("rung 0: kept trials \\[(3, 4|4, 3)\\] of 4; stopped 2"));
        assertThat(result.model().bestEpoch()).isEqualTo(result.best().bestEpoch());
        assertThat(result.trainArguments()).containsSubsequence("--model", "mlp", "--learning-rate", "0.01")
                .contains("--monitor", "val_accuracy");
    }

    @Test
    void tune_survivor_continuesFromItsCheckpointNotFromEpochZero() throws IOException {
        TuneResult result = Tuner.tune(request(dir.resolve("work"), weakAndStrong()).build());
        java.util.Map<Integer, Integer> reached = new java.util.HashMap<>();
        for (TrialResult r : result.rungs()) {
            assertThat(r.fromEpoch()).as("trial %d rung %d", r.trial(), r.rung())
                    .isEqualTo(reached.getOrDefault(r.trial(), 0));
            reached.put(r.trial(), r.epochs());
        }
        assertThat(result.rungs()).filteredOn(r -> r.rung() > 0).allMatch(r -> r.fromEpoch() > 0);
        assertThat(result.model().history().size()).isEqualTo(result.best().epochs());
    }

    @Test
    void tune_killedAndResumed_endsWithTheSameTable() throws IOException {
        TuneResult whole = Tuner.tune(request(dir.resolve("whole"), weakAndStrong()).build());

        Path work = dir.resolve("killed");
        int[] seen = {0};
        assertThatThrownBy(() -> Tuner.tune(request(work, weakAndStrong()).onResult(r -> {
            if (++seen[0] == 5) {
                throw new IllegalStateException("killed");
            }
        }).build())).hasMessage("killed");
        // a kill while the next line was written
        Files.writeString(work.resolve("trials.jsonl"), "{\"trial\": 3, \"bra", StandardOpenOption.APPEND);
        List<String> lines = new ArrayList<>();
        List<Integer> ran = new ArrayList<>();
        TuneResult resumed = Tuner.tune(request(work, weakAndStrong()).resume(true).progress(lines::add)
                .onResult(r -> ran.add(r.trial())).build());

        assertThat(lines).anyMatch(l -> l.matches("warning: " + java.util.regex.Pattern.quote(
                work.resolve("trials.jsonl").toString()) + ":\\d+: ignoring a torn last line .*"));
        assertThat(resumed.trials().stream().map(TrialResult::withoutTime).toList())
                .isEqualTo(whole.trials().stream().map(TrialResult::withoutTime).toList());
        assertThat(resumed.rungs().stream().map(TrialResult::withoutTime).toList())
                .isEqualTo(whole.rungs().stream().map(TrialResult::withoutTime).toList());
        assertThat(Files.readAllLines(work.resolve("trials.jsonl"))).hasSize(1 + 7);
    }

    @Test
    void tune_newTuneOnAnExistingLog_isRefused() throws IOException {
        Path work = dir.resolve("work");
        Tuner.tune(request(work, weakAndStrong()).budget(new Budget(null, 1, 2, 1)).grid(false).build());
        assertThatThrownBy(() -> Tuner.tune(request(work, weakAndStrong()).build()))
                .isInstanceOf(IOException.class)
                .hasMessage(work.resolve("trials.jsonl") + ": a tune log is already there; resume that tune with"
                        + " --resume " + work.resolve("trials.jsonl") + ", or choose another --log");
    }

    @Test
    void tune_timeBudgetUsed_trainsTheBestTrialSoFarUntilEarlyStopping() throws IOException {
        List<String> lines = new ArrayList<>();
        TuneResult result = Tuner.tune(request(dir.resolve("work"), weakAndStrong())
                .budget(Budget.DEFAULTS.withEta(2).withTime(java.time.Duration.ofNanos(1))).progress(lines::add)
                .build());

        assertThat(result.timeUp()).isTrue();
        assertThat(result.trials()).hasSize(1);
        assertThat(result.rungs()).extracting(TrialResult::trial).containsExactly(1, 1);
        assertThat(result.best().epochBudget()).isEqualTo(6);
        assertThat(result.best().fromEpoch()).isEqualTo(1);
        assertThat(lines).contains("rung 1: trial 1 alone, until early stopping (past the time budget)");
    }

    /** Counts the passes opened over a source. */
    private static final class Counting implements SampleSource {
        private final SampleSource source;
        private final java.util.concurrent.atomic.AtomicInteger opened =
                new java.util.concurrent.atomic.AtomicInteger();

        Counting(SampleSource source) {
            this.source = source;
        }

        @Override
        public org.textclf.data.SampleReader open() throws IOException {
            opened.incrementAndGet();
            return source.open();
        }

        @Override
        public String name() {
            return source.name();
        }
    }

    @Test
    void tune_trialsOfOneVectorizer_fitItOnceAndShareItsExamples() throws IOException {
        Path train = corpus(dir.resolve("train.csv"), 400, 1);
        Path val = corpus(dir.resolve("val.csv"), 200, 2);
        Counting source = new Counting(open(train));
        Path work = dir.resolve("work");
        TuneResult result = Tuner.tune(TuneRequest.builder(source, work).validation(open(val)).options(small())
                .space(weakAndStrong()).grid(true).budget(Budget.DEFAULTS.withEta(2))
                .dataKey(org.textclf.feed.CacheKey.builder().file("train", train).file("validation", val).build())
                .build());

        assertThat(result.rungs()).hasSize(7);
        try (var folders = Files.list(work.resolve("cache"))) {
            // no vectorizer dimension in this space: one vectorizer, one folder named by the branch alone
            assertThat(folders.map(p -> p.getFileName().toString())).containsExactly("mlp");
        }
        // The first trial's two fit passes; the other six fits and continuations read the cache.
        assertThat(source.opened.get()).isEqualTo(2);
    }

    @Test
    void tune_sameSeed_drawsTheSameTrials() throws IOException {
        SearchSpace mlp = SearchSpace.forBranch("mlp");
        TuneRequest a = request(dir.resolve("a"), mlp).grid(false).budget(new Budget(null, 5, 3, 1)).build();
        assertThat(new Tuner(a).draw()).isEqualTo(new Tuner(a).draw());
        TuneRequest other = request(dir.resolve("b"), mlp).grid(false).budget(new Budget(null, 5, 3, 1))
                .options(small().withFit(f -> f.seed(7))).build();
        assertThat(new Tuner(other).draw()).isNotEqualTo(new Tuner(a).draw());
    }

    @Test
    void tune_linearAndSepCnn_trainOnTinyData() throws IOException {
        for (String branch : List.of("linear", "sepcnn")) {
            TuneResult result = Tuner.tune(request(dir.resolve(branch), SearchSpace.forBranch(branch)).grid(false)
                    .budget(new Budget(null, 2, 2, 1)).build());
            assertThat(result.trials()).as(branch).hasSize(2);
            assertThat(result.model().classifier().model()).isEqualTo(branch);
            assertThat(result.best().metric()).as(branch).isGreaterThan(0.5);
        }
    }

    @Test
    void tune_macroF1WithoutValidationData_measuresTheHeldOutPart() throws IOException {
        Path train = corpus(dir.resolve("train.csv"), 400, 1);
        TuneResult result = Tuner.tune(TuneRequest.builder(open(train), dir.resolve("work")).options(small())
                .space(weakAndStrong()).grid(true).budget(Budget.DEFAULTS.withEta(2)).metric(TuneMetric.MACRO_F1)
                .build());
        assertThat(result.best().metric()).isGreaterThan(0.8).isLessThanOrEqualTo(1.0);
        assertThat(result.trainArguments()).doesNotContain("--monitor");
    }
}

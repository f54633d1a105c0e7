package org.textclf.tune;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.textclf.api.FitRequest;
import org.textclf.api.FitResult;
import org.textclf.api.TextClassifier;
import org.textclf.config.AutoBranchConfig;
import org.textclf.config.BranchConfig;
import org.textclf.config.FitConfig;
import org.textclf.config.LinearBranchConfig;
import org.textclf.config.MlpBranchConfig;
import org.textclf.config.RunEnvironment;
import org.textclf.config.SepCnnBranchConfig;
import org.textclf.config.TrainOptions;
import org.textclf.data.SampleSource;
import org.textclf.explore.CorpusExplorer;
import org.textclf.explore.CorpusStats;
import org.textclf.explore.ModelChoice;
import org.textclf.feed.CacheKey;
import org.textclf.feed.SplitParts;
import org.textclf.fit.CheckpointFile;
import org.textclf.nn.LinearConfig;
import org.textclf.progress.ProgressListener;

/**
 * The guide's step 5: successive halving over a {@link SearchSpace}. The trials are drawn up front from the seed
 * (or are a grid's combinations); rung 0 trains each for {@link Budget#firstEpochs()} epochs, then the best
 * 1/{@code eta} by the validation metric go on for {@code eta} times the epochs, each continued from its checkpoint
 * (its weights, Adam's moments and early stopping's state, exactly as an uninterrupted run goes on), until one is
 * left, which trains until early stopping ends it. Trials are fits as {@code train} runs them, with the same seed:
 * the best one's model is kept as it trained rather than retrained on train + validation, because retraining would
 * lose the validation data that early stopping chose its epoch on, and because the kept model is exactly what
 * {@link TuneResult#trainArguments()} trains again.
 *
 * <p>Trials that fit the same vectorizer (same branch, same vectorizer dimensions) share one cache folder under
 * {@code workDir/cache/} (or the base options' cache directory): the vectorizer is fitted, and the examples vectorized, once. Trials run one after the
 * {@link TuneRequest#trialsSideBySide()} at a time (two by default: on 2 cores, two n-gram trials side by side
 * with a thread each took 0.68 of the time of the same two one after the other with 2 threads, README's Tuning
 * section); sepCNN trials one at a time, each with its measured best of 2 step threads.
 */
public final class Tuner {
    private final TuneRequest request;
    private final TrainOptions options;
    private final Map<String, SearchSpace> spaces = new LinkedHashMap<>();
    private final CacheKey dataKey;
    private final SideBySide sideBySide;
    private SplitParts split;

    Tuner(TuneRequest request) throws IOException {
        this.request = request;
        this.options = request.options();
        for (SearchSpace space : request.spaces()) {
            spaces.put(space.branch(), space);
        }
        this.dataKey = request.dataKey().isPresent() ? request.dataKey().get() : fileKey(request);
        // The sepCNN's step uses both cores already (its measured best); an n-gram model's step one.
        this.sideBySide = new SideBySide(spaces.containsKey("sepcnn") ? 1
                : Math.max(1, Math.min(request.trialsSideBySide(), Runtime.getRuntime().availableProcessors())));
    }

    /** Runs the tune as {@code request} says; see the class comment. */
    public static TuneResult tune(TuneRequest request) throws IOException {
        Tuner tuner = new Tuner(request);
        try {
            return tuner.run();
        } finally {
            if (tuner.split != null) {
                tuner.split.close();
            }
        }
    }

    /**
     * The spaces {@code --model auto} searches: the guide's rule by S/W on {@code train} (one pass), mlp and linear
     * below 1,500, sepcnn above.
     */
    public static List<SearchSpace> auto(SampleSource train, java.util.function.Consumer<String> progress)
            throws IOException {
        CorpusStats stats = CorpusExplorer.builder().topNgrams(0).build().explore(train);
        double ratio = stats.samples() / Math.max(1.0, stats.medianWordsPerSample());
        boolean ngram = ratio < ModelChoice.MLP_MAX_RATIO;
        progress.accept(String.format("S/W = %,.0f (%,d samples / median %,.0f words): searching %s", ratio,
                stats.samples(), stats.medianWordsPerSample(), ngram ? "mlp and linear" : "sepcnn"));
        return ngram ? List.of(SearchSpace.forBranch("mlp"), SearchSpace.forBranch("linear"))
                : List.of(SearchSpace.forBranch("sepcnn"));
    }

    private TuneResult run() throws IOException {
        List<Trial> trials = draw();
        Path log = request.log();
        TrialLog trialLog;
        if (request.resume()) {
            trialLog = TrialLog.resume(log, line -> request.progress().accept("warning: " + line));
            checkHeader(trialLog.header());
        } else {
            trialLog = TrialLog.create(log, new TrialLog.Header(request.arguments(), options.fit().seed(),
                    request.metric().key()));
            deleteTrials(request.workDir().resolve("trials"));
        }
        try (trialLog) {
            Map<String, TrialResult> logged = new HashMap<>();
            for (TrialResult r : trialLog.results()) {
                checkLogged(r, trials, log);
                logged.put(r.trial() + "/" + r.rung(), r);
            }
            return halve(trials, trialLog, logged);
        }
    }

    private TuneResult halve(List<Trial> trials, TrialLog trialLog, Map<String, TrialResult> logged)
            throws IOException {
        long deadline = request.budget().time() == null ? Long.MAX_VALUE
                : System.nanoTime() + request.budget().time().toNanos();
        int maxEpochs = options.fit().epochs();
        Budget budget = request.budget();
        List<TrialResult> all = new ArrayList<>();
        Map<Integer, TrialResult> last = new LinkedHashMap<>();
        Map<Integer, Trial> byId = new HashMap<>();
        trials.forEach(t -> byId.put(t.id(), t));
        boolean timeUp = false;
        int size = request.grid() || !budget.repeat() ? trials.size() : budget.trials();
        for (int first = 0; first < trials.size() && !timeUp; first += size) {
            List<Trial> alive = trials.subList(first, Math.min(trials.size(), first + size));
            if (first > 0) {
                request.progress().accept("bracket " + (first / size + 1) + ": trials " + alive.get(0).id() + "-"
                        + alive.get(alive.size() - 1).id() + ", while the time budget lasts");
            }
            long epochs = budget.firstEpochs();
            for (int rung = 0; ; rung++) {
                int epochBudget = alive.size() == 1 || epochs >= maxEpochs ? maxEpochs : (int) epochs;
                request.progress().accept(String.format("rung %d: %d trial%s, %d epoch%s each", rung, alive.size(),
                        alive.size() == 1 ? "" : "s", epochBudget, epochBudget == 1 ? "" : "s")
                        + (epochBudget == maxEpochs && maxEpochs > epochs ? " at most (until early stopping)" : ""));
                List<String> keys = new ArrayList<>();
                List<SideBySide.Task> tasks = new ArrayList<>();
                for (Trial trial : alive) {
                    keys.add(trial.vectorizerKey(spaces.get(trial.branch())));
                    int r = rung;
                    int b = epochBudget;
                    tasks.add(() -> {
                        TrialResult result = logged.get(trial.id() + "/" + r);
                        if (result == null) {
                            // The first trial always runs: a budget too short for any would leave no model at all.
                            if (System.nanoTime() >= deadline && !(r == 0 && trial == trials.get(0))) {
                                return null;
                            }
                            result = train(trial, r, b).result();
                            synchronized (trialLog) {
                                trialLog.append(result);
                            }
                        }
                        synchronized (request) {
                            request.onResult().accept(result);
                        }
                        return result;
                    });
                }
                List<TrialResult> rungResults = new ArrayList<>();
                for (TrialResult result : sideBySide.run(keys, tasks)) {
                    if (result == null) {
                        timeUp = true;
                    } else {
                        rungResults.add(result);
                        all.add(result);
                        last.put(result.trial(), result);
                    }
                }
                if (timeUp || epochBudget == maxEpochs || rungResults.isEmpty()) {
                    if (timeUp) {
                        request.progress().accept("time budget of " + budget.time().toSeconds() + " s used: stopping"
                                + " after " + rungResults.size() + " of rung " + rung + "'s " + alive.size() + " trials");
                    }
                    break;
                }
                List<TrialResult> ranked = rank(rungResults);
                int keep = Math.max(1, ranked.size() / budget.eta());
                List<Trial> next = new ArrayList<>();
                for (TrialResult r : ranked.subList(0, keep)) {
                    next.add(byId.get(r.trial()));
                }
                request.progress().accept(String.format("rung %d: kept trial%s %s of %d; stopped %d", rung,
                        keep == 1 ? "" : "s", next.stream().map(t -> String.valueOf(t.id())).toList(), ranked.size(),
                        ranked.size() - keep));
                alive = next;
                epochs *= budget.eta();
            }
        }
        List<TrialResult> table = new ArrayList<>(last.values());
        // Trained to the end first (the last rung of any bracket), then by how far a trial got, then by the metric.
        table.sort(Comparator.comparing((TrialResult r) -> r.epochBudget() < maxEpochs)
                .thenComparing(Comparator.comparingInt(TrialResult::rung).reversed()).thenComparing(this::byMetric));
        TrialResult best = table.get(0);
        if (timeUp && best.epochBudget() < maxEpochs && !best.stoppedEarly()) {
            // A model of a rung's few epochs is no model to keep: the best so far trains on until early stopping.
            request.progress().accept("rung " + (best.rung() + 1) + ": trial " + best.trial() + " alone, until"
                    + " early stopping (past the time budget)");
            TrialResult finished = logged.get(best.trial() + "/" + (best.rung() + 1));
            if (finished == null) {
                finished = train(byId.get(best.trial()), best.rung() + 1, maxEpochs).result();
                trialLog.append(finished);
            }
            request.onResult().accept(finished);
            all.add(finished);
            table.set(0, finished);
            best = finished;
        }
        // The best trial's checkpoint is at its last rung's end: continuing it to the same epochs trains nothing and
        // returns its model with its best epoch's weights.
        FitResult model = train(byId.get(best.trial()), best.rung(), best.epochBudget()).fit();
        return new TuneResult(table, all, best, model, trainArguments(byId.get(best.trial()), best.epochBudget()),
                timeUp);
    }

    private List<TrialResult> rank(List<TrialResult> results) {
        List<TrialResult> ranked = new ArrayList<>(results);
        ranked.sort(this::byMetric);
        return ranked;
    }

    /** Better metric first; ties by trial number, so that the ranking depends on nothing else. */
    private int byMetric(TrialResult a, TrialResult b) {
        if (request.metric().better(a.metric(), b.metric())) {
            return -1;
        }
        if (request.metric().better(b.metric(), a.metric())) {
            return 1;
        }
        return Integer.compare(a.trial(), b.trial());
    }

    private record Trained(TrialResult result, FitResult fit) {
    }

    /** Trains {@code trial} to {@code epochBudget} epochs, from its checkpoint when it has one. */
    private Trained train(Trial trial, int rung, int epochBudget) throws IOException {
        long start = System.nanoTime();
        TrainOptions trialOptions = options(trial, epochBudget);
        Path dir = request.workDir().resolve("trials").resolve(String.valueOf(trial.id()));
        CheckpointFile checkpoints = Files.isRegularFile(dir.resolve(CheckpointFile.FILE_NAME))
                ? CheckpointFile.resume(dir).continuing(epochBudget)
                : CheckpointFile.create(dir, new CheckpointFile.Run(trialOptions, request.inputs(), List.of()));
        int fromEpoch = checkpoints.resuming() ? checkpoints.checkpoint().epoch() : 0;
        FitRequest.Builder fit = FitRequest.builder(request.train()).options(trialOptions)
                .progress(ProgressListener.warnings(request.progress()))
                .cacheKey(dataKey).checkpoints(checkpoints).inputs(request.inputs());
        request.validation().ifPresent(fit::validation);
        FitResult result = TextClassifier.fit(fit.build());
        Map<String, Double> m = result.metrics();
        double valLoss = m.getOrDefault("val_loss", Double.NaN);
        double valAccuracy = m.getOrDefault("val_accuracy", Double.NaN);
        double metric = switch (request.metric()) {
            case VAL_LOSS -> valLoss;
            case VAL_ACCURACY -> valAccuracy;
            case MACRO_F1 -> result.classifier().evaluate(validation()).macroAverage().f1();
        };
        int epochs = result.history().size();
        return new Trained(new TrialResult(trial.id(), trial.branch(), trial.values(), rung, epochBudget, fromEpoch,
                epochs, result.bestEpoch(), metric, valLoss, valAccuracy, epochs < epochBudget,
                (System.nanoTime() - start) / 1e9), result);
    }

    /** The validation data the trials are measured on: given, or the held-out part of train that each fit holds out. */
    private SampleSource validation() {
        if (request.validation().isPresent()) {
            return request.validation().get();
        }
        if (split == null) {
            split = new SplitParts(options.fit().split(), request.train(), options.environment().tempDir());
        }
        return split.validation();
    }

    /** The base options with the trial's values, its epoch budget, the metric's monitor and a shared cache folder. */
    TrainOptions options(Trial trial, int epochBudget) {
        SearchSpace space = spaces.get(trial.branch());
        Settings settings = new Settings(base(trial.branch()));
        trial.values().forEach((option, value) -> space.dimension(option).apply().accept(settings, value));
        FitConfig.Builder fit = options.fit().toBuilder().epochs(epochBudget);
        if (settings.learningRate > 0) {
            fit.learningRate(settings.learningRate);
        }
        if (request.metric().monitor() != null) {
            fit.monitor(request.metric().monitor());
        }
        Path root = options.environment().cacheDir() != null ? options.environment().cacheDir()
                : request.workDir().resolve("cache");
        Path cache = root.resolve(trial.vectorizerKey(space));
        RunEnvironment environment = options.environment().withVerbose(0).withCacheDir(cache);
        if (sideBySide.workers() > 1) {
            // The machine split between the trials that run at once; an n-gram model's result does not depend on it.
            environment = environment.withThreads(1).withFeedThreads(Math.max(1,
                    Runtime.getRuntime().availableProcessors() / sideBySide.workers()));
        }
        return new TrainOptions(settings.build(), fit.build(), environment);
    }

    /** The {@code train} options that train {@code trial}'s model again: its values, epochs and monitor. */
    private List<String> trainArguments(Trial trial, int epochBudget) {
        List<String> args = new ArrayList<>(trial.arguments());
        if (epochBudget != options.fit().epochs()) {
            args.addAll(List.of("--epochs", String.valueOf(epochBudget)));
        }
        if (request.metric().monitor() != null && request.metric().monitor() != options.fit().monitor()) {
            args.addAll(List.of("--monitor", request.metric().monitor().key()));
        }
        return args;
    }

    /** The config a trial of {@code branch} starts from: the base options' own when of that branch. */
    private BranchConfig base(String branch) {
        BranchConfig given = options.branch();
        MlpBranchConfig mlp = given instanceof MlpBranchConfig m ? m
                : given instanceof AutoBranchConfig a && a.below() instanceof MlpBranchConfig m ? m
                : MlpBranchConfig.DEFAULTS;
        return switch (branch) {
            case "mlp" -> mlp;
            case "linear" -> given instanceof LinearBranchConfig l ? l
                    : new LinearBranchConfig(mlp.ngram(), LinearConfig.DEFAULTS);
            case "sepcnn" -> given instanceof SepCnnBranchConfig s ? s
                    : given instanceof AutoBranchConfig a && a.above() instanceof SepCnnBranchConfig s ? s
                    : SepCnnBranchConfig.DEFAULTS;
            default -> throw new IllegalArgumentException("no search space for '" + branch + "'");
        };
    }

    /** The trials, from the seed alone: a grid's combinations, or draws alternating between the spaces. */
    List<Trial> draw() {
        List<Trial> trials = new ArrayList<>();
        if (request.grid()) {
            for (SearchSpace space : request.spaces()) {
                for (Map<String, String> values : space.combinations()) {
                    trials.add(new Trial(trials.size() + 1, space.branch(), values));
                }
            }
            return trials;
        }
        Random random = new Random(options.fit().seed());
        List<SearchSpace> list = request.spaces();
        int count = request.budget().trials() * (request.budget().repeat() ? Budget.MAX_BRACKETS : 1);
        for (int i = 0; i < count; i++) {
            SearchSpace space = list.get(i % list.size());
            trials.add(new Trial(i + 1, space.branch(), space.sample(random)));
        }
        return trials;
    }

    private void checkHeader(TrialLog.Header header) throws IOException {
        if (header.seed() != options.fit().seed() || !header.metric().equals(request.metric().key())) {
            throw new IOException(request.log() + ": this log's tune had --seed " + header.seed() + " and --metric "
                    + header.metric() + "; expected --seed " + options.fit().seed() + " and --metric "
                    + request.metric().key() + ". Resume with the log's options, or start a new tune");
        }
    }

    private static void checkLogged(TrialResult r, List<Trial> trials, Path log) throws IOException {
        Trial drawn = r.trial() >= 1 && r.trial() <= trials.size() ? trials.get(r.trial() - 1) : null;
        if (drawn == null || !drawn.branch().equals(r.branch()) || !drawn.values().equals(r.values())) {
            throw new IOException(log + ": trial " + r.trial() + " was " + r.branch() + " " + r.values()
                    + " in the log, but this tune draws " + (drawn == null ? "no such trial" : drawn.describe())
                    + "; resume with the log's options, or start a new tune");
        }
    }

    /** A new tune's trials start from scratch: checkpoints of an earlier tune in the folder would be continued. */
    private static void deleteTrials(Path trials) throws IOException {
        if (!Files.isDirectory(trials)) {
            return;
        }
        try (var paths = Files.walk(trials)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static CacheKey fileKey(TuneRequest request) throws IOException {
        CacheKey.Builder key = CacheKey.builder();
        key.file("train", request.train().file().orElseThrow(() -> new IllegalArgumentException("tuning needs"
                + " training data in a file (its caches are keyed by it); give a dataKey for other sources")));
        if (request.validation().isPresent() && request.validation().get().file().isPresent()) {
            key.file("validation", request.validation().get().file().get());
        }
        return key.build();
    }
}

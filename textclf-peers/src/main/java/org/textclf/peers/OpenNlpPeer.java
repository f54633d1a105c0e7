package org.textclf.peers;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.doccat.NGramFeatureGenerator;
import opennlp.tools.tokenize.WhitespaceTokenizer;
import opennlp.tools.util.CollectionObjectStream;
import opennlp.tools.util.TrainingParameters;

/**
 * {@code java -cp textclf-peers/target/peers.jar org.textclf.peers.OpenNlpPeer TRAIN TEST [--trainer maxent-qn|maxent]
 * [--threads N]}: Apache OpenNLP's {@code DocumentCategorizerME} with bag-of-words and bigram features, trained with
 * the parameters of the manual's document categorizer training example, {@code TrainingParameters.defaultParams()}
 * (cutoff 5, 100 iterations), as maxent by L-BFGS ({@code MAXENT_QN}, its L1 and L2 costs at their defaults, 0.1) or by
 * GIS ({@code MAXENT}, the default algorithm). Texts are split on whitespace, as the manual's categorizer does by
 * default. {@code --threads} (default {@value #DEFAULT_THREADS}, the bench machine's cores, as fastText's
 * {@code -thread 2}) is the trainers' {@code Threads} parameter.
 */
final class OpenNlpPeer implements Peer {
    static final int DEFAULT_THREADS = 2;

    private final String algorithm;
    private final int threads;

    private OpenNlpPeer(String algorithm, int threads) {
        this.algorithm = algorithm;
        this.threads = threads;
    }

    public static void main(String[] args) {
        PeerMain.main("OpenNlpPeer", args, OpenNlpPeer::parse);
    }

    static OpenNlpPeer parse(String[] args) {
        if (args.length < 2 || args[0].startsWith("--") || args[1].startsWith("--")) {
            throw new IllegalArgumentException("usage: OpenNlpPeer TRAIN TEST [--trainer maxent-qn|maxent] "
                    + "[--threads N]");
        }
        String algorithm = "MAXENT_QN";
        int threads = DEFAULT_THREADS;
        for (int i = 2; i < args.length; i += 2) {
            String value = PeerMain.value(args, i);
            switch (args[i]) {
                case "--trainer" -> algorithm = switch (value) {
                    case "maxent-qn" -> "MAXENT_QN";
                    case "maxent" -> "MAXENT";
                    default -> throw new IllegalArgumentException("unknown --trainer '" + value
                            + "'; expected maxent-qn or maxent");
                };
                case "--threads" -> threads = positive(args[i], value);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; expected --trainer or --threads");
            }
        }
        return new OpenNlpPeer(algorithm, threads);
    }

    private static int positive(String option, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // falls through to the message
        }
        throw new IllegalArgumentException(option + " expects a positive integer, found '" + value + "'");
    }

    @Override
    public String tool() {
        return algorithm.equals("MAXENT") ? "opennlp-gis" : "opennlp";
    }

    @Override
    public String settings() {
        TrainingParameters p = parameters();
        return "OpenNLP DocumentCategorizerME " + algorithm + ", BagOfWords + NGram(2,2), whitespace tokens, cutoff "
                + p.getIntParameter(TrainingParameters.CUTOFF_PARAM, -1) + ", iterations "
                + p.getIntParameter(TrainingParameters.ITERATIONS_PARAM, -1) + ", threads " + threads;
    }

    private TrainingParameters parameters() {
        // The manual's training example passes defaultParams(); only the algorithm and the threads are set here.
        TrainingParameters p = TrainingParameters.defaultParams();
        p.put(TrainingParameters.ALGORITHM_PARAM, algorithm);
        p.put(TrainingParameters.THREADS_PARAM, threads);
        return p;
    }

    @Override
    public Trained train(Corpus train) throws IOException {
        List<DocumentSample> samples = new ArrayList<>(train.size());
        for (int i = 0; i < train.size(); i++) {
            samples.add(new DocumentSample(train.labels().get(i), tokens(train.texts().get(i))));
        }
        DoccatFactory factory = new DoccatFactory(new FeatureGenerator[] {new BagOfWordsFeatureGenerator(),
            new NGramFeatureGenerator(2, 2)});
        DoccatModel model = DocumentCategorizerME.train("en", new CollectionObjectStream<>(samples), parameters(),
                factory);
        DocumentCategorizerME categorizer = new DocumentCategorizerME(model);
        return new Trained() {
            @Override
            public String predict(String text) {
                return categorizer.getBestCategory(categorizer.categorize(tokens(text)));
            }

            @Override
            public int skippedTrainExamples() {
                return 0;
            }
        };
    }

    private static String[] tokens(String text) {
        return WhitespaceTokenizer.INSTANCE.tokenize(text);
    }
}

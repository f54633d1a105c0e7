package org.textclf.peers;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.liblinear.LibLinearClassificationTrainer;
import org.tribuo.classification.liblinear.LinearClassificationType;
import org.tribuo.classification.liblinear.LinearClassificationType.LinearType;
import org.tribuo.data.text.TextFeatureExtractor;
import org.tribuo.data.text.impl.TextFeatureExtractorImpl;
import org.tribuo.data.text.impl.TokenPipeline;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.transform.TransformTrainer;
import org.tribuo.transform.TransformationMap;
import org.tribuo.transform.transformations.IDFTransformation;
import org.tribuo.util.tokens.universal.UniversalTokenizer;

/**
 * {@code java -cp textclf-peers/target/peers.jar org.textclf.peers.TribuoPeer TRAIN TEST}: Tribuo's text pipeline as
 * its document classification tutorial builds it (lowercased text, {@code UniversalTokenizer}, {@code TokenPipeline}
 * with n-grams up to 2 and term counting, an {@code IDFTransformation} fitted on the training set with its implicit
 * zeros) and LibLinear's L2-regularised logistic regression ({@code L2R_LR}) with LIBLINEAR's documented defaults for
 * that solver: C {@value #COST}, eps {@value #EPSILON} (Tribuo's own default eps, 0.1, is LIBLINEAR's for the dual SVM
 * solver that Tribuo's default trainer uses), at most {@value #MAX_ITERATIONS} iterations (Tribuo's default).
 */
final class TribuoPeer implements Peer {
    static final double COST = 1.0;
    static final double EPSILON = 0.01;
    static final int MAX_ITERATIONS = 1000;

    private TribuoPeer() {
    }

    public static void main(String[] args) {
        PeerMain.main("TribuoPeer", args, TribuoPeer::parse);
    }

    static TribuoPeer parse(String[] args) {
        if (args.length != 2 || args[0].startsWith("--") || args[1].startsWith("--")) {
            throw new IllegalArgumentException("usage: TribuoPeer TRAIN TEST");
        }
        return new TribuoPeer();
    }

    @Override
    public String tool() {
        return "tribuo";
    }

    @Override
    public String settings() {
        return "Tribuo lowercase + UniversalTokenizer, TokenPipeline 1-2-grams with term counts, IDF; LibLinear L2R_LR,"
                + " C " + COST + ", eps " + EPSILON + ", max iterations " + MAX_ITERATIONS;
    }

    @Override
    public Trained train(Corpus train) throws IOException {
        LabelFactory labels = new LabelFactory();
        TextFeatureExtractor<Label> extractor =
                new TextFeatureExtractorImpl<>(new TokenPipeline(new UniversalTokenizer(), 2, true));
        MutableDataset<Label> data =
                new MutableDataset<>(new SimpleDataSourceProvenance("training file", labels), labels);
        int skipped = 0;
        for (int i = 0; i < train.size(); i++) {
            Example<Label> example = extractor.extract(new Label(train.labels().get(i)), text(train.texts().get(i)));
            // A dataset refuses an example without features (an empty or all-punctuation text).
            if (example.size() == 0) {
                skipped++;
            } else {
                data.add(example);
            }
        }
        if (data.size() == 0) {
            throw new IOException("none of the " + train.size() + " training texts has a token; expected text");
        }
        LibLinearClassificationTrainer linear = new LibLinearClassificationTrainer(
                new LinearClassificationType(LinearType.L2R_LR), COST, MAX_ITERATIONS, EPSILON);
        TransformTrainer<Label> trainer = new TransformTrainer<>(linear,
                new TransformationMap(List.of(new IDFTransformation())), false, true);
        Model<Label> model = trainer.train(data);
        ImmutableFeatureMap known = model.getFeatureIDMap();
        int skippedTrainExamples = skipped;
        return new Trained() {
            @Override
            public String predict(String text) {
                Example<Label> example = extractor.extract(LabelFactory.UNKNOWN_LABEL, text(text));
                return hasKnownFeature(example, known) ? model.predict(example).getOutput().getLabel() : null;
            }

            @Override
            public int skippedTrainExamples() {
                return skippedTrainExamples;
            }
        };
    }

    /** The tutorial lowercases the text before the pipeline (its {@code CasingPreprocessor}). */
    private static String text(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    /** Tribuo cannot predict an example none of whose features the model has seen: it throws. */
    private static boolean hasKnownFeature(Example<Label> example, ImmutableFeatureMap known) {
        for (Feature f : example) {
            if (known.get(f.getName()) != null) {
                return true;
            }
        }
        return false;
    }
}

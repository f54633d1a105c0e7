package org.textclf.peers;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * What the peer programs share: the run (read, train, score, each stage timed) and how they end, with the result as
 * one JSON line on stdout, or one line {@code PROGRAM: what is wrong} on stderr and exit 2 for a wrong command line,
 * 1 for a file that cannot be used or a heap too small, never a stack trace in the bench script's output.
 */
final class PeerMain {

    /** Builds a peer from the command line; throws IllegalArgumentException for a wrong one. */
    interface Parser {
        Peer parse(String[] args);
    }

    private PeerMain() {
    }

    static void main(String program, String[] args, Parser parser) {
        try {
            Peer peer = parser.parse(args);
            System.out.println(evaluate(peer, Path.of(args[0]), Path.of(args[1])).toJson());
        } catch (IllegalArgumentException e) {
            exit(program + ": " + e.getMessage(), 2);
        } catch (NoSuchFileException e) {
            String message = e.getMessage();
            exit(program + ": " + (message.contains(": ") ? message : message + ": no such file"), 1);
        } catch (IOException e) {
            exit(program + ": " + e.getMessage(), 1);
        } catch (OutOfMemoryError e) {
            exit(program + ": ran out of Java heap (" + Runtime.getRuntime().maxMemory() / (1 << 20)
                    + " MB); give it more with -Xmx (bench/peers: PEERS_JAVA_OPTS)", 1);
        }
    }

    private static void exit(String line, int status) {
        System.err.println(line);
        System.exit(status);
    }

    /** Trains {@code peer} on {@code trainFile} and scores it on {@code testFile}. */
    static PeerResult evaluate(Peer peer, Path trainFile, Path testFile) throws IOException {
        long start = System.nanoTime();
        Corpus train = Corpus.read(trainFile);
        Corpus test = Corpus.read(testFile);
        long read = System.nanoTime();
        Peer.Trained trained = peer.train(train);
        long fitted = System.nanoTime();
        String fallback = mostFrequent(train);
        int correct = 0;
        int fallbacks = 0;
        for (int i = 0; i < test.size(); i++) {
            String predicted = trained.predict(test.texts().get(i));
            if (predicted == null) {
                predicted = fallback;
                fallbacks++;
            }
            if (predicted.equals(test.labels().get(i))) {
                correct++;
            }
        }
        long scored = System.nanoTime();
        return new PeerResult(peer.tool(), peer.settings(), train.size(), trained.skippedTrainExamples(),
                test.size(), (int) train.labels().stream().distinct().count(), (double) correct / test.size(),
                fallbacks, seconds(start, read), seconds(read, fitted), seconds(fitted, scored));
    }

    /** The most frequent label of {@code corpus}, the first one seen among equals. */
    static String mostFrequent(Corpus corpus) {
        Map<String, Integer> counts = new HashMap<>();
        String best = corpus.labels().get(0);
        for (String label : corpus.labels()) {
            int n = counts.merge(label, 1, Integer::sum);
            if (n > counts.get(best)) {
                best = label;
            }
        }
        return best;
    }

    /** {@code args[i + 1]}, the value of the option {@code args[i]}. */
    static String value(String[] args, int i) {
        if (i + 1 >= args.length) {
            throw new IllegalArgumentException(args[i] + " needs a value");
        }
        return args[i + 1];
    }

    private static double seconds(long from, long to) {
        return (to - from) / 1e9;
    }
}

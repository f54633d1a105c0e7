package org.textclf.peers;

import java.io.IOException;

/** A library under comparison: its name in the bench table, the settings it trains with, and its training. */
interface Peer {

    /** What training left: a classifier and how many training records it could not use. */
    interface Trained {
        /** The predicted label of {@code text}, or null when the model knows none of its features. */
        String predict(String text);

        /** Training records the library refused (none of its features), reported, never silently dropped. */
        int skippedTrainExamples();
    }

    String tool();

    String settings();

    Trained train(Corpus train) throws IOException;
}

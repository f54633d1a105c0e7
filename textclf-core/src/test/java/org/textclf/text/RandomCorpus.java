package org.textclf.text;

import org.textclf.data.MemorySource;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.textclf.data.Sample;

/** Reproducible random corpora of two classes whose word choice depends on the class, for tests. */
final class RandomCorpus {
    private RandomCorpus() {
    }

    /** {@code documents} documents over a vocabulary of {@code words} words ("w0".."wN"), seeded. */
    static MemorySource make(int documents, int words, long seed) {
        Random random = new Random(seed);
        List<Sample> samples = new ArrayList<>();
        for (int d = 0; d < documents; d++) {
            int label = random.nextInt(2);
            int length = random.nextInt(30);
            StringBuilder text = new StringBuilder();
            for (int t = 0; t < length; t++) {
                // Zipf-like word choice, shifted by class so that some words are informative.
                int w = (int) (words * Math.pow(random.nextDouble(), 2 + label));
                text.append(t > 0 ? " " : "").append('w').append(w);
            }
            samples.add(new Sample(String.valueOf(label + 1), text.toString(), d + 1));
        }
        return MemorySource.of(samples);
    }
}

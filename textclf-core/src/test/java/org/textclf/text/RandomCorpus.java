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

    /**
     * Words of one character and marks that only {@link TokenPattern#WORDS_AND_SYMBOLS} counts, glued to a word or
     * alone, for {@link #make(int, int, long, boolean)}.
     */
    private static final String[] SYMBOLS = {"a", "!", "?", "7/10", ":)", "\u00e9", "\ud83d\ude00", "x-y", "'s"};

    /** {@code documents} documents over a vocabulary of {@code words} words ("w0".."wN"), seeded. */
    static MemorySource make(int documents, int words, long seed) {
        return make(documents, words, seed, false);
    }

    /** As {@link #make(int, int, long)}, with one-character words and marks among the words when {@code symbols}. */
    static MemorySource make(int documents, int words, long seed, boolean symbols) {
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
                if (symbols && w % 3 == 0) {
                    text.append(w % 2 == 0 ? "" : " ").append(SYMBOLS[(w / 3 + label) % SYMBOLS.length]);
                }
            }
            samples.add(new Sample(String.valueOf(label + 1), text.toString(), d + 1));
        }
        return MemorySource.of(samples);
    }
}

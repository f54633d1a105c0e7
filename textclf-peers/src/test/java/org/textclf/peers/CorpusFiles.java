package org.textclf.peers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Small corpora in the shared data's layout (class first, 1-based, no header) that a bag of words separates. */
final class CorpusFiles {
    private static final String[] NEGATIVE = "awful boring dull terrible waste bad worst mess".split(" ");
    private static final String[] POSITIVE = "great superb moving brilliant fine best lovely gem".split(" ");
    private static final String[] FILLER = "the a film movie plot actor it was and of to scene story".split(" ");

    private CorpusFiles() {
    }

    /**
     * {@code n} records alternating classes 1 and 2, each text six filler words and two of its class's words;
     * with {@code titles}, three fields (class, title, text) as AG News has, the class words only in the title.
     */
    static Path write(Path file, int n, long seed, boolean titles) throws IOException {
        Random random = new Random(seed);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int label = 1 + i % 2;
            String[] cue = label == 1 ? NEGATIVE : POSITIVE;
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < 6; w++) {
                text.append(FILLER[random.nextInt(FILLER.length)]).append(' ');
            }
            String words = cue[random.nextInt(cue.length)] + " " + cue[random.nextInt(cue.length)];
            lines.add(titles
                    ? "\"" + label + "\",\"" + words + "\",\"" + text.toString().strip() + "\""
                    : "\"" + label + "\",\"" + text + words + "\"");
        }
        return Files.write(file, lines);
    }
}

package org.textclf.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Small Zhang-style CSVs of two topics (class 1 sports, class 2 money) for the training tests; seeded, so each
 * test's data is fixed.
 */
final class TopicCorpus {
    static final String[] SPORTS = {"match", "goal", "team", "coach", "season", "league", "score", "player"};
    static final String[] MONEY = {"market", "stock", "bank", "profit", "shares", "investor", "rates", "fund"};
    static final String[] COMMON = {"the", "a", "today", "new", "report", "said", "after", "week"};

    private TopicCorpus() {
    }

    /**
     * Writes {@code rows} lines of 12 words each; a word is from the line's topic with probability 1 in
     * {@code topicalOneIn}, else a common word.
     */
    static Path write(Path file, int rows, long seed, int topicalOneIn) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            int label = random.nextInt(2);
            String[] topic = label == 0 ? SPORTS : MONEY;
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < 12; w++) {
                String[] from = random.nextInt(topicalOneIn) == 0 ? topic : COMMON;
                text.append(from[random.nextInt(from.length)]).append(' ');
            }
            lines.add("\"" + (label + 1) + "\",\"" + text.toString().strip() + "\"");
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }
}

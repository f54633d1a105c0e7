package org.textclf.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded two-topic corpora (sports, class 1, and money, class 2) in Zhang CSV, for the CLI's tests. The core's
 * {@code TopicCorpus} is not visible from this module's tests.
 */
final class TopicCsv {
    private static final String[] SPORTS = {"match", "goal", "team", "coach", "season", "league", "score"};
    private static final String[] MONEY = {"market", "stock", "bank", "profit", "shares", "investor", "rates"};
    private static final String[] COMMON = {"the", "a", "today", "new", "report", "said", "after"};

    private TopicCsv() {
    }

    /**
     * Writes {@code rows} samples of {@code words} words each to {@code file}.
     *
     * @param withCommon whether two words in three are common words shared by both topics (harder to separate)
     */
    static Path write(Path file, int rows, long seed, int words, boolean withCommon) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            int label = random.nextInt(2);
            String[] topic = label == 0 ? SPORTS : MONEY;
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < words; w++) {
                String[] from = !withCommon || random.nextInt(3) == 0 ? topic : COMMON;
                text.append(from[random.nextInt(from.length)]).append(' ');
            }
            lines.add("\"" + (label + 1) + "\",\"" + text.toString().strip() + "\"");
        }
        return Files.write(file, lines, StandardCharsets.UTF_8);
    }
}

package org.textclf.tune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrialLogTest {
    @TempDir
    Path dir;

    private static TrialResult result(int trial, double metric) {
        return new TrialResult(trial, "mlp", Map.of("--units", "8"), 0, 1, 0, 1, 1, metric, 0.5, metric, false, 1.5);
    }

    @Test
    void resume_wholeLines_readsThemBack() throws IOException {
        Path file = dir.resolve("log.jsonl");
        try (TrialLog log = TrialLog.create(file, new TrialLog.Header(List.of("a", "--b"), 7, "val_loss"))) {
            log.append(result(1, 0.8));
            log.append(result(2, Double.NaN));
        }
        try (TrialLog log = TrialLog.resume(file, line -> { })) {
            assertThat(log.header()).isEqualTo(new TrialLog.Header(List.of("a", "--b"), 7, "val_loss"));
            assertThat(log.results()).hasSize(2);
            assertThat(log.results().get(0)).isEqualTo(result(1, 0.8));
            assertThat(log.results().get(1).metric()).isNaN();
        }
    }

    @Test
    void resume_tornLastLine_isIgnoredWithAWarningAndReplacedByTheNextLine() throws IOException {
        Path file = dir.resolve("log.jsonl");
        try (TrialLog log = TrialLog.create(file, new TrialLog.Header(List.of(), 1, "val_accuracy"))) {
            log.append(result(1, 0.8));
        }
        Files.writeString(file, "{\"trial\": 2, \"bra", StandardOpenOption.APPEND);
        List<String> warnings = new ArrayList<>();
        try (TrialLog log = TrialLog.resume(file, warnings::add)) {
            assertThat(log.results()).hasSize(1);
            log.append(result(2, 0.7));
        }
        assertThat(warnings).containsExactly(file + ":3: ignoring a torn last line (the tune was stopped while"
                + " writing it); its trial runs again");
        try (TrialLog log = TrialLog.resume(file, line -> { })) {
            assertThat(log.results()).extracting(TrialResult::trial).containsExactly(1, 2);
        }
    }

    @Test
    void resume_malformedLineBeforeTheLast_isAnErrorNamingFileAndLine() throws IOException {
        Path file = dir.resolve("log.jsonl");
        try (TrialLog log = TrialLog.create(file, new TrialLog.Header(List.of(), 1, "val_accuracy"))) {
            log.append(result(1, 0.8));
        }
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.add(1, "not json");
        Files.write(file, lines);
        assertThatThrownBy(() -> TrialLog.resume(file, line -> { })).isInstanceOf(IOException.class)
                .hasMessage(file + ":2: not a tune log line; expected one JSON object per line, as tune writes"
                        + " them. Start a new tune with another --log");
    }

    @Test
    void resume_notATuneLog_saysSo() throws IOException {
        Path file = dir.resolve("other.jsonl");
        Files.writeString(file, "{\"text\": \"hello\"}\n");
        assertThatThrownBy(() -> TrialLog.resume(file, line -> { })).isInstanceOf(IOException.class)
                .hasMessage(file + ":1: not a tune log; expected the header {\"tune\": 1, \"arguments\": [...], ...},"
                        + " found {\"text\": \"hello\"}");
    }
}

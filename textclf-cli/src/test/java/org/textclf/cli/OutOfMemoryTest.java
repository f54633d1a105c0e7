package org.textclf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An OutOfMemoryError reaches the user as one line saying what ran out and what heap to ask for, never as a stack
 * trace: the CLI runs in a child JVM with a small heap, on a network far larger than it.
 */
class OutOfMemoryTest {
    private static final long TIMEOUT_SECONDS = 120;

    @TempDir
    Path dir;

    @Test
    void train_networkLargerThanTheHeap_printsOneLineSayingWhatToRaise() throws Exception {
        Path train = TopicCsv.write(dir.resolve("train.csv"), 200, 1, 8, true);
        Path model = dir.resolve("m.textclf");
        // 20,000 x 20,000 hidden weights: 1.6 GB in a 32 MB heap
        List<String> args = List.of("train", train.toString(), "--model", "mlp", "--layers", "3", "--units",
                "20000", "--epochs", "1", "-o", model.toString());

        Child child = run("-Xmx32m", args);

        assertThat(child.exitCode()).as(child.err()).isEqualTo(Main.EXIT_FAILURE);
        assertThat(child.err().lines().filter(l -> l.startsWith("textclf: ")).toList()).as(child.err())
                .containsExactly("textclf: out of memory (-Xmx32m) while building or training the network; raise the"
                        + " heap, e.g. JAVA_OPTS=-Xmx128m bin/textclf " + String.join(" ", args));
        assertThat(child.err()).doesNotContain("\tat ", "Exception in thread");
        assertThat(model).doesNotExist();
    }

    @Test
    void activity_isTheCommandsForOneThingCommands_theInnermostPackagesForTrain() {
        OutOfMemoryError inTokenizer = new OutOfMemoryError("Java heap space");
        inTokenizer.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("org.textclf.text.NgramScanner", "scan", null, 1),
            new StackTraceElement("org.textclf.explore.CorpusExplorer", "explore", null, 1)});

        assertThat(OutOfMemory.activity(inTokenizer, List.of("explore", "big.csv"))).isEqualTo("exploring the corpus");
        assertThat(OutOfMemory.activity(inTokenizer, List.of("train", "big.csv"))).isEqualTo("fitting the vectorizer");
    }

    @Test
    void suggestedMib_isFourTimesTheHeapAsAPowerOfTwo() {
        assertThat(OutOfMemory.suggestedMib(64L << 20)).isEqualTo(256);
        assertThat(OutOfMemory.suggestedMib(40L << 20)).isEqualTo(256);
        assertThat(OutOfMemory.suggestedMib(1L << 30)).isEqualTo(4096);
    }

    private record Child(int exitCode, String err) {
    }

    private Child run(String heap, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), heap, "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(args);
        Path err = dir.resolve("err.txt");
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(err.toFile()).start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the child JVM did not end within " + TIMEOUT_SECONDS + " s");
        }
        return new Child(process.exitValue(), Files.readString(err, StandardCharsets.UTF_8));
    }
}

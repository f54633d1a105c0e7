package org.textclf.train;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Appends one CSV line per epoch ({@code epoch,loss,accuracy,val_loss,val_accuracy,seconds}, empty validation cells
 * without validation data), flushed at once so the file can be watched during training; each line is written
 * whole, so a killed run leaves only complete lines.
 */
public final class CsvLogger implements Callback {
    static final String HEADER = "epoch,loss,accuracy,val_loss,val_accuracy,seconds\n";
    private final Path path;

    public CsvLogger(Path path) {
        this.path = path;
    }

    @Override
    public void onTrainBegin(TrainingState state) {
        try (Writer w = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
            w.write(HEADER);
            for (EpochLogs logs : state.history().epochs()) {
                w.write(line(logs)); // a resumed run's earlier epochs, so the file always covers the whole run
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot write the CSV log " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void onEpochEnd(TrainingState state, EpochLogs logs) throws IOException {
        Files.writeString(path, line(logs), StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
    }

    private static String line(EpochLogs logs) {
        String validation = logs.hasValidation() ? String.format(Locale.ROOT, "%.6f,%.6f",
                logs.validation().loss(), logs.validation().accuracy()) : ",";
        return String.format(Locale.ROOT, "%d,%.6f,%.6f,%s,%.3f%n", logs.epoch(), logs.training().loss(),
                logs.training().accuracy(), validation, logs.seconds());
    }
}

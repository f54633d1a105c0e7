package org.textclf.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.textclf.cli.download.Corpora;
import org.textclf.cli.download.Corpus;
import org.textclf.cli.download.Remote;
import org.textclf.data.Datasets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code textclf datasets}: the names {@code train NAME} takes, those in {@code $TEXTCLF_DATA} and those {@code
 * textclf download} fetches, with their splits, classes, where they are and whether they can be downloaded.
 */
@Command(name = "datasets", mixinStandardHelpOptions = true,
        description = "Lists the named datasets: those in $TEXTCLF_DATA and those textclf download fetches, with"
                + " their splits, classes, local folder and download size.")
public final class DatasetsCommand implements Callable<Integer> {
    /** Splits looked for in a folder no catalog entry describes. */
    private static final List<String> SPLITS = List.of("train", "dev", "test", "unsup");
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Option(names = "--json", description = "Print one JSON object instead of the table.")
    boolean json;

    @Mixin
    DataFolder dataFolder;

    @Spec
    CommandSpec spec;

    /** One dataset as listed: what is local (folder null if none) and what the catalog says (corpus null if none). */
    private record Entry(String name, Path folder, Map<String, Path> splits, List<String> classes, Corpus corpus) {
    }

    @Override
    public Integer call() throws IOException {
        Path dataDir = dataFolder.orNull();
        List<Entry> entries = entries(dataDir);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(MAPPER.writeValueAsString(json(dataDir, entries)));
        } else {
            table(dataDir, entries, out);
        }
        out.flush();
        return 0;
    }

    private static List<Entry> entries(Path dataDir) throws IOException {
        boolean haveDir = dataDir != null && Files.isDirectory(dataDir);
        Set<String> names = new LinkedHashSet<>(Corpora.STANDARD.names());
        if (haveDir) {
            names.addAll(Datasets.datasetNames(dataDir));
        }
        List<Entry> entries = new ArrayList<>();
        for (String name : names) {
            Corpus corpus = Corpora.STANDARD.find(name).orElse(null);
            Path folder = haveDir && Files.isDirectory(dataDir.resolve(name)) ? dataDir.resolve(name) : null;
            Map<String, Path> splits = new LinkedHashMap<>();
            List<String> classes = corpus == null ? List.of() : corpus.classes();
            if (folder != null) {
                Set<String> wanted = new LinkedHashSet<>(corpus == null ? SPLITS : corpus.splits());
                wanted.addAll(SPLITS);
                for (String split : wanted) {
                    Optional<Path> file = Datasets.split(folder, split);
                    file.ifPresent(f -> splits.put(split, f));
                }
                Path classesFile = folder.resolve("classes.txt");
                if (Files.isRegularFile(classesFile)) {
                    classes = Files.readAllLines(classesFile, StandardCharsets.UTF_8).stream().map(String::strip)
                            .filter(s -> !s.isEmpty()).toList();
                }
            }
            entries.add(new Entry(name, folder, splits, classes, corpus));
        }
        entries.sort((a, b) -> a.name().compareTo(b.name()));
        return entries;
    }

    private static void table(Path dataDir, List<Entry> entries, PrintWriter out) {
        out.println(dataDir == null ? "named datasets ($" + Datasets.ENV + " is not set, so none is local):"
                : Files.isDirectory(dataDir) ? "named datasets in " + dataDir + ":"
                : "named datasets (" + dataDir + " is not a folder, so none is local):");
        String format = "%-16s %-18s %-34s %-13s %s%n";
        out.printf(Locale.ROOT, format, "NAME", "SPLITS", "CLASSES", "DOWNLOAD", "LOCAL");
        List<String> notes = new ArrayList<>();
        for (Entry e : entries) {
            String splits = e.folder() != null ? String.join(" ", e.splits().keySet())
                    : e.corpus() != null ? String.join(" ", e.corpus().splits()) : "";
            String download = e.corpus() == null ? "-" : e.corpus().downloadable()
                    ? megabytes(e.corpus().downloadBytes()) : "no (below)";
            if (e.corpus() != null && !e.corpus().downloadable()) {
                notes.add(e.name() + " cannot be downloaded: " + e.corpus().unavailable());
            }
            out.printf(Locale.ROOT, format, e.name(), splits, classes(e.classes()), download,
                    e.folder() != null ? e.folder() : "-");
        }
        for (String note : notes) {
            out.println(note);
        }
        out.println("train NAME trains on NAME's train split (NAME:test names another); textclf download NAME"
                + " fetches NAME.");
    }

    private static String classes(List<String> classes) {
        if (classes.isEmpty()) {
            return "?";
        }
        String all = classes.size() + ": " + String.join(", ", classes);
        return all.length() <= 34 ? all : all.substring(0, 31) + "...";
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    private static Map<String, Object> json(Path dataDir, List<Entry> entries) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("data_dir", dataDir == null ? null : dataDir.toString());
        List<Map<String, Object>> list = new ArrayList<>();
        for (Entry e : entries) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", e.name());
            m.put("title", e.corpus() == null ? null : e.corpus().title());
            m.put("local", e.folder() == null ? null : e.folder().toString());
            Map<String, String> splits = new LinkedHashMap<>();
            e.splits().forEach((split, file) -> splits.put(split, file.toString()));
            m.put("splits", splits);
            m.put("classes", e.classes());
            m.put("downloadable", e.corpus() != null && e.corpus().downloadable());
            if (e.corpus() != null) {
                m.put("download_splits", e.corpus().splits());
                m.put("download_bytes", e.corpus().downloadable() ? e.corpus().downloadBytes() : null);
                List<String> urls = new ArrayList<>();
                for (Remote r : e.corpus().files()) {
                    urls.add(r.url(e.corpus().baseUrl()));
                }
                m.put("urls", urls);
                m.put("unavailable", e.corpus().downloadable() ? null : e.corpus().unavailable());
            }
            list.add(m);
        }
        root.put("datasets", list);
        return root;
    }
}

package org.textclf;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Dependencies between packages point one way (STYLE.md): every package of the core, the CLI and the server, the root package
 * included, uses exactly the packages listed here, and the listed graph has no cycle. A reference is any
 * {@code org.textclf.<package>.<Type>} or {@code org.textclf.<Type>} in code (imports and qualified names; comments
 * are not code), so a new dependency, a dropped one or a new package fails until this table says so.
 */
class PackageDependenciesTest {
    private static final String ROOT = "(root)";
    /** The stack, top to bottom: cli -> api -> fit -> model -> branch -> config -> (text, feed, ...) -> data. */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            entry("cli", Set.of("api", "branch", "config", "data", "eval", "explore", "feed", "fit", "io", "model",
                    "nn", "progress", "serve", "text", "train", "tune")),
            entry("cli.download", Set.of("io")),
            entry("serve", Set.of("api")),
            entry("tune", Set.of("api", "config", "data", "explore", "feed", "fit", "model", "nn", "progress", "text",
                    "train")),
            entry("api", Set.of("batch", "branch", "config", "data", "eval", "feed", "fit", "model", "nn", "progress",
                    "train")),
            entry("fit", Set.of("batch", "branch", "config", "data", "feed", "io", "model", "nn", "progress",
                    "text", "train")),
            entry("model", Set.of("branch", "config", "data", "io")),
            entry("branch", Set.of("batch", "config", "data", "eval", "explore", "feed", "nn", "progress", "text")),
            entry("config", Set.of("feed", "nn", "text", "train")),
            entry("explore", Set.of("data", "text")),
            entry("train", Set.of("nn", "progress")),
            entry("text", Set.of("batch", "data", "io")),
            entry("feed", Set.of("batch", "data", "io", "progress")),
            entry("nn", Set.of("batch")),
            entry("progress", Set.of("data")),
            entry("batch", Set.of("data")),
            entry("eval", Set.of()),
            entry("io", Set.of()),
            entry("data", Set.of()));
    private static final List<Path> SOURCES = List.of(Path.of("src/main/java/org/textclf"),
            Path.of("../textclf-cli/src/main/java/org/textclf"), Path.of("../textclf-serve/src/main/java/org/textclf"));
    private static final Pattern REFERENCE = Pattern.compile("\\borg\\.textclf\\.(?:([a-z]+)\\.)?[A-Z]");
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

    /** The packages each package refers to, read from the sources of core, CLI and server. */
    private static Map<String, Set<String>> actual() throws IOException {
        Map<String, Set<String>> uses = new TreeMap<>();
        for (Path root : SOURCES) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Path dir = root.relativize(file).getParent();
                    String pkg = dir == null ? ROOT : dir.toString().replace('/', '.');
                    Set<String> used = uses.computeIfAbsent(pkg, k -> new TreeSet<>());
                    Matcher m = REFERENCE.matcher(COMMENT.matcher(Files.readString(file)).replaceAll(""));
                    while (m.find()) {
                        String target = m.group(1) == null ? ROOT : m.group(1);
                        if (!target.equals(pkg)) {
                            used.add(target);
                        }
                    }
                }
            }
        }
        return uses;
    }

    @Test
    void everyPackage_usesExactlyTheListedPackages() throws IOException {
        Map<String, Set<String>> actual = actual();
        assertThat(actual.keySet()).as("packages (a new one needs its row, the root package none)")
                .containsExactlyInAnyOrderElementsOf(ALLOWED.keySet());
        List<String> differences = new ArrayList<>();
        for (Map.Entry<String, Set<String>> e : actual.entrySet()) {
            Set<String> allowed = ALLOWED.getOrDefault(e.getKey(), Set.of());
            for (String used : e.getValue()) {
                if (!allowed.contains(used)) {
                    differences.add(e.getKey() + " uses " + used + ", which it may not");
                }
            }
            for (String listed : allowed) {
                if (!e.getValue().contains(listed)) {
                    differences.add(e.getKey() + " may use " + listed + " but does not: take it off the list");
                }
            }
        }
        assertThat(differences).isEmpty();
    }

    @Test
    void allowedGraph_hasNoCycle() {
        Map<String, Integer> state = new HashMap<>(); // 1 visiting, 2 done
        for (String pkg : ALLOWED.keySet()) {
            assertThat(cycleFrom(pkg, state, new ArrayList<>())).as("cycle through " + pkg).isEmpty();
        }
    }

    private static List<String> cycleFrom(String pkg, Map<String, Integer> state, List<String> path) {
        Integer s = state.get(pkg);
        if (s != null && s == 2) {
            return List.of();
        }
        path.add(pkg);
        if (s != null) {
            return path;
        }
        state.put(pkg, 1);
        for (String next : ALLOWED.getOrDefault(pkg, Set.of())) {
            List<String> cycle = cycleFrom(next, state, path);
            if (!cycle.isEmpty()) {
                return cycle;
            }
        }
        state.put(pkg, 2);
        path.remove(path.size() - 1);
        return List.of();
    }

    @Test
    void everyPackage_hasAPackageInfo() throws IOException {
        Set<String> missing = new HashSet<>();
        for (Path root : SOURCES) {
            try (Stream<Path> dirs = Files.walk(root)) {
                for (Path dir : dirs.filter(Files::isDirectory).filter(d -> !d.equals(root)).toList()) {
                    if (!Files.exists(dir.resolve("package-info.java"))) {
                        missing.add(root.relativize(dir).toString());
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }
}

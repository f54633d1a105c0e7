package org.textclf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Dependencies between packages point one way (STYLE.md): each package imports only the packages listed here. */
class PackageDependenciesTest {
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "data", Set.of(),
            "batch", Set.of("data"),
            "text", Set.of("data", "batch", "io"),
            "explore", Set.of("data", "text"),
            "nn", Set.of("batch"),
            "train", Set.of("nn", "batch", "text", "data"),
            "eval", Set.of("nn", "batch", "data"),
            "io", Set.of("text", "nn", "data"));
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?org\\.textclf\\.([a-z]+)\\.",
            Pattern.MULTILINE);

    @Test
    void everyPackage_importsOnlyWhatItMay() throws IOException {
        Path root = Path.of("src/main/java/org/textclf");
        List<String> violations = new ArrayList<>();
        for (Map.Entry<String, Set<String>> rule : ALLOWED.entrySet()) {
            try (Stream<Path> files = Files.walk(root.resolve(rule.getKey()))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher m = IMPORT.matcher(Files.readString(file));
                    while (m.find()) {
                        String used = m.group(1);
                        if (!used.equals(rule.getKey()) && !rule.getValue().contains(used)) {
                            violations.add(root.relativize(file) + " imports org.textclf." + used);
                        }
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }
}

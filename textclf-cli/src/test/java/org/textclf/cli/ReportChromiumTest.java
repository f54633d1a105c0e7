package org.textclf.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report page as a browser shows it: headless Chromium (Debian's {@code chromium}) loads {@code index.html} from
 * disk, a script the test appends counts the images that decoded, and the DOM is dumped. Skipped, saying so, where
 * Chromium is not installed; {@code .ci/run} installs it.
 */
class ReportChromiumTest {
    /** Written into the body after load: how many of the page's images decoded, of how many. */
    private static final String CHECKER = "<script>addEventListener('load', () => { const all = [...document.images];"
            + " document.body.setAttribute('data-loaded', all.filter(i => i.complete && i.naturalWidth > 0).length"
            + " + '/' + all.length); });</script>";
    private static final Pattern LOADED = Pattern.compile("data-loaded=\"(\\d+/\\d+)\"");
    private static final String HOSTILE = "<img src=x onerror=\"document.body.setAttribute('data-pwned','1')\">";

    @TempDir
    static Path dir;
    private static Path chromium;
    private static String page;

    private static final String ABSENT = "chromium is not installed (apt-get install -y chromium): the report page"
            + " is not rendered in a browser";

    @BeforeAll
    static void trainWithReport() throws IOException {
        chromium = onPath("chromium");
        if (chromium == null) {
            // JUnit's skip reason is only in the XML report; this line is in the build's output.
            System.err.println("ReportChromiumTest skipped: " + ABSENT);
            return;
        }
        Files.write(dir.resolve("classes.txt"), List.of(HOSTILE, "money"));
        Path train = TopicCsv.write(dir.resolve("train.csv"), 400, 1, 10, true);
        Path test = TopicCsv.write(dir.resolve("test.csv"), 100, 2, 10, true);
        Run run = Run.of("train", train.toString(), "--test", test.toString(), "-o",
                dir.resolve("m.textclf").toString(), "--verbose", "0", "--epochs", "3", "--report",
                dir.resolve("report").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        page = Files.readString(dir.resolve("report/index.html"));
    }

    @BeforeEach
    void needsChromium() {
        assumeTrue(chromium != null, ABSENT);
    }

    @Test
    void page_inChromium_loadsEveryImage() throws Exception {
        String dom = render(page, "whole.html");

        assertThat(loaded(dom)).isEqualTo("4/4");
    }

    @Test
    void page_oneImageBroken_chromiumCountsItMissing() throws Exception {
        String broken = page.replaceFirst("data:image/png;base64,[A-Za-z0-9+/=]+", "data:image/png;base64,AAAA");

        String dom = render(broken, "broken.html");

        assertThat(loaded(dom)).isEqualTo("3/4");
    }

    @Test
    void page_classNamedAsMarkup_runsNoScriptOfIt() throws Exception {
        String dom = render(page, "hostile.html");

        assertThat(dom).doesNotContain("data-pwned=\"1\"");
        assertThat(dom).contains("&lt;img src=x onerror=");
        assertThat(loaded(dom)).isEqualTo("4/4");
    }

    private static String loaded(String dom) {
        Matcher m = LOADED.matcher(dom);
        assertThat(m.find()).as("the checker's data-loaded in the DOM Chromium dumped:%n%s", dom).isTrue();
        return m.group(1);
    }

    /** The DOM of {@code html} (with the checker appended) after Chromium loaded it from a file. */
    private static String render(String html, String name) throws IOException, InterruptedException {
        Path file = dir.resolve("report").resolve(name);
        Files.writeString(file, html.replace("</body>", CHECKER + "</body>"), StandardCharsets.UTF_8);
        Path profile = Files.createTempDirectory(dir, "chromium");
        Process p = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--user-data-dir=" + profile, "--virtual-time-budget=5000", "--dump-dom", file.toUri().toString())
                .redirectError(dir.resolve(name + ".stderr").toFile()).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        assertThat(p.exitValue()).as(Files.readString(dir.resolve(name + ".stderr"))).isZero();
        return new String(out, StandardCharsets.UTF_8);
    }

    private static Path onPath(String command) {
        for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(folder, command);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}

package org.textclf.cli.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.textclf.data.Datasets;
import org.textclf.io.FolderLock;

/** Downloads from a local mirror: real HTTP, real checksums, unpacking and conversion; no internet. */
class DownloaderTest {
    private static final String TRAIN = "\"1\",\"awful, \"\"boring\"\" film\"\n\"2\",\"a moving film\"\n"
            + "\"2\",\"wonderful\"\n";
    private static final String TEST = "\"1\",\"bad\"\n\"2\",\"good\"\n";

    @TempDir
    Path dir;
    private Mirror mirror;
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void startMirror() throws IOException {
        mirror = new Mirror();
    }

    @AfterEach
    void stopMirror() throws IOException {
        mirror.close();
    }

    private Downloader downloader() {
        return new Downloader(dir, mirror.base(), new PrintWriter(err, true));
    }

    /** A Zhang-style corpus served by the mirror, with the checksum of {@code published} (what the catalog says). */
    private Corpus zhang(byte[] published, byte[] served) {
        mirror.put("tiny_csv.tgz", served);
        return new Corpus("tiny", "a tiny Zhang corpus", List.of("negative", "positive"), List.of("train", "test"),
                Layout.ZHANG_ARCHIVE, "http://unused.invalid/",
                List.of(new Remote("tiny_csv.tgz", published.length, Archives.sha256(published))), "");
    }

    private static byte[] zhangArchive() throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("tiny_csv/", "");
        entries.put("tiny_csv/train.csv", TRAIN);
        entries.put("tiny_csv/test.csv", TEST);
        entries.put("tiny_csv/readme.txt", "a tiny corpus\n");
        return Archives.tgz(entries);
    }

    private static String gunzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private void assertNothingLeft() throws IOException {
        assertThat(dir.resolve("tiny")).doesNotExist();
        assertThat(dir.resolve(Downloader.WORK_FOLDER)).doesNotExist();
    }

    @Test
    void download_whileAnotherDownloadHoldsTheDataFolder_refusedNamingIt_nothingFetched() throws IOException {
        byte[] archive = zhangArchive();
        Corpus tiny = zhang(archive, archive);
        try (FolderLock other = FolderLock.acquire(dir, "unused")) {
            assertThatThrownBy(() -> downloader().download(tiny, false)).isInstanceOf(IOException.class)
                    .hasMessageStartingWith(dir + ": in use by another textclf run (pid ")
                    .hasMessageEndingWith("; wait for its download to finish, then run this one again");
        }
        assertThat(mirror.requests).isEmpty();
        assertThat(downloader().download(tiny, false)).startsWith("downloaded tiny into ");
    }

    @Test
    void download_zhangArchive_writesOurLayoutThatDatasetsResolves() throws IOException {
        byte[] archive = zhangArchive();
        String said = downloader().download(zhang(archive, archive), false);

        Path folder = dir.resolve("tiny");
        assertThat(said).isEqualTo("downloaded tiny into " + folder + ": train.csv.gz 3 rows, test.csv.gz 2 rows");
        assertThat(gunzip(folder.resolve("train.csv.gz"))).isEqualTo(TRAIN);
        assertThat(gunzip(folder.resolve("test.csv.gz"))).isEqualTo(TEST);
        assertThat(folder.resolve("classes.txt")).hasContent("negative\npositive");
        assertThat(folder.resolve("readme.txt")).hasContent("a tiny corpus");
        assertThat(Datasets.split(folder, "train")).contains(folder.resolve("train.csv.gz"));
        assertThat(Datasets.datasetNames(dir)).containsExactly("tiny");
        assertThat(dir.resolve(Downloader.WORK_FOLDER)).doesNotExist();
        assertThat(mirror.requests).containsExactly("/mirror/tiny_csv.tgz");
        assertThat(err.toString()).contains("tiny_csv.tgz").contains("MiB");
    }

    @Test
    void download_thenTrain_trainsOnTheConvertedFiles() throws IOException {
        StringBuilder train = new StringBuilder();
        StringBuilder test = new StringBuilder();
        String[][] topics = {{"match", "goal", "team", "coach"}, {"market", "stock", "bank", "profit"}};
        for (int i = 0; i < 240; i++) {
            String[] words = topics[i % 2];
            String row = "\"" + (i % 2 + 1) + "\",\"" + words[i % 4] + " " + words[(i / 2) % 4] + " " + words[(i / 3) % 4]
                    + "\"\n";
            (i < 200 ? train : test).append(row);
        }
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("tiny_csv/train.csv", train.toString());
        entries.put("tiny_csv/test.csv", test.toString());
        byte[] archive = Archives.tgz(entries);
        downloader().download(zhang(archive, archive), false);
        Path folder = dir.resolve("tiny");
        StringWriter out = new StringWriter();
        StringWriter trainErr = new StringWriter();

        int code = org.textclf.cli.Main.execute(new PrintWriter(out), new PrintWriter(trainErr), "train",
                Datasets.split(folder, "train").orElseThrow().toString(), "--test",
                Datasets.split(folder, "test").orElseThrow().toString(), "--model", "linear", "--epochs", "2", "-o",
                dir.resolve("tiny.textclf").toString());

        assertThat(code).as(trainErr.toString()).isEqualTo(0);
        assertThat(out + trainErr.toString()).contains("negative").contains("positive");
    }

    @Test
    void download_archiveWithClassesTxt_keepsTheArchives() throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("./tiny_csv/classes.txt", "bad\ngood\n");
        entries.put("./tiny_csv/train.csv", TRAIN);
        entries.put("./tiny_csv/test.csv", TEST);
        byte[] archive = Archives.tgz(entries);
        downloader().download(zhang(archive, archive), false);

        assertThat(dir.resolve("tiny/classes.txt")).hasContent("bad\ngood");
    }

    @Test
    void download_aclImdbArchive_convertsReviewFilesToRows() throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("aclImdb/README", "readme");
        entries.put("aclImdb/imdb.vocab", "the\n");
        entries.put("aclImdb/train/labeledBow.feat", "0 0:1\n");
        entries.put("aclImdb/train/pos/10_9.txt", "A \"great\" film.<br /><br />Loved it.");
        entries.put("aclImdb/train/pos/2_7.txt", "Good.");
        entries.put("aclImdb/train/neg/3_1.txt", "Terrible,\nreally.");
        entries.put("aclImdb/train/unsup/0_0.txt", "Unlabeled.");
        entries.put("aclImdb/train/unsup/1_0.txt", "Also unlabeled.");
        entries.put("aclImdb/test/pos/0_10.txt", "Superb.");
        entries.put("aclImdb/test/neg/0_2.txt", "Dull.");
        byte[] archive = Archives.tgz(entries);
        mirror.put("aclImdb_v1.tar.gz", archive);
        Corpus imdb = new Corpus("imdb", "IMDB", List.of("negative", "positive"), List.of("train", "test", "unsup"),
                Layout.ACL_IMDB, "http://unused.invalid/",
                List.of(new Remote("aclImdb_v1.tar.gz", archive.length, Archives.sha256(archive))), "");

        String said = downloader().download(imdb, false);

        Path folder = dir.resolve("imdb");
        assertThat(said).endsWith(": train.csv.gz 3 rows, test.csv.gz 2 rows, unsup.csv.gz 2 rows");
        assertThat(gunzip(folder.resolve("train.csv.gz")).lines()).containsExactlyInAnyOrder(
                "\"2\",\"A \"\"great\"\" film.<br /><br />Loved it.\"", "\"2\",\"Good.\"",
                "\"1\",\"Terrible,\\nreally.\"");
        assertThat(gunzip(folder.resolve("test.csv.gz")).lines()).containsExactlyInAnyOrder("\"2\",\"Superb.\"",
                "\"1\",\"Dull.\"");
        assertThat(gunzip(folder.resolve("unsup.csv.gz")).lines()).containsExactlyInAnyOrder(
                "\"0\",\"Unlabeled.\"", "\"0\",\"Also unlabeled.\"");
        assertThat(gunzip(folder.resolve("train_source_files.txt.gz")).lines()).containsExactlyInAnyOrder(
                "train/pos/10_9.txt\t9", "train/pos/2_7.txt\t7", "train/neg/3_1.txt\t1");
        assertThat(folder.resolve("classes.txt")).hasContent("negative\npositive");
        try (var files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("classes.txt",
                    "train.csv.gz", "test.csv.gz", "unsup.csv.gz", "train_source_files.txt.gz",
                    "test_source_files.txt.gz", "unsup_source_files.txt.gz");
        }
    }

    @Test
    void download_corruptedArchive_failsNamingUrlAndBothHashesAndLeavesNothing() throws IOException {
        byte[] archive = zhangArchive();
        byte[] corrupted = archive.clone();
        corrupted[corrupted.length / 2] ^= 1;
        Corpus tiny = zhang(archive, corrupted);

        assertThatThrownBy(() -> downloader().download(tiny, false)).isInstanceOf(IOException.class)
                .hasMessage(mirror.base() + "tiny_csv.tgz: SHA-256 mismatch: expected " + Archives.sha256(archive)
                        + ", found " + Archives.sha256(corrupted)
                        + "; the download was deleted: run the command again, or check the mirror");
        assertNothingLeft();
    }

    @Test
    void download_cutShort_keepsThePartAndTheNextRunResumesWithRange() throws IOException {
        byte[] archive = zhangArchive();
        Corpus tiny = zhang(archive, archive);
        mirror.cutNextAfter = archive.length / 2;
        Path part = dir.resolve(Downloader.WORK_FOLDER).resolve("tiny-tiny_csv.tgz.part");

        assertThatThrownBy(() -> downloader().download(tiny, false)).isInstanceOf(IOException.class)
                .hasMessage(mirror.base() + "tiny_csv.tgz: the connection closed after " + archive.length / 2
                        + " of " + archive.length + " bytes; run the same command again to resume (kept " + part
                        + ")");
        assertThat(part).hasSize(archive.length / 2);
        assertThat(dir.resolve("tiny")).doesNotExist();

        downloader().download(tiny, false);
        assertThat(mirror.ranges).containsExactly("bytes=" + archive.length / 2 + "-");
        assertThat(gunzip(dir.resolve("tiny/train.csv.gz"))).isEqualTo(TRAIN);
        assertThat(part).doesNotExist();
    }

    @Test
    void download_stalledTransfer_endsAfterTheStallTimeAndKeepsThePart() throws IOException {
        byte[] archive = zhangArchive();
        Corpus tiny = zhang(archive, archive);
        mirror.cutNextAfter = archive.length / 2;
        mirror.stallInsteadOfClose = true;
        Downloader impatient = new Downloader(dir, mirror.base(), new PrintWriter(err, true), 300);

        assertThatThrownBy(() -> impatient.download(tiny, false)).hasMessageStartingWith(mirror.base()
                + "tiny_csv.tgz: no data for 0 s after " + archive.length / 2 + " of " + archive.length + " bytes");
        assertThat(dir.resolve(Downloader.WORK_FOLDER).resolve("tiny-tiny_csv.tgz.part")).hasSize(archive.length / 2);
    }

    @Test
    void download_serverIgnoringRange_startsAgainFromZero() throws IOException {
        byte[] archive = zhangArchive();
        Corpus tiny = zhang(archive, archive);
        mirror.cutNextAfter = archive.length / 3;
        assertThatThrownBy(() -> downloader().download(tiny, false)).hasMessageContaining("connection closed");
        mirror.ignoreRange = true;

        downloader().download(tiny, false);

        assertThat(mirror.ranges).hasSize(1);
        assertThat(err.toString()).contains("textclf: " + mirror.base()
                + "tiny_csv.tgz: the server ignored the Range request; downloading from the start");
        assertThat(gunzip(dir.resolve("tiny/train.csv.gz"))).isEqualTo(TRAIN);
    }

    @Test
    void download_missingOnServer_failsWithTheStatus() throws IOException {
        byte[] archive = zhangArchive();
        Corpus tiny = new Corpus("tiny", "t", List.of("a", "b"), List.of("train", "test"), Layout.ZHANG_ARCHIVE,
                "http://unused.invalid/", List.of(new Remote("gone.tgz", archive.length, Archives.sha256(archive))),
                "");

        assertThatThrownBy(() -> downloader().download(tiny, false)).hasMessage(mirror.base()
                + "gone.tgz: HTTP 404; check the URL, or the mirror given by --url or TEXTCLF_DOWNLOAD_URL");
        assertNothingLeft();
    }

    @Test
    void download_existingFolder_saysSoAndFetchesNothing_forceReplacesIt() throws IOException {
        byte[] archive = zhangArchive();
        Corpus tiny = zhang(archive, archive);
        Files.createDirectories(dir.resolve("tiny"));
        Files.writeString(dir.resolve("tiny/train.csv"), "\"1\",\"old\"\n");

        assertThat(downloader().download(tiny, false))
                .isEqualTo("tiny is already in " + dir.resolve("tiny") + "; --force downloads it again");
        assertThat(mirror.requests).isEmpty();

        downloader().download(tiny, true);
        assertThat(dir.resolve("tiny/train.csv")).doesNotExist();
        assertThat(gunzip(dir.resolve("tiny/train.csv.gz"))).isEqualTo(TRAIN);
    }

    @Test
    void download_entryEscapingTheFolder_isRefused() throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("tiny_csv/train.csv", TRAIN);
        entries.put("tiny_csv/../../../escaped.txt", "owned");
        byte[] archive = Archives.tgz(entries);

        assertThatThrownBy(() -> downloader().download(zhang(archive, archive), false)).hasMessage("tiny_csv.tgz:"
                + " entry 'tiny_csv/../../../escaped.txt' points outside the folder it unpacks into; refusing to"
                + " unpack it");
        assertThat(dir.resolve("escaped.txt")).doesNotExist();
        assertThat(dir.getParent().resolve("escaped.txt")).doesNotExist();
        assertNothingLeft();
    }

    @Test
    void download_symbolicLinkEntry_isRefused() throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("tiny_csv/train.csv", "->/etc/passwd");
        entries.put("tiny_csv/test.csv", TEST);
        byte[] archive = Archives.tgz(entries);

        assertThatThrownBy(() -> downloader().download(zhang(archive, archive), false)).hasMessage("tiny_csv.tgz:"
                + " entry 'tiny_csv/train.csv' is a symbolic link to /etc/passwd; refusing to unpack an archive"
                + " with anything but files and folders");
        assertNothingLeft();
    }

    @Test
    void download_archiveUnpackingToAbsurdSize_isRefused() throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("tiny_csv/train.csv", "\"1\",\"" + "a".repeat(4 << 20) + "\"\n");
        entries.put("tiny_csv/test.csv", TEST);
        byte[] archive = Archives.tgz(entries);

        assertThatThrownBy(() -> downloader().download(zhang(archive, archive), false)).hasMessage("tiny_csv.tgz:"
                + " unpacks to more than 20 times its size (at entry 'tiny_csv/train.csv'); refusing to unpack it");
        assertNothingLeft();
    }
}

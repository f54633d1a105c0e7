package org.textclf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code textclf download} and {@code textclf datasets} as a user runs them, on the real catalog; no internet. */
class DownloadCommandTest {
    @TempDir
    Path dir;

    @Test
    void download_unknownName_isAUsageErrorListingTheNames() {
        Run run = Run.of("download", "imbd", "--data-dir", dir.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("textclf: no corpus named 'imbd' to download; expected one of ag_news,"
                + " dbpedia, yelp_polarity, yelp_full, amazon_polarity, amazon_full, imdb\n");
    }

    @Test
    void download_corpusWithoutPublishedChecksum_failsInOneLineSayingWhy() {
        Run run = Run.of("download", "amazon_full", "--data-dir", dir.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines()).containsExactly("textclf: amazon_full cannot be downloaded: no SHA-256 of"
                + " amazon_review_full_csv.tgz is published (torchtext has only an MD5); download"
                + " https://s3.amazonaws.com/fast-ai-nlp/amazon_review_full_csv.tgz yourself and put its train.csv"
                + " and test.csv in $TEXTCLF_DATA/amazon_full/");
    }

    @Test
    void download_existingDataset_saysItIsThereAndExitsZero() throws IOException {
        Files.createDirectories(dir.resolve("ag_news"));

        Run run = Run.of("download", "ag_news", "--data-dir", dir.toString(), "--url", "http://127.0.0.1:9/");

        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.err()).isEqualTo("textclf: ag_news is already in " + dir.resolve("ag_news")
                + "; --force downloads it again\n");
    }

    @Test
    void download_mirrorAnswering404_failsInOneLineNamingTheUrl() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/m";
            Run run = Run.of("download", "ag_news", "--data-dir", dir.toString(), "--url", base);

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err().lines()).containsExactly("textclf: " + base + "/ag_news_csv/train.csv: HTTP 404;"
                    + " check the URL, or the mirror given by --url or TEXTCLF_DOWNLOAD_URL");
            try (var left = Files.list(dir)) { // only the lock that keeps two downloads apart stays
                assertThat(left).map(p -> p.getFileName().toString()).containsOnly(".textclf.lock");
            }
        } finally {
            server.stop(0);
        }
    }

    @Test
    void datasets_json_listsCatalogAndLocalFoldersWithSplitsAndClasses() throws IOException {
        Path news = Files.createDirectories(dir.resolve("ag_news"));
        Files.writeString(news.resolve("train_sample_12.csv"), "\"1\",\"t\",\"d\"\n");
        Files.writeString(news.resolve("test.csv"), "\"1\",\"t\",\"d\"\n");
        Files.writeString(news.resolve("classes.txt"), "World\nSports\nBusiness\nSci/Tech\n");
        Path mine = Files.createDirectories(dir.resolve("mine"));
        Files.writeString(mine.resolve("train.csv.gz"), "");
        Files.writeString(mine.resolve("dev.csv"), "");

        Run run = Run.of("datasets", "--json", "--data-dir", dir.toString());

        assertThat(run.exitCode()).isEqualTo(0);
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("data_dir").asText()).isEqualTo(dir.toString());
        JsonNode ag = find(json, "ag_news");
        assertThat(ag.get("local").asText()).isEqualTo(news.toString());
        assertThat(ag.get("splits").get("train").asText()).isEqualTo(news.resolve("train_sample_12.csv").toString());
        assertThat(ag.get("splits").get("test").asText()).isEqualTo(news.resolve("test.csv").toString());
        assertThat(ag.get("classes").toString()).isEqualTo("[\"World\",\"Sports\",\"Business\",\"Sci/Tech\"]");
        assertThat(ag.get("downloadable").asBoolean()).isTrue();
        assertThat(ag.get("download_bytes").asLong()).isEqualTo(29_470_338L + 1_857_427L);
        JsonNode local = find(json, "mine");
        assertThat(local.get("splits").fieldNames()).toIterable().containsExactly("train", "dev");
        assertThat(local.get("downloadable").asBoolean()).isFalse();
        assertThat(local.get("classes").size()).isZero();
        JsonNode amazon = find(json, "amazon_full");
        assertThat(amazon.get("local").isNull()).isTrue();
        assertThat(amazon.get("downloadable").asBoolean()).isFalse();
        assertThat(amazon.get("unavailable").asText()).startsWith("no SHA-256 of amazon_review_full_csv.tgz");
        assertThat(find(json, "imdb").get("classes").toString()).isEqualTo("[\"negative\",\"positive\"]");
    }

    @Test
    void datasets_table_showsOneRowPerNameAndWhyOneCannotBeDownloaded() throws IOException {
        Path sst = Files.createDirectories(dir.resolve("sst2"));
        Files.writeString(sst.resolve("train.csv.gz"), "");
        Files.writeString(sst.resolve("dev.csv"), "");
        Files.writeString(sst.resolve("classes.txt"), "negative\npositive\n");

        Run run = Run.of("datasets", "--data-dir", dir.toString());

        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.out().lines()).contains(
                "sst2             train dev          2: negative, positive              -             " + sst,
                "imdb             train test unsup   2: negative, positive              84.1 MB       -",
                "amazon_full cannot be downloaded: no SHA-256 of amazon_review_full_csv.tgz is published (torchtext"
                        + " has only an MD5); download https://s3.amazonaws.com/fast-ai-nlp/amazon_review_full_csv.tgz"
                        + " yourself and put its train.csv and test.csv in $TEXTCLF_DATA/amazon_full/");
    }

    private static JsonNode find(JsonNode json, String name) {
        for (JsonNode d : json.get("datasets")) {
            if (d.get("name").asText().equals(name)) {
                return d;
            }
        }
        throw new AssertionError("no dataset " + name + " in " + json);
    }
}

package org.textclf.cli.download;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.OptionalLong;

/**
 * Fetches one {@link Remote} into its {@code .part} file and checks its SHA-256. What a broken transfer got stays
 * in the {@code .part}, and the next run asks for the rest with an HTTP {@code Range} request; a server that
 * answers with the whole file (200) is read from the start. The published size bounds what is accepted, so a
 * server that sends more is stopped there.
 */
final class Fetch {
    private static final int BUFFER_BYTES = 1 << 16;
    /** How long a transfer may go without a byte before it counts as broken (HttpClient has no read timeout). */
    static final long STALL_MILLIS = 60_000;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(30)).build();
    private final PrintWriter err;
    private final long stallMillis;

    Fetch(PrintWriter err, long stallMillis) {
        this.err = err;
        this.stallMillis = stallMillis;
    }

    /**
     * Makes {@code part} hold {@code remote}, fetched from {@code url}, checked against its SHA-256.
     *
     * @throws IOException one line naming the URL: HTTP status, a transfer cut short ({@code part} kept to
     *     resume), or a checksum mismatch ({@code part} deleted)
     */
    void into(Remote remote, String url, Path part) throws IOException {
        long have = Files.isRegularFile(part) ? Files.size(part) : 0;
        if (have > remote.bytes()) {
            Files.delete(part); // larger than the file can be: not a prefix of it
            have = 0;
        }
        if (have < remote.bytes()) {
            transfer(remote, url, part, have);
        }
        String actual = sha256(part);
        if (!actual.equals(remote.sha256())) {
            Files.delete(part);
            throw new IOException(url + ": SHA-256 mismatch: expected " + remote.sha256() + ", found " + actual
                    + "; the download was deleted: run the command again, or check the mirror");
        }
    }

    private void transfer(Remote remote, String url, Path part, long have) throws IOException {
        HttpResponse<InputStream> response = send(url, have);
        int status = response.statusCode();
        if (status == 416 && have > 0) {
            // The server will not serve from where we are: drop the partial file and ask for the whole one.
            response.body().close();
            Files.delete(part);
            have = 0;
            response = send(url, 0);
            status = response.statusCode();
        }
        long start;
        if (status == 206 && have > 0 && startOfRange(response) == have) {
            start = have;
        } else if (status == 200 || status == 206 && have == 0) {
            if (have > 0) {
                err.println("textclf: " + url + ": the server ignored the Range request; downloading from the start");
            }
            start = 0;
        } else {
            response.body().close();
            throw new IOException(url + ": HTTP " + status + (status == 206 ? " with an unexpected Content-Range "
                    + response.headers().firstValue("Content-Range").orElse("(none)") : "")
                    + "; check the URL, or the mirror given by --url or TEXTCLF_DOWNLOAD_URL");
        }
        OptionalLong length = response.headers().firstValueAsLong("Content-Length");
        if (length.isPresent() && start + length.getAsLong() != remote.bytes()) {
            response.body().close();
            throw new IOException(url + ": the server sends " + (start + length.getAsLong()) + " bytes, the published"
                    + " size is " + remote.bytes() + "; check the mirror given by --url or TEXTCLF_DOWNLOAD_URL");
        }
        long done = start;
        InputStream in = response.body();
        Watchdog watchdog = new Watchdog(in, stallMillis);
        try (in;
                OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        start == 0 ? StandardOpenOption.TRUNCATE_EXISTING : StandardOpenOption.APPEND);
                DownloadProgress bar = new DownloadProgress(remote.fileName(), remote.bytes(), start, err)) {
            byte[] buffer = new byte[BUFFER_BYTES];
            int n;
            while ((n = read(in, buffer)) > 0) {
                watchdog.progressed();
                if (done + n > remote.bytes()) {
                    throw new IOException(url + ": the server sends more than the published " + remote.bytes()
                            + " bytes; check the mirror given by --url or TEXTCLF_DOWNLOAD_URL");
                }
                out.write(buffer, 0, n);
                done += n;
                bar.stepTo(done);
            }
        } finally {
            watchdog.stop();
        }
        if (done < remote.bytes()) {
            throw new IOException(url + ": " + (watchdog.fired() ? "no data for " + stallMillis / 1000 + " s"
                    : "the connection closed") + " after " + done + " of " + remote.bytes()
                    + " bytes; run the same command again to resume (kept " + part + ")");
        }
    }

    /** Closes a body that has sent nothing for {@code stallMillis}, which ends the blocked read. */
    private static final class Watchdog {
        private final Thread thread;
        private volatile long lastNanos = System.nanoTime();
        private volatile boolean fired;

        Watchdog(InputStream in, long stallMillis) {
            thread = new Thread(() -> {
                try {
                    while (true) {
                        Thread.sleep(Math.max(10, Math.min(1000, stallMillis / 10)));
                        if (System.nanoTime() - lastNanos > stallMillis * 1_000_000) {
                            fired = true;
                            in.close();
                            return;
                        }
                    }
                } catch (InterruptedException | IOException e) {
                    // stopped, or the body was closed already
                }
            }, "textclf-download-watchdog");
            thread.setDaemon(true);
            thread.start();
        }

        void progressed() {
            lastNanos = System.nanoTime();
        }

        boolean fired() {
            return fired;
        }

        void stop() {
            thread.interrupt();
        }
    }

    /** A read that ends the transfer (-1) where the connection broke, so that the bytes so far are kept. */
    private static int read(InputStream in, byte[] buffer) {
        try {
            return in.read(buffer);
        } catch (IOException e) {
            return -1;
        }
    }

    private HttpResponse<InputStream> send(String url, long from) throws IOException {
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(url)).GET();
        } catch (IllegalArgumentException e) {
            throw new IOException("'" + url + "' is not a URL: " + e.getMessage()
                    + "; check --url or TEXTCLF_DOWNLOAD_URL");
        }
        if (from > 0) {
            request.header("Range", "bytes=" + from + "-");
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (ConnectException e) {
            throw new IOException(url + ": cannot connect (" + reason(e, url) + "); check the network, or the mirror"
                    + " given by --url or TEXTCLF_DOWNLOAD_URL");
        } catch (IOException e) {
            throw new IOException(url + ": " + reason(e, url) + "; run the same command again, or check the mirror"
                    + " given by --url or TEXTCLF_DOWNLOAD_URL", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(url + ": interrupted");
        }
    }

    /** Why a connection failed, in words: HttpClient's ConnectException often has no message, only a cause. */
    private static String reason(Throwable e, String url) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnresolvedAddressException) {
                return "unknown host " + URI.create(url).getHost();
            }
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
        }
        return "connection refused";
    }

    /** The first byte of a 206's {@code Content-Range: bytes FIRST-LAST/TOTAL}, or -1. */
    private static long startOfRange(HttpResponse<?> response) {
        String range = response.headers().firstValue("Content-Range").orElse("");
        int dash = range.indexOf('-');
        if (!range.startsWith("bytes ") || dash < 0) {
            return -1;
        }
        try {
            return Long.parseLong(range.substring("bytes ".length(), dash).trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[BUFFER_BYTES];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}

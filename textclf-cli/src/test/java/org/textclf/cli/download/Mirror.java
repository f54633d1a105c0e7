package org.textclf.cli.download;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local HTTP/1.1 mirror for the download tests, on a plain socket so that it can do what a bad network does:
 * serves the files put in it, answers Range requests with 206 (unless told to ignore them), can close the
 * connection in the middle of its next body, or stall there, and records the requests and Range headers it saw.
 * One request per connection.
 */
final class Mirror implements AutoCloseable {
    private final ServerSocket server;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    final List<String> ranges = new CopyOnWriteArrayList<>();
    final List<String> requests = new CopyOnWriteArrayList<>();
    volatile boolean ignoreRange;
    /** Bytes of the body sent before the next response closes the connection; -1 for a whole answer. */
    volatile long cutNextAfter = -1;
    /** Whether the cut of the next response stalls (keeps the connection open, silent) instead of closing. */
    volatile boolean stallInsteadOfClose;

    Mirror() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::serve, "mirror");
        accept.setDaemon(true);
        accept.start();
    }

    String base() {
        return "http://127.0.0.1:" + server.getLocalPort() + "/mirror/";
    }

    void put(String path, byte[] bytes) {
        files.put("/mirror/" + path, bytes);
    }

    private void serve() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread t = new Thread(() -> answer(socket), "mirror-connection");
                t.setDaemon(true);
                t.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void answer(Socket socket) {
        try (socket) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.ISO_8859_1));
            String path = in.readLine().split(" ")[1];
            String range = null;
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                if (line.regionMatches(true, 0, "Range:", 0, 6)) {
                    range = line.substring(6).trim();
                }
            }
            requests.add(path);
            OutputStream out = socket.getOutputStream();
            byte[] body = files.get(path);
            if (body == null) {
                out.write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.ISO_8859_1));
                return;
            }
            int from = 0;
            if (range != null) {
                ranges.add(range);
                if (!ignoreRange) {
                    from = Integer.parseInt(range.substring("bytes=".length(), range.indexOf('-')));
                }
            }
            String head = (from > 0 ? "HTTP/1.1 206 Partial Content\r\nContent-Range: bytes " + from + "-"
                    + (body.length - 1) + "/" + body.length + "\r\n" : "HTTP/1.1 200 OK\r\n")
                    + "Content-Length: " + (body.length - from) + "\r\nConnection: close\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            long cut = cutNextAfter;
            cutNextAfter = -1;
            out.write(body, from, cut < 0 ? body.length - from : (int) cut);
            out.flush();
            if (cut >= 0 && stallInsteadOfClose) {
                Thread.sleep(60_000);
            }
        } catch (IOException | RuntimeException | InterruptedException e) {
            // The client went away, or a request we do not answer: the connection just ends.
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}

package org.textclf.cli.download;

import java.util.Locale;

/**
 * One file of a corpus on its server: its path below the server's base URL (a mirror keeps the same paths), and its
 * size and SHA-256 as published by a source we cite in {@link Corpora}.
 */
public record Remote(String path, long bytes, String sha256) {
    public Remote {
        if (path.isEmpty() || path.startsWith("/")) {
            throw new IllegalArgumentException("a remote path is relative to the base URL; found '" + path + "'");
        }
        if (bytes <= 0) {
            throw new IllegalArgumentException("the size of " + path + " must be positive; found " + bytes);
        }
        if (!sha256.matches("[0-9a-fA-F]{64}")) {
            throw new IllegalArgumentException("the SHA-256 of " + path + " must be 64 hex digits; found '" + sha256
                    + "'");
        }
        sha256 = sha256.toLowerCase(Locale.ROOT);
    }

    /** The last part of the path: the name of the local download. */
    public String fileName() {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** The URL of this file below {@code base} (a trailing slash is added where missing). */
    public String url(String base) {
        return (base.endsWith("/") ? base : base + "/") + path;
    }
}

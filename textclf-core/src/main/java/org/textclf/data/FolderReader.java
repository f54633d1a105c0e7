package org.textclf.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Samples from a folder per class of text files (the aclImdb layout {@code DIR/pos/*.txt}, {@code DIR/neg/*.txt}):
 * the label is the class folder's name, each {@code .txt} or {@code .text} file (any case) at any depth below it is
 * one sample, its {@code line} is its 1-based ordinal in the pass. Folders and files are visited depth first in
 * sorted name order so every pass is the same, and only the listings of the folders on the current path are in
 * memory. A subfolder with no text file at any depth is not a class. Whatever is not read (other extensions, hidden
 * files, files beside the class folders) is counted by kind in one notice at the end of the pass, so that a corpus
 * misnamed {@code .TXT} or nested one level deeper is not dropped silently. Symbolic links to folders below a class
 * folder are not followed (a cycle would never end).
 */
final class FolderReader extends RecordReader {
    private static final List<String> SUFFIXES = List.of(".txt", ".text");

    private final Path folder;
    private final List<Path> classFolders;
    private final int maxRecordBytes;
    private final Map<String, Integer> ignored = new TreeMap<>();
    private int nextFolder;
    private String label;
    /** The sorted entries still to visit of each folder on the path from the class folder down. */
    private final Deque<Iterator<Path>> path = new ArrayDeque<>();
    private long ordinal;

    FolderReader(Path folder, SourceOptions options) throws IOException {
        super(folder.toString(), options.onBadRecord(), ClassesFile.NONE);
        this.folder = folder;
        this.classFolders = classFolders(folder);
        this.maxRecordBytes = options.maxRecordBytes();
        for (Path entry : sorted(folder)) {
            if (!classFolders.contains(entry)) {
                countIgnored(entry, isHidden(entry) ? "hidden" : Files.isDirectory(entry) ? null
                        : "beside the class folders");
            }
        }
    }

    /** The subfolders of {@code folder} that hold at least one text file at any depth, sorted by name. */
    static List<Path> classFolders(Path folder) throws IOException {
        List<Path> found = new ArrayList<>();
        for (Path dir : sorted(folder)) {
            if (Files.isDirectory(dir) && !isHidden(dir) && holdsText(dir)) {
                found.add(dir);
            }
        }
        return found;
    }

    private static boolean holdsText(Path dir) throws IOException {
        for (Path entry : sorted(dir)) {
            if (isHidden(entry)) {
                continue;
            }
            if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS) ? holdsText(entry) : isText(entry)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isText(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(file) && (name.endsWith(SUFFIXES.get(0)) || name.endsWith(SUFFIXES.get(1)));
    }

    private static boolean isHidden(Path entry) {
        return entry.getFileName().toString().startsWith(".");
    }

    private static List<Path> sorted(Path dir) throws IOException {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path p : stream) {
                entries.add(p);
            }
        }
        entries.sort(null);
        return entries;
    }

    @Override
    Sample readRecord() throws IOException {
        while (true) {
            while (!path.isEmpty() && !path.peek().hasNext()) {
                path.pop();
            }
            if (path.isEmpty()) {
                if (nextFolder == classFolders.size()) {
                    noticeIgnored();
                    return null;
                }
                Path classFolder = classFolders.get(nextFolder++);
                label = classFolder.getFileName().toString();
                path.push(sorted(classFolder).iterator());
                continue;
            }
            Path entry = path.peek().next();
            if (isHidden(entry)) {
                countIgnored(entry, "hidden");
            } else if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                path.push(sorted(entry).iterator());
            } else if (isText(entry)) {
                ordinal++;
                return new Sample(label, stripBom(read(entry)), ordinal);
            } else {
                countIgnored(entry, null);
            }
        }
    }

    /** Counts {@code entry} under {@code kind}, or by its extension when kind is null (a folder: by its files). */
    private void countIgnored(Path entry, String kind) throws IOException {
        if (kind == null && Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
            for (Path p : sorted(entry)) {
                countIgnored(p, isHidden(p) ? "hidden" : null);
            }
            return;
        }
        String k = kind;
        if (k == null) {
            String name = entry.getFileName().toString().toLowerCase(Locale.ROOT);
            int dot = name.lastIndexOf('.');
            k = !Files.isRegularFile(entry) ? "not regular files" : dot > 0 ? name.substring(dot) : "without extension";
        }
        ignored.merge(k, 1, Integer::sum);
    }

    /** One line for the pass: how many files were not read, most frequent kind first. */
    private void noticeIgnored() {
        if (ignored.isEmpty()) {
            return;
        }
        List<Map.Entry<String, Integer>> kinds = new ArrayList<>(ignored.entrySet());
        kinds.sort((a, b) -> b.getValue() - a.getValue());
        int total = 0;
        StringBuilder byKind = new StringBuilder();
        for (Map.Entry<String, Integer> kind : kinds) {
            total += kind.getValue();
            byKind.append(byKind.length() == 0 ? "" : ", ").append(kind.getValue()).append(' ').append(kind.getKey());
        }
        stats().addNotice(String.format("%s: ignored %,d file%s that %s not .txt or .text in a class folder (%s)",
                folder, total, total == 1 ? "" : "s", total == 1 ? "is" : "are", byKind));
        ignored.clear();
    }

    /** The text of {@code file}, read no further than the record limit (its size may change as it is read). */
    private String read(Path file) throws IOException {
        byte[] bytes;
        if (Files.size(file) <= maxRecordBytes) {
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes(Math.min(maxRecordBytes, Integer.MAX_VALUE - 16) + 1);
            }
            if (bytes.length <= maxRecordBytes) {
                try {
                    return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes))
                            .toString();
                } catch (CharacterCodingException e) {
                    throw new BadRecordException(file.toString(), 1, Utf8Input.INVALID_UTF8);
                }
            }
        }
        throw new BadRecordException(file.toString(), 1, RecordLimit.tooLong("document", maxRecordBytes));
    }

    private static String stripBom(String text) {
        return !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
    }

    @Override
    public void close() {
        // Each file is closed as soon as it is read.
    }
}

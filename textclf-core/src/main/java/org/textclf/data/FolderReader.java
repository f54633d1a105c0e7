package org.textclf.data;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Samples from a folder per class of {@code .txt} files (the aclImdb layout {@code DIR/pos/*.txt},
 * {@code DIR/neg/*.txt}): the label is the subfolder's name, each file is one sample, its {@code line} is its
 * 1-based ordinal in the pass. Subfolders and files are visited in sorted name order so every pass is the same.
 * Subfolders without {@code .txt} files are not classes, and files that are not {@code .txt} (beside the class
 * folders or inside them) are ignored. Files are read one at a time, so only one folder's file names are in memory.
 */
final class FolderReader extends RecordReader {
    static final String SUFFIX = ".txt";

    private final List<Path> classFolders;
    private int nextFolder;
    private List<Path> files = List.of();
    private int nextFile;
    private long ordinal;

    FolderReader(Path folder, BadRecordPolicy policy) throws IOException {
        super(folder.toString(), policy, ClassesFile.NONE);
        this.classFolders = classFolders(folder);
    }

    /** The subfolders of {@code folder} that hold at least one {@code .txt} file, sorted by name. */
    static List<Path> classFolders(Path folder) throws IOException {
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, Files::isDirectory)) {
            for (Path dir : entries) {
                if (!textFiles(dir).isEmpty()) {
                    found.add(dir);
                }
            }
        }
        found.sort(null);
        return found;
    }

    private static List<Path> textFiles(Path dir) throws IOException {
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir,
                p -> p.getFileName().toString().endsWith(SUFFIX) && Files.isRegularFile(p))) {
            for (Path p : entries) {
                found.add(p);
            }
        }
        found.sort(null);
        return found;
    }

    @Override
    Sample readRecord() throws IOException {
        while (nextFile == files.size()) {
            if (nextFolder == classFolders.size()) {
                return null;
            }
            files = textFiles(classFolders.get(nextFolder++));
            nextFile = 0;
        }
        Path file = files.get(nextFile++);
        ordinal++;
        String label = file.getParent().getFileName().toString();
        try {
            return new Sample(label, stripBom(Files.readString(file)), ordinal);
        } catch (CharacterCodingException e) {
            throw new BadRecordException(file.toString(), 1, Utf8Input.INVALID_UTF8);
        }
    }

    private static String stripBom(String text) {
        return !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
    }

    @Override
    public void close() {
        // Each file is closed as soon as it is read.
    }
}

package org.textclf.cli.download;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * Turns a corpus' verified downloads into the layout of {@code ../shared/data}: {@code SPLIT.csv.gz}, CSV without
 * header, class first and 1-based, and {@code classes.txt}, one class name a line in id order. Zhang et al.'s files
 * are that layout already and are copied byte for byte (gzipped); IMDB's review files become rows.
 */
final class Convert {
    /** IMDB's rows in the order of ../shared/data/imdb: sorted by (label, id), then shuffled with this seed. */
    static final long IMDB_SEED = 20110619L;
    private static final Pattern REVIEW = Pattern.compile("(\\d+)_(\\d+)\\.txt");

    private Convert() {
    }

    /**
     * Writes {@code corpus} from {@code downloads} (one per remote file, in order) into {@code out}, unpacking into
     * {@code scratch}; returns what it wrote, e.g. {@code train.csv.gz 120,000 rows, test.csv.gz 7,600 rows}.
     */
    static String into(Corpus corpus, List<Path> downloads, Path scratch, Path out) throws IOException {
        Files.createDirectories(out);
        List<String> wrote = new ArrayList<>();
        switch (corpus.layout()) {
            case ZHANG_FILES -> {
                for (int i = 0; i < downloads.size(); i++) {
                    String name = corpus.files().get(i).fileName() + ".gz";
                    wrote.add(name + " " + rows(gzipCopy(downloads.get(i), out.resolve(name))) + " rows");
                }
                writeClasses(corpus.classes(), out);
            }
            case ZHANG_ARCHIVE -> {
                Remote archive = corpus.files().get(0);
                SafeUntar.unpack(downloads.get(0), archive.fileName(), SafeUntar.MAX_EXPANSION * archive.bytes(),
                        name -> true, scratch);
                Path folder = folderHolding(scratch, "train.csv").orElseThrow(() -> new IOException(
                        archive.fileName() + ": no train.csv in it; expected Zhang et al.'s NAME_csv/train.csv"));
                for (String split : corpus.splits()) {
                    Path csv = folder.resolve(split + ".csv");
                    if (!Files.isRegularFile(csv)) {
                        throw new IOException(archive.fileName() + ": no " + split + ".csv beside train.csv");
                    }
                    wrote.add(split + ".csv.gz " + rows(gzipCopy(csv, out.resolve(split + ".csv.gz"))) + " rows");
                }
                for (String kept : new String[] {"classes.txt", "readme.txt"}) {
                    if (Files.isRegularFile(folder.resolve(kept))) {
                        Files.copy(folder.resolve(kept), out.resolve(kept));
                    }
                }
                if (!Files.exists(out.resolve("classes.txt"))) {
                    writeClasses(corpus.classes(), out);
                }
            }
            case ACL_IMDB -> {
                Remote archive = corpus.files().get(0);
                SafeUntar.unpack(downloads.get(0), archive.fileName(), SafeUntar.MAX_EXPANSION * archive.bytes(),
                        name -> name.matches("(.*/)?(train|test)/(pos|neg|unsup)/[^/]+\\.txt"), scratch);
                Path root = folderHolding(scratch, "train").orElseThrow(() -> new IOException(archive.fileName()
                        + ": no train folder in it; expected aclImdb/train/pos, aclImdb/train/neg, ..."));
                for (String split : corpus.splits()) {
                    List<Review> reviews = split.equals("unsup")
                            ? reviews(root, "train", "unsup", 0, archive.fileName(), false)
                            : concat(reviews(root, split, "neg", 1, archive.fileName(), true),
                                    reviews(root, split, "pos", 2, archive.fileName(), true));
                    if (!reviews.isEmpty()) {
                        wrote.add(split + ".csv.gz " + String.format(Locale.ROOT, "%,d", writeReviews(reviews, root, split, out))
                                + " rows");
                    }
                }
                writeClasses(corpus.classes(), out);
            }
        }
        return String.join(", ", wrote);
    }

    /** One review file: its class (0 unlabeled), id and star rating from its name {@code ID_RATING.txt}. */
    private record Review(int label, long id, int rating, String split, String folder, String file) {
        String source() {
            return split + "/" + folder + "/" + file;
        }
    }

    private static List<Review> reviews(Path root, String split, String folder, int label, String shownAs,
            boolean required) throws IOException {
        Path dir = root.resolve(split).resolve(folder);
        List<Review> reviews = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            if (required) {
                throw new IOException(shownAs + ": no folder " + split + "/" + folder + "; expected aclImdb's layout");
            }
            return reviews;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                Matcher m = REVIEW.matcher(name);
                if (!m.matches()) {
                    throw new IOException(shownAs + ": review file " + split + "/" + folder + "/" + name
                            + " is not named ID_RATING.txt as aclImdb's are");
                }
                reviews.add(new Review(label, Long.parseLong(m.group(1)), Integer.parseInt(m.group(2)), split,
                        folder, name));
            }
        }
        return reviews;
    }

    private static List<Review> concat(List<Review> a, List<Review> b) {
        List<Review> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static long writeReviews(List<Review> reviews, Path root, String split, Path out) throws IOException {
        // The files come in the file system's order; sorting first makes the shuffle, and so the file, repeatable.
        reviews.sort(Comparator.comparingInt(Review::label).thenComparingLong(Review::id));
        Collections.shuffle(reviews, new Random(IMDB_SEED));
        try (Writer csv = gzipWriter(out.resolve(split + ".csv.gz"));
                Writer sources = gzipWriter(out.resolve(split + "_source_files.txt.gz"))) {
            for (Review r : reviews) {
                String text = utf8(root.resolve(r.split()).resolve(r.folder()).resolve(r.file()), r.source());
                // Zhang et al.'s convention, kept by every file here: a record is one line, a line break is "\n".
                text = text.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
                csv.write("\"" + r.label() + "\",\"" + text.replace("\"", "\"\"") + "\"\n");
                sources.write(r.source() + "\t" + r.rating() + "\n");
            }
        }
        return reviews.size();
    }

    private static String utf8(Path file, String shownAs) throws IOException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IOException(shownAs + ": not UTF-8 text; the archive is not aclImdb's", e);
        }
    }

    private static Writer gzipWriter(Path file) throws IOException {
        return new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(file), 1 << 16),
                StandardCharsets.UTF_8), 1 << 16);
    }

    private static void writeClasses(List<String> classes, Path out) throws IOException {
        Files.writeString(out.resolve("classes.txt"), String.join("\n", classes) + "\n", StandardCharsets.UTF_8);
    }

    /** Copies {@code from} gzipped into {@code to}; returns its lines (a last line without a newline counts). */
    private static long gzipCopy(Path from, Path to) throws IOException {
        long lines = 0;
        int last = '\n';
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(from);
                OutputStream out = new GZIPOutputStream(Files.newOutputStream(to), 1 << 16)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
                last = buffer[n - 1];
                out.write(buffer, 0, n);
            }
        }
        return last == '\n' ? lines : lines + 1;
    }

    private static String rows(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** The shallowest folder below {@code root} (itself included, 3 levels at most) that holds {@code name}. */
    private static Optional<Path> folderHolding(Path root, String name) throws IOException {
        try (Stream<Path> paths = Files.walk(root, 3)) {
            return paths.filter(p -> p.getFileName().toString().equals(name)).map(Path::getParent)
                    .min(Comparator.comparingInt(Path::getNameCount));
        }
    }
}

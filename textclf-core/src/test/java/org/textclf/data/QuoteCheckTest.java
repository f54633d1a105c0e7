package org.textclf.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast {@link QuoteCheck} against {@link ReferenceQuoteCheck}, the char-by-char scan it replaced. */
class QuoteCheckTest {
    /** Quotes, separators, line ends in every combination, and chars of every UTF-8 length, surrogates included. */
    private static final String ALPHABET = "\"\",,\t;\r\n\n ab_Z09\u00e9\u00df\u0130\u0131\u0301\u07ff\u0800\u4e2d"
            + "\ud83d\ude00\ud800\udfff\uffff\u0000\u007f\u0080@`";

    @Test
    void scan_randomAndHostileText_sameLinesProblemsAndRecordSizesAsTheReference() throws IOException {
        Random random = new Random(15);
        List<String> texts = new ArrayList<>(List.of("", " ", "\r\n", "\n\r", "\"", "\"\"\"", "a\"b", "\"a\"b\n",
                "\"a\nb\"\r\nc", "\"\"x,\"y\"z\r\r\n", "\ud83d", "\ude00\ud83d", "\u0130\u0131\u00df,\"\u0301\""));
        for (int i = 0; i < 1200; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(i < 1000 ? 40 : 1000);
            for (int j = 0; j < length; j++) {
                text.append(random.nextInt(4) == 0 ? (char) random.nextInt(0x10000)
                        : ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            texts.add(text.toString());
        }
        for (String text : texts) {
            for (char separator : new char[] {',', '\t', '\u00e9'}) {
                int maxRecordBytes = 1 + random.nextInt(64);
                int chunk = 1 + random.nextInt(17);
                assertThat(fast(text, separator, maxRecordBytes, chunk))
                        .as("%s, separator %s, limit %d, chunk %d", escape(text), escape(String.valueOf(separator)),
                                maxRecordBytes, chunk)
                        .isEqualTo(reference(text, separator, maxRecordBytes, chunk));
            }
        }
    }

    private static List<String> fast(String text, char separator, int maxRecordBytes, int chunk) throws IOException {
        LineProblems problems = new LineProblems();
        QuoteCheck check = new QuoteCheck(new StringReader(text), separator, problems, maxRecordBytes);
        List<String> seen = readAll(check, chunk);
        seen.add("line " + check.line() + ", cr " + check.lastWasCr() + ", unclosed " + check.unclosedAtEnd());
        return withProblems(seen, problems, check.line());
    }

    private static List<String> reference(String text, char separator, int maxRecordBytes, int chunk)
            throws IOException {
        LineProblems problems = new LineProblems();
        ReferenceQuoteCheck check = new ReferenceQuoteCheck(new StringReader(text), separator, problems,
                maxRecordBytes);
        List<String> seen = readAll(check, chunk);
        seen.add("line " + check.line() + ", cr " + check.lastWasCr() + ", unclosed " + check.unclosedAtEnd());
        return withProblems(seen, problems, check.line());
    }

    /** What the reader passes on, read {@code chunk} chars at a time. */
    private static List<String> readAll(Reader reader, int chunk) throws IOException {
        List<String> seen = new ArrayList<>();
        char[] buffer = new char[chunk + 2];
        for (int n = reader.read(buffer, 1, chunk); n >= 0; n = reader.read(buffer, 1, chunk)) {
            seen.add(new String(buffer, 1, n));
        }
        return seen;
    }

    /** Each line's problem, in line order. */
    private static List<String> withProblems(List<String> seen, LineProblems problems, long lastLine) {
        for (long line = 1; line <= lastLine + 1; line++) {
            String problem = problems.takeUpTo(line, line);
            if (problem != null) {
                seen.add(line + ": " + problem);
            }
        }
        return seen;
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            out.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return out.toString();
    }
}

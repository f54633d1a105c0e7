package org.textclf.text;

/** Counting words as the guide does for its metrics: {@code len(text.split())}, runs of non-whitespace. */
public final class Words {
    private Words() {
    }

    /** The number of maximal runs of non-whitespace characters (Python's {@code str.split()} with no argument). */
    public static int count(String text) {
        int count = 0;
        boolean inWord = false;
        for (int i = 0, n = text.length(); i < n; i++) {
            boolean space = isPythonWhitespace(text.charAt(i));
            if (!space && !inWord) {
                count++;
            }
            inWord = !space;
        }
        return count;
    }

    /** Python's {@code str.isspace()} for one UTF-16 unit: Unicode whitespace plus the ASCII separators 0x1C-0x1F. */
    static boolean isPythonWhitespace(char c) {
        if (c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1C && c <= 0x1F)) {
            return true;
        }
        return c >= 0x80 && (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == 0x85);
    }
}

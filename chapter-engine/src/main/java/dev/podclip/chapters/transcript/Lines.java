package dev.podclip.chapters.transcript;

/**
 * The lines of a text one at a time, split at CRLF, CR or LF (a final terminator adds no empty line). Lines are made
 * as they are read, so a 32 MB file of short lines never holds millions of line strings at once.
 */
final class Lines {

    private final String text;
    private int position;
    private int number;

    Lines(String text) {
        this.text = text;
    }

    /** The next line, or null after the last. */
    String next() {
        int n = text.length();
        if (position >= n) {
            return null;
        }
        int start = position;
        int i = start;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                break;
            }
            i++;
        }
        String line = text.substring(start, i);
        if (i < n) {
            i += text.charAt(i) == '\r' && i + 1 < n && text.charAt(i + 1) == '\n' ? 2 : 1;
        }
        position = i;
        number++;
        return line;
    }

    /** The 1-based number of the line {@link #next()} returned last. */
    int number() {
        return number;
    }
}

package dev.podclip.chapters.notes;

import dev.podclip.chapters.Timecode;

import java.util.ArrayList;
import java.util.List;

/**
 * Seek links in show notes: every timestamp that stands apart from words ({@code at 12:30}, {@code (8:52)},
 * {@code [10:11]}), in document order, with offsets into the input as given. In HTML, tags, attributes, comments,
 * scripts and the text of existing links are skipped; in any input, URLs are. One pass, linear.
 */
final class TimecodeFinder {

    /** Most timecodes returned: a player links no more; the rest of a huge input is scanned for nothing. */
    static final int MAX_TIMECODES = 100_000;

    private TimecodeFinder() {
    }

    static List<Timecode> find(String s, Long durationMs) {
        boolean html = NotesText.looksLikeHtml(s);
        List<Timecode> found = new ArrayList<>();
        int anchorDepth = 0;
        int i = 0;
        int n = s.length();
        while (i < n && found.size() < MAX_TIMECODES) {
            char c = s.charAt(i);
            if (html && c == '<') {
                String tag = NotesText.tagNameAt(s, i);
                if (tag != null) {
                    int next = NotesText.skipTag(s, i, tag);
                    if (tag.equals("a") && !selfClosing(s, next)) {
                        anchorDepth++;
                    } else if (tag.equals("/a")) {
                        anchorDepth = Math.max(0, anchorDepth - 1);
                    }
                    i = next;
                    continue;
                }
            }
            if (anchorDepth > 0) {
                i++;
                continue;
            }
            boolean wordStart = i == 0 || !Stamp.isWordChar(s.charAt(i - 1));
            if (wordStart && (c == 'h' || c == 'H' || c == 'w' || c == 'W') && ChapterReader.urlAt(s, i, n)) {
                while (i < n && !Character.isWhitespace(s.charAt(i)) && s.charAt(i) != '<' && s.charAt(i) != '"') {
                    i++;
                }
                continue;
            }
            if (Stamp.isDigit(c) && (i == 0 || standsApart(s.charAt(i - 1)))) {
                Stamp stamp = Stamp.read(s, i, n, false);
                if (stamp != null) {
                    if (durationMs == null || stamp.ms() < durationMs) {
                        found.add(new Timecode(stamp.ms(), stamp.start(), stamp.end() - stamp.start()));
                    }
                    i = stamp.end();
                    continue;
                }
            }
            if (Stamp.isDigit(c) || Stamp.isWordChar(c)) {
                // Skip the rest of this word: no timestamp starts inside one ("Wow0:01", "123:01").
                while (i < n && (Stamp.isWordChar(s.charAt(i)) || s.charAt(i) == ':')) {
                    i++;
                }
                continue;
            }
            i++;
        }
        return found;
    }

    /** The char before a seek link: no letter, digit, or part of a number or path ("1.2:30", "/16:45"). */
    private static boolean standsApart(char before) {
        return !Stamp.isWordChar(before) && before != ':' && before != '.' && before != '/' && before != '+'
                && before != '-' && before != '=' && before != '&' && before != '#';
    }

    private static boolean selfClosing(String s, int afterTag) {
        return afterTag >= 2 && s.charAt(afterTag - 2) == '/';
    }

}

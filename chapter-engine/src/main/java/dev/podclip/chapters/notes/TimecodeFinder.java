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
    static final int MAX_TIMECODES = 10_000;

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
                    int next = skipTag(s, i, tag);
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

    /** The index after a tag, comment, or a script/style element's content. */
    private static int skipTag(String s, int lt, String tag) {
        if (tag.equals("!--")) {
            int end = s.indexOf("-->", lt + 4);
            return end < 0 ? s.length() : end + 3;
        }
        int gt = tagEnd(s, lt);
        if (tag.equals("script") || tag.equals("style")) {
            int close = indexOfIgnoreCase(s, "</" + tag, gt);
            return close < 0 ? s.length() : tagEnd(s, close);
        }
        return gt;
    }

    /** The index after the '>' closing the tag at {@code lt}, skipping quoted attribute values. */
    private static int tagEnd(String s, int lt) {
        char quote = 0;
        for (int i = lt + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return i + 1;
            }
        }
        return s.length();
    }

    private static boolean selfClosing(String s, int afterTag) {
        return afterTag >= 2 && s.charAt(afterTag - 2) == '/';
    }

    private static int indexOfIgnoreCase(String s, String needle, int from) {
        for (int i = from; i + needle.length() <= s.length(); i++) {
            if (s.regionMatches(true, i, needle, 0, needle.length())) {
                return i;
            }
        }
        return -1;
    }
}

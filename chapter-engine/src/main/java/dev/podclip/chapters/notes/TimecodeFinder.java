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

    /**
     * Standalone timestamps, merged with the starts of the chapter list (which may be glued to their titles,
     * {@code …story02:13 - How…}, and still are seek links), in document order.
     */
    static List<Timecode> find(String s, Long durationMs) {
        List<int[]> anchors = new ArrayList<>();
        List<Timecode> standalone = standalone(s, durationMs, anchors);
        List<Timecode> starts = chapterStarts(s, durationMs, anchors);
        if (starts.isEmpty()) {
            return standalone;
        }
        List<Timecode> merged = new ArrayList<>(standalone.size() + starts.size());
        int a = 0;
        int b = 0;
        while ((a < standalone.size() || b < starts.size()) && merged.size() < MAX_TIMECODES) {
            Timecode next;
            if (b >= starts.size() || (a < standalone.size() && standalone.get(a).offset() <= starts.get(b).offset())) {
                next = standalone.get(a++);
            } else {
                next = starts.get(b++);
            }
            if (merged.isEmpty() || merged.get(merged.size() - 1).offset() != next.offset()) {
                merged.add(next);
            }
        }
        return merged;
    }

    /** The chapter list's starts, as offsets into the input; none inside link text; none at or past the duration. */
    private static List<Timecode> chapterStarts(String s, Long durationMs, List<int[]> anchors) {
        NotesText.Flat flat = NotesText.flatten(s, true);
        List<ChapterReader.Entry> entries = ChapterReader.entries(flat.text());
        List<Timecode> starts = new ArrayList<>(entries.size());
        int anchor = 0;
        long previousOffset = -1;
        for (ChapterReader.Entry entry : entries) {
            int offset = flat.sourceOffset(entry.stampOffset);
            int end = flat.sourceOffset(entry.stampOffset + entry.stampLength - 1) + 1;
            if (end - offset != entry.stampLength || offset <= previousOffset) {
                continue; // split by markup ("<b>12</b>:30"): no single text to link
            }
            while (anchor < anchors.size() && anchors.get(anchor)[1] <= offset) {
                anchor++;
            }
            boolean inLink = anchor < anchors.size() && anchors.get(anchor)[0] <= offset;
            if (!inLink && (durationMs == null || entry.startMs < durationMs)) {
                starts.add(new Timecode(entry.startMs, offset, entry.stampLength));
                previousOffset = offset;
            }
        }
        return starts;
    }

    private static List<Timecode> standalone(String s, Long durationMs, List<int[]> anchors) {
        boolean html = NotesText.looksLikeHtml(s);
        List<Timecode> found = new ArrayList<>();
        int anchorStart = -1;
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
                        if (anchorDepth++ == 0) {
                            anchorStart = i;
                        }
                    } else if (tag.equals("/a") && anchorDepth > 0) {
                        if (--anchorDepth == 0) {
                            anchors.add(new int[]{anchorStart, next});
                        }
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
        if (anchorDepth > 0) {
            anchors.add(new int[]{anchorStart, s.length()});
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

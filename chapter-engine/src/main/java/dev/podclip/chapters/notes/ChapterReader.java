package dev.podclip.chapters.notes;

import dev.podclip.chapters.Chapter;
import dev.podclip.chapters.Limits;
import dev.podclip.chapters.boundary.Boundaries;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the chapter list in show notes (already plain text, '\n' line ends) and reads its marks. One pass over the
 * lines, one over each line's chars: linear time. Rules in docs/engine/show-notes.md.
 */
final class ChapterReader {

    /**
     * Most entries kept of one list: ten times what {@link Boundaries} keeps, so sorting and de-duplicating still
     * see far more than survive; the rest are counted (the longest list still wins) but not stored, which bounds
     * memory and keeps a 10 MB wall of timestamps linear.
     */
    static final int MAX_LIST_ENTRIES = 10 * Limits.MAX_CHAPTERS;
    /** Fewest entries that make a chapter list (one timestamp is a seek link, not a list). */
    static final int MIN_LIST_ENTRIES = 2;
    /** Longest track number ("12. ", "003 - ") dropped from titles. */
    static final int MAX_TRACK_DIGITS = 3;
    /**
     * Most text lines a list runs on across: a sponsor read or a remark takes a few lines; more is the notes' own
     * text, and times after it are another list (or stray).
     */
    static final int MAX_BREAK_LINES = 5;
    /** How far before a run-together list a header ("Chapters:") is looked for. */
    static final int HEADER_LOOKBACK_CHARS = 40;

    /** Words that make a following timestamp part of a sentence ("at 12:30 we get into"). */
    static final Set<String> PROSE_WORDS = Set.of("at", "from", "to", "until", "till", "around", "by", "after",
            "before", "since", "about", "near", "approx", "approximately", "um", "ab", "bei", "gegen", "bis");
    /** Headers that announce a run-together list. */
    static final List<String> HEADERS = List.of("chapter", "timestamp", "time stamp", "timeline", "contents",
            "tracklist", "track list", "setlist", "agenda", "outline", "kapitel", "zeitmarken", "topics");

    private ChapterReader() {
    }

    /** One chapter line (or one part of a run-together line) as read, before boundaries are closed. */
    static final class Entry {
        final long startMs;
        final Long endMs;
        /**
         * The title, {@code titleText[titleStart, titleEnd)}: copied by {@link #title()} only for the list kept. Most
         * lists read are not kept (a description's longest list wins), and copying every title was a quarter of what
         * reading a line-separated list allocated (JFR allocation samples, 1 MB lines).
         */
        private String titleText;
        private int titleStart;
        private int titleEnd;
        /** The title without its leading track number ("1. "), or null when it has none. */
        final String titleWithoutTrack;
        final String url;
        /** Written title first ({@code Intro 0:00}), not time first. */
        final boolean titleFirst;
        /** A timestamp alone on its line: the title follows on the next text line. */
        boolean awaitingTitle;
        /** Where the start's timestamp text is in the text read, and its length (for seek links). */
        int stampOffset;
        int stampLength;

        Entry(long startMs, Long endMs, TitleAndUrl title, String titleWithoutTrack, boolean titleFirst,
              boolean awaitingTitle) {
            this.startMs = startMs;
            this.endMs = endMs;
            setTitle(title.text(), title.start(), title.end());
            this.titleWithoutTrack = titleWithoutTrack;
            this.url = title.url();
            this.titleFirst = titleFirst;
            this.awaitingTitle = awaitingTitle;
        }

        void setTitle(String text, int start, int end) {
            titleText = text;
            titleStart = start;
            titleEnd = end;
        }

        String title() {
            return titleText.substring(titleStart, titleEnd);
        }

        boolean titleIsEmpty() {
            return titleStart == titleEnd;
        }
    }

    /** The marks of the longest chapter list in {@code text} (ties: the first), or none. */
    static List<Chapter> read(String text) {
        return toMarks(entries(text));
    }

    /**
     * The entries of the longest chapter list in {@code text} (ties: the first), or none. A list runs on across a
     * break (text lines: a sponsor line, a remark) when the start after the break is later than the last one before
     * it; otherwise the break ends it, and so does a break that heads the lines below it or runs too long
     * ({@link #continuesAfterBreak}). Blank lines alone run a list on unless it starts again after them
     * ({@link #startsAgain}).
     */
    static List<Entry> entries(String text) {
        Lists lists = new Lists();
        Entry pending = null;
        int breakLines = 0;
        boolean blankBeforeBreak = false;
        boolean blankSinceText = false;
        boolean blankSinceList = false;
        List<Stamp> stamps = new ArrayList<>(); // the current line's, reused
        List<Entry> lineEntries = new ArrayList<>(); // the current line's, reused
        int nextColon = text.indexOf(':');
        int lineStart = 0;
        while (lineStart <= text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            if (nextColon >= 0 && nextColon < lineStart) {
                nextColon = text.indexOf(':', lineStart); // once per line with a colon: linear however long the text
            }
            if (nextColon >= 0 && nextColon < lineEnd) {
                scan(text, lineStart, lineEnd, stamps);
            } else {
                stamps.clear(); // most prose lines: no timestamp possible
            }
            lineEntries.clear();
            if (!stamps.isEmpty()) {
                readLine(text, lineStart, lineEnd, stamps, lineEntries);
            }
            if (!lineEntries.isEmpty()) {
                Entry next = lineEntries.get(0);
                boolean newList = breakLines > 0
                        ? !continuesAfterBreak(lists.last, next, breakLines, blankBeforeBreak, blankSinceText)
                        : blankSinceList && startsAgain(lists.first(), lists.last, lists.currentCount, next);
                if (newList) {
                    lists.close();
                }
                pending = lists.add(lineEntries);
                breakLines = 0;
                blankSinceText = false;
                blankSinceList = false;
            } else if (isBlank(text, lineStart, lineEnd)) {
                blankSinceText = true;
                blankSinceList = true;
            } else {
                if (pending != null && stamps.isEmpty()) {
                    int titleStart = stripStart(text, lineStart, lineEnd);
                    pending.setTitle(text, titleStart, stripEnd(text, titleStart, lineEnd));
                    pending.awaitingTitle = false;
                } else {
                    if (breakLines == 0) {
                        blankBeforeBreak = blankSinceText;
                    }
                    breakLines++;
                }
                pending = null;
                blankSinceText = false;
            }
            lineStart = lineEnd + 1;
        }
        return lists.best();
    }

    /** The list being read and the longest one closed so far: entries kept up to {@link #MAX_LIST_ENTRIES}. */
    private static final class Lists {
        List<Entry> best = List.of();
        int bestCount;
        List<Entry> current = new ArrayList<>();
        /** Entries of the current list, also those past {@link #MAX_LIST_ENTRIES} that are not kept. */
        int currentCount;
        /** The current list's last entry, kept or not; null before the first list. */
        Entry last;

        Entry first() {
            return current.isEmpty() ? null : current.get(0);
        }

        /** Adds one line's entries; returns the one still waiting for its title on the next line, or null. */
        Entry add(List<Entry> entries) {
            Entry pending = null;
            for (Entry entry : entries) {
                if (current.size() < MAX_LIST_ENTRIES) {
                    current.add(entry);
                    pending = entry.awaitingTitle ? entry : null;
                }
            }
            currentCount += entries.size();
            last = entries.get(entries.size() - 1);
            return pending;
        }

        void close() {
            if (currentCount > bestCount) {
                best = current;
                bestCount = currentCount;
            }
            current = new ArrayList<>();
            currentCount = 0;
        }

        List<Entry> best() {
            close();
            return best.size() < MIN_LIST_ENTRIES ? List.of() : best;
        }
    }

    /**
     * Whether a list goes on from {@code last} to {@code next} across a break of {@code breakLines} text lines. Its
     * starts must keep ascending (a list that starts again is another list) and keep their order of time and title
     * (a credit line {@code Theme: Song 58:45} after a time-first list is no chapter of it); a break longer than
     * {@link #MAX_BREAK_LINES} is the notes' body, not a remark; and text set apart from the chapters above by a blank
     * line but running straight into the ones below heads them ("From the archive:"): a new list.
     */
    static boolean continuesAfterBreak(Entry last, Entry next, int breakLines, boolean blankBeforeBreak,
                                       boolean blankAfterBreak) {
        boolean heading = blankBeforeBreak && !blankAfterBreak;
        return last != null && next.startMs > last.startMs && next.titleFirst == last.titleFirst
                && breakLines <= MAX_BREAK_LINES && !heading;
    }

    /**
     * Whether {@code next}, after blank lines only, starts a list of its own: a list of at least
     * {@link #MIN_LIST_ENTRIES} that goes back to its own first start or before it ("0:00 A, 5:00 B" then, a paragraph
     * on, "0:00 X, 2:00 Y": last week's chapters, a second part's track list) starts again. Anything less is one list
     * out of order, sorted and warned about by {@link Boundaries}: a start that only goes back below the last one
     * ({@code 3:00} after {@code 5:00}), or a first entry listed second.
     */
    static boolean startsAgain(Entry first, Entry last, int count, Entry next) {
        return first != null && count >= MIN_LIST_ENTRIES && next.startMs < last.startMs
                && next.startMs <= first.startMs;
    }

    private static List<Chapter> toMarks(List<Entry> entries) {
        if (entries.isEmpty()) {
            return List.of();
        }
        int withTrack = 0;
        for (Entry entry : entries) {
            if (entry.titleWithoutTrack != null) {
                withTrack++;
            }
        }
        // Track numbers are dropped only when the list numbers its lines: one "7 Habits" title is a title.
        boolean dropTracks = withTrack >= MIN_LIST_ENTRIES && withTrack * 2 >= entries.size();
        List<Chapter> marks = new ArrayList<>(entries.size());
        for (Entry entry : entries) {
            String title = dropTracks && entry.titleWithoutTrack != null ? entry.titleWithoutTrack : entry.title();
            Long endMs = entry.endMs != null && entry.endMs > entry.startMs ? entry.endMs : null;
            marks.add(new Chapter(entry.startMs, endMs, title == null ? "" : title, entry.url, null, true));
        }
        return marks;
    }

    // ------------------------------------------------------------------------------------------------ scanning

    /**
     * Timestamps in one line, URLs skipped, glued digits resolved so that starts ascend where they can; written into
     * {@code stamps} (cleared first), which {@link #entries} reuses from line to line: a list per line was a fifth of
     * what a line-separated list allocated (JFR allocation samples, 1 MB {@code lines} benchmark input).
     *
     * <p>Driven by the line's colons rather than by its chars: a timestamp's first field ends at a colon, so only the
     * digit run before each colon is read, and only the chars between candidates and the last space before them are
     * looked at for a URL start. A char-by-char loop over every title took 40% of the time on line-separated lists
     * (JFR execution samples); this reads the same stamps, as one char-by-char pass would: a digit run inside a URL
     * (from its start to the next whitespace) is skipped, and every char is looked at a bounded number of times.
     */
    static void scan(String s, int from, int to, List<Stamp> stamps) {
        stamps.clear();
        UrlTracker urls = new UrlTracker(s, from);
        int resume = from; // chars before this are read: inside a timestamp or a URL
        int colon = s.indexOf(':', from);
        while (colon >= 0 && colon < to) {
            int run = colon;
            while (run > resume && Stamp.isDigit(s.charAt(run - 1))) {
                run--;
            }
            if (run < colon) {
                if (urls.inUrl(run)) {
                    resume = skipToWhitespace(s, run, to);
                    urls.skippedTo(resume);
                } else {
                    Stamp stamp = Stamp.read(s, run, to, true);
                    if (stamp != null) {
                        stamps.add(stamp);
                        resume = stamp.end();
                    }
                }
            }
            colon = s.indexOf(':', Math.max(colon + 1, resume));
        }
        resolve(s, stamps);
    }

    /**
     * Whether a digit run lies in a URL (from a URL start, {@link #urlAt} at a word start, to the next whitespace).
     * Each call looks back from the run to the last whitespace, no further than the previous call did: the chars of a
     * line are looked at a bounded number of times however many colons it has.
     */
    private static final class UrlTracker {
        private final String s;
        private final int from;
        private int checkedTo;
        /** A URL starts between the last whitespace and {@code checkedTo}. */
        private boolean inUrl;

        UrlTracker(String s, int from) {
            this.s = s;
            this.from = from;
            this.checkedTo = from;
        }

        boolean inUrl(int position) {
            int i = position - 1;
            while (i >= checkedTo && !Character.isWhitespace(s.charAt(i))) {
                i--;
            }
            boolean url = i < checkedTo && inUrl; // no whitespace since the last call: the same word goes on
            for (int k = Math.max(i + 1, checkedTo); k < position && !url; k++) {
                url = urlStartAt(k);
            }
            checkedTo = position;
            inUrl = url;
            return url;
        }

        /** After a URL skipped to {@code position}: whitespace or the line's end. */
        void skippedTo(int position) {
            checkedTo = position;
            inUrl = false;
        }

        private boolean urlStartAt(int i) {
            char c = s.charAt(i);
            return (c == 'h' || c == 'H' || c == 'w' || c == 'W') && (i == from || !Stamp.isWordChar(s.charAt(i - 1)))
                    && urlAt(s, i, s.length());
        }
    }

    private static int skipToWhitespace(String s, int i, int to) {
        while (i < to && !Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    static boolean urlAt(String s, int i, int to) {
        return s.regionMatches(true, i, "http://", 0, 7) || s.regionMatches(true, i, "https://", 0, 8)
                || s.regionMatches(true, i, "www.", 0, 4);
    }

    /**
     * Picks each glued timestamp's reading, in place: the one that keeps starts ascending between its neighbours; when
     * both (or neither) do, the one that matches how the list pads its first field ({@code 02:13} or {@code 2:13}).
     */
    private static void resolve(String s, List<Stamp> stamps) {
        if (!anyAlternative(stamps)) {
            return; // most lines: nothing glued, and the padding count below is not needed
        }
        int padded = 0;
        int unpadded = 0;
        for (Stamp stamp : stamps) {
            if (stamp.hasAlternative()) {
                continue;
            }
            if (isMinuteFirst(s, stamp) && stamp.padded()) {
                padded++;
            } else if (isMinuteFirst(s, stamp) && s.charAt(stamp.start() + 1) == ':') {
                unpadded++;
            }
        }
        boolean preferPadded = padded >= unpadded;
        long previousMs = -1;
        for (int k = 0; k < stamps.size(); k++) {
            Stamp stamp = stamps.get(k);
            if (stamp.hasAlternative()) {
                long nextMs = Long.MAX_VALUE;
                if (k + 1 < stamps.size()) {
                    Stamp next = stamps.get(k + 1); // not resolved yet: its readings as found
                    nextMs = next.hasAlternative() ? Math.max(next.ms(), next.altMs()) : next.ms();
                }
                stamp = useAlternative(s, stamp, previousMs, nextMs, preferPadded) ? stamp.withAlternative()
                        : stamp.withoutAlternative();
                stamps.set(k, stamp);
            }
            previousMs = stamp.ms();
        }
    }

    private static boolean anyAlternative(List<Stamp> stamps) {
        for (Stamp stamp : stamps) {
            if (stamp.hasAlternative()) {
                return true;
            }
        }
        return false;
    }

    private static boolean useAlternative(String s, Stamp stamp, long previousMs, long nextMs, boolean preferPadded) {
        boolean primaryFits = stamp.ms() > previousMs && stamp.ms() < nextMs;
        boolean altFits = stamp.altMs() > previousMs && stamp.altMs() < nextMs;
        if (primaryFits != altFits) {
            return altFits;
        }
        if (stamp.ms() == stamp.altMs()) {
            return !preferPadded;
        }
        if (primaryFits && !isMinuteFirst(s, stamp)) {
            return true; // "v21:16:35": an episode runs 1 h more likely than 21 h: the smaller hour
        }
        if (primaryFits && !preferPadded) {
            // "part F11:32": in a list that writes 1:32 unpadded, "F1" + "1:32" if "F1" reads as a name
            return digitEndsName(s, stamp.start());
        }
        return false; // a padded list would have written "F101:32": "11:32" it is
    }

    /**
     * Whether the digit at {@code digit} ends a name with the word before it: a single letter ({@code F1},
     * {@code v2}) or a number sign ({@code #4}). Longer words keep the digit for the time: {@code AI13:20} is
     * "AI" at 13:20, not "AI1" at 3:20 (acronyms end titles far more often than model numbers do).
     */
    static boolean digitEndsName(String s, int digit) {
        int i = digit - 1;
        if (i < 0) {
            return false;
        }
        if (Character.isLetter(s.charAt(i))) {
            return i == 0 || Character.isWhitespace(s.charAt(i - 1)) || s.charAt(i - 1) == '(';
        }
        while (i >= 0 && Stamp.isDigit(s.charAt(i))) {
            i--;
        }
        return i >= 0 && i < digit - 1 && s.charAt(i) == '#';
    }

    /** {@code MM:SS} rather than {@code H:MM:SS}: only minutes show a list's padding style (hours rarely pad). */
    private static boolean isMinuteFirst(String s, Stamp stamp) {
        int colons = 0;
        for (int i = stamp.start(); i < stamp.end(); i++) {
            if (s.charAt(i) == ':') {
                colons++;
            }
        }
        return colons == 1;
    }

    // ------------------------------------------------------------------------------------------------ lines

    /** Adds the line's entries to {@code entries}: none when the line holds no chapter. */
    private static void readLine(String s, int ls, int le, List<Stamp> stamps, List<Entry> entries) {
        if (stamps.size() >= 2 && !(stamps.size() == 2 && isRange(s, stamps.get(0), stamps.get(1), ls, le))) {
            List<Entry> together = readRunTogether(s, ls, le, stamps);
            if (!together.isEmpty()) {
                entries.addAll(together);
                return;
            }
        }
        Entry entry = readSingle(s, ls, le, stamps);
        if (entry != null) {
            entry.stampOffset = stamps.get(0).start();
            entry.stampLength = stamps.get(0).end() - stamps.get(0).start();
            entries.add(entry);
        }
    }

    /** {@code 00:00 - 09:24 roots}: a start, a dash, an end. */
    private static boolean isRange(String s, Stamp first, Stamp second, int ls, int le) {
        int i = outerEnd(s, first, le);
        int j = outerStart(s, second, ls);
        boolean dash = false;
        for (int k = i; k < j; k++) {
            char c = s.charAt(k);
            if (isDash(c) || c == '~') {
                if (dash) {
                    return false;
                }
                dash = true;
            } else if (c != ' ') {
                return false;
            }
        }
        return dash && j >= i;
    }

    /** One chapter on this line, read from its first timestamp (a range's second one is its end). */
    private static Entry readSingle(String s, int ls, int le, List<Stamp> stamps) {
        Stamp stamp = stamps.get(0);
        Long endMs = null;
        int afterStart = outerEnd(s, stamp, le);
        if (stamps.size() >= 2 && isRange(s, stamp, stamps.get(1), ls, le)) {
            endMs = stamps.get(1).ms();
            afterStart = outerEnd(s, stamps.get(1), le);
        }
        int beforeEnd = outerStart(s, stamp, ls);
        if (proseBefore(s, ls, beforeEnd)) {
            return null;
        }
        // Text before the timestamp [ls, beforeEnd) and after it [afterStart, le) are read in place: substrings and
        // strips of both were half of what a line-separated list allocated (JFR allocation samples, 1 MB lines).
        int labelEnd = stripEnd(s, ls, beforeEnd);
        int label = labelStart(s, stripStart(s, ls, labelEnd), labelEnd);
        int noteStart = stripStart(s, afterStart, le);
        int noteEnd = stripEnd(s, noteStart, le);
        boolean nothingAfter = closingEnd(s, noteStart, noteEnd) == noteStart;
        if (label == labelEnd || (s.charAt(labelEnd - 1) == ':' && !nothingAfter)) {
            // Timestamp first: "1. 00:00 - Intro", "[0:00] Intro", "Chapters: 00:00 Intro", "(00:00)" alone.
            TitleAndUrl title = timeFirstTitle(s, afterStart, le);
            return new Entry(stamp.ms(), endMs, title, null, false, title.isEmpty());
        }
        if (nothingAfter) {
            // Title first: "Suite-Pee 4:26", "1. Those Beaten Paths 0:00", "Migration (00:00 )".
            return titleFirst(stamp.ms(), endMs, s, ls, beforeEnd, "");
        }
        if (s.charAt(noteStart) == '(' || s.charAt(noteStart) == '[') {
            // Title, time, note: "Attack 5:31 (First live performance since 2011)".
            return titleFirst(stamp.ms(), endMs, s, ls, beforeEnd, s.substring(noteStart, noteEnd));
        }
        return null; // a timestamp inside a sentence: a seek link, not a chapter
    }

    /** A chapter whose title {@code s[from, to)} comes before its time, with the note after the time if any. */
    private static Entry titleFirst(long startMs, Long endMs, String s, int from, int to, String note) {
        int end = stripEnd(s, from, to);
        int coreStart = skipBullets(s, stripStart(s, from, end), end);
        int coreEnd = trailingSeparatorsEnd(s, coreStart, end);
        TitleAndUrl title = note.isEmpty() ? TitleAndUrl.of(s, coreStart, coreEnd)
                : TitleAndUrl.of(s.substring(coreStart, coreEnd) + " " + note);
        String withoutTrack = null;
        int track = trackNumberEnd(title.text(), title.start(), title.end());
        if (track > title.start()) {
            withoutTrack = stripped(title.text(), track, title.end());
        }
        return new Entry(startMs, endMs, title, withoutTrack, true, false);
    }

    /** A time-first title, {@code s[from, to)} after its time: separators before and list punctuation after dropped. */
    private static TitleAndUrl timeFirstTitle(String s, int from, int to) {
        int start = stripStart(s, leadingSeparatorsEnd(s, from, to), to);
        int end = trailingListPunctuationEnd(s, start, stripEnd(s, start, to));
        return TitleAndUrl.of(s, start, end);
    }

    /**
     * Several timestamps on one line: a list run together ({@code …story02:13 - How…}). Split at each timestamp that
     * reads as a chapter start; timestamps that do not (in a sentence, descending) stay title text. Empty when the
     * line does not read as a list.
     */
    private static List<Entry> readRunTogether(String s, int ls, int le, List<Stamp> stamps) {
        Stamp last = stamps.get(stamps.size() - 1);
        Stamp first = stamps.get(0);
        int afterLast = stripStart(s, outerEnd(s, last, le), le);
        int beforeFirst = stripEnd(s, ls, outerStart(s, first, ls));
        boolean titleFirst = closingEnd(s, afterLast, stripEnd(s, afterLast, le)) == afterLast
                && labelStart(s, stripStart(s, ls, beforeFirst), beforeFirst) < beforeFirst;
        List<Stamp> splits = new ArrayList<>(stamps.size());
        int marked = 0;
        long previousMs = -1;
        Mark listMark = titleFirst ? null : listMark(s, stamps, ls, le);
        for (Stamp stamp : stamps) {
            int before = outerStart(s, stamp, ls);
            int after = outerEnd(s, stamp, le);
            if (!titleFirst && !splits.isEmpty() && stamp.ms() > previousMs
                    && isRange(s, splits.get(splits.size() - 1), stamp, ls, le)) {
                splits.add(stamp); // a range's end ("00:00 - 09:24 roots"): the next start may equal it
                previousMs = stamp.ms() - 1;
                continue;
            }
            boolean prose = proseBefore(s, ls, before)
                    && (listMark == null || !listMark.equals(mark(s, stamp, ls, le)));
            if (prose || stamp.ms() <= previousMs) {
                if (titleFirst) {
                    return List.of(); // title-first lines run together are rare: every time must be a start
                }
                continue;
            }
            int next = skipSpaces(s, after, le);
            if (!titleFirst && (next >= le || isSentencePunctuation(s, next, le))) {
                continue;
            }
            if (titleFirst && next < le && (Character.isLetterOrDigit(s.charAt(next))
                    || (stamp != last && isSentencePunctuation(s, next, le)))) {
                return List.of(); // "(8:52), then …": a list of times in a sentence
            }
            if (before != stamp.start() || (next < le && isSeparator(s.charAt(next)))) {
                marked++;
            }
            splits.add(stamp);
            previousMs = stamp.ms();
        }
        if (splits.size() < MIN_LIST_ENTRIES) {
            return List.of();
        }
        boolean startsAtZero = splits.get(0).ms() == 0;
        if (!startsAtZero && marked * 2 < splits.size() && !headerBefore(s, ls, outerStart(s, splits.get(0), ls))) {
            return List.of();
        }
        List<Entry> entries = new ArrayList<>(splits.size());
        for (int k = 0; k < splits.size(); k++) {
            Stamp stamp = splits.get(k);
            Entry entry;
            if (titleFirst) {
                int from = k == 0 ? ls : outerEnd(s, splits.get(k - 1), le);
                entry = titleFirst(stamp.ms(), null, s, from, outerStart(s, stamp, ls), "");
                if (entry.titleIsEmpty()) {
                    return List.of();
                }
            } else {
                Long endMs = null;
                int from = outerEnd(s, stamp, le);
                int to = k + 1 < splits.size() ? outerStart(s, splits.get(k + 1), ls) : le;
                if (k + 1 < splits.size() && isRange(s, stamp, splits.get(k + 1), ls, le)) {
                    // "00:00 - 09:24 roots09:24 - 14:19 images": the second time is this chapter's end
                    endMs = splits.get(k + 1).ms();
                    k++;
                    from = outerEnd(s, splits.get(k), le);
                    to = k + 1 < splits.size() ? outerStart(s, splits.get(k + 1), ls) : le;
                }
                TitleAndUrl title = timeFirstTitle(s, from, to);
                if (title.isEmpty() && title.url() == null) {
                    continue; // "10:00 11:00 Talk": a time with nothing to call it starts no chapter
                }
                entry = new Entry(stamp.ms(), endMs, title, null, false, false);
            }
            entry.stampOffset = stamp.start();
            entry.stampLength = stamp.end() - stamp.start();
            entries.add(entry);
        }
        return entries.size() < MIN_LIST_ENTRIES ? List.of() : entries;
    }

    /**
     * How a start is written: inside brackets or not, and the separator after it (every dash counts as {@code -};
     * {@code 0} for none). A list repeats one way for every start; a sentence does not.
     */
    record Mark(boolean bracketed, char separator) {
    }

    static Mark mark(String s, Stamp stamp, int ls, int le) {
        int next = skipSpaces(s, outerEnd(s, stamp, le), le);
        char separator = next < le && isSeparator(s.charAt(next)) ? s.charAt(next) : 0;
        return new Mark(outerStart(s, stamp, ls) != stamp.start(), isDash(separator) ? '-' : separator);
    }

    /**
     * The way a run-together line writes its first start that no prose word precedes, when it is marked (bracketed
     * or followed by a separator), else null. A later time written the same way is a start even after a prose word:
     * {@code 00:00 - Intro ab 01:30 - Bravo} ends a title in "ab", while {@code at 05:00 sharp} stays a sentence.
     */
    private static Mark listMark(String s, List<Stamp> stamps, int ls, int le) {
        for (Stamp stamp : stamps) {
            if (!proseBefore(s, ls, outerStart(s, stamp, ls))) {
                Mark mark = mark(s, stamp, ls, le);
                return mark.bracketed() || mark.separator() != 0 ? mark : null;
            }
        }
        return null;
    }

    // ------------------------------------------------------------------------------------------------ text rules

    /** Where a timestamp's text begins, its opening bracket included ("[0:00]", "(00:00 )"). */
    static int outerStart(String s, Stamp stamp, int ls) {
        int i = stamp.start() - 1;
        while (i >= ls && s.charAt(i) == ' ') {
            i--;
        }
        if (i >= ls && (s.charAt(i) == '(' || s.charAt(i) == '[')) {
            char close = s.charAt(i) == '(' ? ')' : ']';
            int j = skipSpaces(s, stamp.end(), s.length());
            if (j < s.length() && s.charAt(j) == close) {
                return i;
            }
        }
        return stamp.start();
    }

    /** Where a timestamp's text ends, its closing bracket included. */
    static int outerEnd(String s, Stamp stamp, int le) {
        int j = skipSpaces(s, stamp.end(), le);
        if (j < le && (s.charAt(j) == ')' || s.charAt(j) == ']')) {
            char open = s.charAt(j) == ')' ? '(' : '[';
            int i = stamp.start() - 1;
            while (i >= 0 && s.charAt(i) == ' ') {
                i--;
            }
            if (i >= 0 && s.charAt(i) == open) {
                return j + 1;
            }
        }
        return stamp.end();
    }

    private static int skipSpaces(String s, int i, int le) {
        while (i < le && s.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private static boolean isBlank(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** "at 12:30", "from 13:30": the word right before (space-separated) makes the timestamp prose. */
    private static boolean proseBefore(String s, int ls, int stampStart) {
        int i = stampStart - 1;
        if (i < ls || s.charAt(i) != ' ') {
            return false; // glued to the text before: a run-together list, not a sentence
        }
        while (i >= ls && s.charAt(i) == ' ') {
            i--;
        }
        int end = i + 1;
        while (i >= ls && Character.isLetter(s.charAt(i))) {
            i--;
        }
        if (end - (i + 1) == 0 || end - (i + 1) > 14) {
            return i >= ls && s.charAt(i) == '@' && end == i + 1;
        }
        return PROSE_WORDS.contains(s.substring(i + 1, end).toLowerCase(Locale.ROOT));
    }

    private static boolean headerBefore(String s, int ls, int end) {
        int from = Math.max(ls, end - HEADER_LOOKBACK_CHARS);
        String window = s.substring(from, end).toLowerCase(Locale.ROOT);
        for (String header : HEADERS) {
            if (window.contains(header)) {
                return true;
            }
        }
        return false;
    }

    /** A timestamp followed by ',' ';' '!' '?' or a sentence-ending '.' is prose ("(8:52), from …"). */
    private static boolean isSentencePunctuation(String s, int i, int le) {
        char c = s.charAt(i);
        if (c == ',' || c == ';' || c == '!' || c == '?') {
            return true;
        }
        return c == '.' && (i + 1 >= le || s.charAt(i + 1) == ' ');
    }

    static boolean isDash(char c) {
        return c == '-' || c == '\u2010' || c == '\u2011' || c == '\u2012' || c == '\u2013' || c == '\u2014'
                || c == '\u2015' || c == '\u2212' || c == '\uFF0D' || c == '\uFE58' || c == '\uFE63';
    }

    static boolean isSeparator(char c) {
        return isDash(c) || c == ':' || c == '|' || c == '~' || c == '\uFF1A' || c == '\u2022' || c == '\u00B7'
                || c == '>' || c == '\u00BB' || c == '\u2192' || c == '/';
    }

    private static boolean isBullet(char c) {
        return isDash(c) || c == '*' || c == '\u2022' || c == '\u25CF' || c == '\u25CB' || c == '\u25E6'
                || c == '\u25AA' || c == '\u25A0' || c == '\u25BA' || c == '\u25B6' || c == '>' || c == '\u00B7'
                || c == '\u2713' || c == '\u2714' || c == '\u2192' || c == '\u00BB';
    }

    // Title rules read ranges of the text, [from, to), and return where they end: no copy until a title is kept.

    /** Where {@link String#strip()} of {@code s[from, to)} starts. */
    static int stripStart(String s, int from, int to) {
        while (from < to && Character.isWhitespace(s.charAt(from))) {
            from++;
        }
        return from;
    }

    /** Where {@link String#strip()} of {@code s[from, to)} ends. */
    static int stripEnd(String s, int from, int to) {
        while (to > from && Character.isWhitespace(s.charAt(to - 1))) {
            to--;
        }
        return to;
    }

    /** {@code s[from, to)} stripped: the one copy made of a title. */
    static String stripped(String s, int from, int to) {
        int start = stripStart(s, from, to);
        return s.substring(start, stripEnd(s, start, to));
    }

    private static int skipBullets(String s, int from, int to) {
        while (from < to && (isBullet(s.charAt(from)) || s.charAt(from) == ' ')) {
            from++;
        }
        return from;
    }

    /**
     * Where the label before a timestamp ({@code s[from, to)}, stripped) starts once bullets and a track number
     * ("1. ", "01 - ", "#3") are dropped: not part of any title. The label ends at {@code to}; {@code to} when
     * nothing is left.
     */
    private static int labelStart(String s, int from, int to) {
        int rest = skipBullets(s, from, to);
        int punctuationEnd = trackPunctuationEnd(s, rest, to);
        if (punctuationEnd < 0) {
            return rest;
        }
        if (skipSpaces(s, punctuationEnd, to) == to) {
            return to; // "1." or "12 -" alone before the timestamp
        }
        if (s.charAt(punctuationEnd) != ' ') {
            return rest; // "1.5 hours"
        }
        return stripStart(s, skipSpaces(s, punctuationEnd, to), to);
    }

    /**
     * Where the title after a leading track number with its punctuation and spaces ("1. ", "01 - ", "3) ") starts
     * in {@code s[from, to)}, or {@code from} when there is none.
     */
    static int trackNumberEnd(String s, int from, int to) {
        int punctuationEnd = trackPunctuationEnd(s, from, to);
        if (punctuationEnd < 0 || (punctuationEnd < to && s.charAt(punctuationEnd) != ' ')) {
            return from; // "1.5 hours", "3)x"
        }
        int end = skipSpaces(s, punctuationEnd, to);
        return end >= to ? from : end;
    }

    /**
     * Where a track number's punctuation ends ({@code "12."}, {@code "3)"}, {@code "#4 -"}), or -1 when
     * {@code s[from, to)} does not start with one: "7 Habits" is a title that starts with a number.
     */
    private static int trackPunctuationEnd(String s, int from, int to) {
        int i = from;
        if (i < to && s.charAt(i) == '#') {
            i++;
        }
        int digitsStart = i;
        while (i < to && Stamp.isDigit(s.charAt(i))) {
            i++;
        }
        int digits = i - digitsStart;
        if (digits == 0 || digits > MAX_TRACK_DIGITS) {
            return -1;
        }
        if (i < to && (s.charAt(i) == '.' || s.charAt(i) == ')')) {
            return i + 1;
        }
        int dash = skipSpaces(s, i, to);
        return dash == i || dash >= to || !isDash(s.charAt(dash)) ? -1 : dash + 1;
    }

    /** Where a time-first title starts after separators ({@code " - "}, Markdown bold's {@code "**"}). */
    private static int leadingSeparatorsEnd(String s, int from, int to) {
        int i = from;
        while (i < to) {
            char c = s.charAt(i);
            if (c == ' ' || c == '*' || c == '_' || (isSeparator(c) && c != '/')) {
                i++; // "**00:00** Intro" (Markdown bold) leaves "**" before the title
            } else if (c == '.' && (i + 1 >= to || s.charAt(i + 1) == ' ') && i == from) {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    /** A time-first title's end: list punctuation left by the next entry ("0:00 Intro, 5:00 Topic") is dropped. */
    private static int trailingListPunctuationEnd(String s, int from, int to) {
        while (to > from) {
            char c = s.charAt(to - 1);
            if (c == ' ' || c == ',' || c == ';' || c == '|' || c == '*' || c == '\u2022' || isDash(c)) {
                to--;
            } else {
                break;
            }
        }
        return to;
    }

    private static int trailingSeparatorsEnd(String s, int from, int to) {
        while (to > from) {
            char c = s.charAt(to - 1);
            if (c == ' ' || c == '(' || c == '[' || c == '*' || (isSeparator(c) && c != '/' && c != '>')) {
                to--;
            } else {
                break;
            }
        }
        return to;
    }

    /** Where text after a timestamp ends with only closing punctuation removed: {@code from} means "nothing follows". */
    private static int closingEnd(String s, int from, int to) {
        while (to > from) {
            char c = s.charAt(to - 1);
            if (c == ' ' || c == ')' || c == ']' || c == '.' || c == ',' || c == ';' || c == '!' || c == '?') {
                to--;
            } else {
                break;
            }
        }
        return to;
    }

    /**
     * A title, {@code text[start, end)} (not copied: see {@link Entry#title()}), and the {@code <https://…>} link
     * mp4chaps lines carry at their end.
     */
    record TitleAndUrl(String text, int start, int end, String url) {

        static TitleAndUrl of(String text) {
            return of(text, 0, text.length());
        }

        /** Read from {@code s[from, to)}, stripped; only a link is copied. */
        static TitleAndUrl of(String s, int from, int to) {
            int start = stripStart(s, from, to);
            int end = stripEnd(s, start, to);
            if (end > start && s.charAt(end - 1) == '>') {
                int lt = s.lastIndexOf('<', end - 1);
                if (lt >= start) {
                    int insideStart = stripStart(s, lt + 1, end - 1);
                    int insideEnd = stripEnd(s, insideStart, end - 1);
                    if (startsWithIgnoreCase(s, insideStart, insideEnd, "http://")
                            || startsWithIgnoreCase(s, insideStart, insideEnd, "https://")) {
                        return new TitleAndUrl(s, start, stripEnd(s, start, lt), s.substring(insideStart, insideEnd));
                    }
                }
            }
            return new TitleAndUrl(s, start, end, null);
        }

        boolean isEmpty() {
            return start == end;
        }

        private static boolean startsWithIgnoreCase(String s, int from, int to, String prefix) {
            return to - from >= prefix.length() && s.regionMatches(true, from, prefix, 0, prefix.length());
        }
    }
}

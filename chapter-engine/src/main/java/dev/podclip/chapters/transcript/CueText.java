package dev.podclip.chapters.transcript;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cue payload markup to plain text: tags removed ({@code <b>}, {@code <c.red>}, {@code <00:19.000>}, SRT's
 * {@code <font>} and {@code {\an8}}), character references unescaped, voices ({@code <v Alice>}) collected as the
 * speaker ("Alice, Bob" when a cue has two), each line stripped, empty lines dropped.
 */
final class CueText {

    /** A character reference longer than this is no reference: the '&' stays as text. */
    private static final int MAX_REFERENCE_CHARS = 12;
    /** A cue naming more voices than this is a generated or hostile file; the first ones are the speaker. */
    private static final int MAX_VOICES = 16;
    /** A tag longer than this (no closing '>') is text, not a tag. */
    private static final int MAX_TAG_CHARS = 1_000;
    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("quot", "\""),
            Map.entry("apos", "'"), Map.entry("nbsp", "\u00A0"), Map.entry("lrm", "\u200E"),
            Map.entry("rlm", "\u200F"));

    /** "Peter: text": a capitalised name of at most four words before the colon, as SRT and HTML name speakers. */
    static final Pattern SPEAKER_PREFIX =
            Pattern.compile("^(\\p{Lu}[\\p{L}\\p{M}'.-]*(?: [\\p{L}\\p{M}'.-]+){0,3}):[ \\t]+(\\S.*)$", Pattern.DOTALL);

    /** The plain text and the speaker of a cue. */
    record Plain(String text, String speaker) {
    }

    private CueText() {
    }

    static Plain plain(String payload, boolean srtBraceTags) {
        StringBuilder out = new StringBuilder(payload.length());
        List<String> voices = new ArrayList<>(1);
        NextIndex nextGt = new NextIndex(payload, '>');
        NextIndex nextBrace = new NextIndex(payload, '}');
        NextIndex nextSemicolon = new NextIndex(payload, ';');
        int n = payload.length();
        int i = 0;
        while (i < n) {
            char c = payload.charAt(i);
            if (c == '<' && i + 1 < n && isTagStart(payload.charAt(i + 1))) {
                int close = nextGt.from(i + 1);
                if (close > 0 && close - i <= MAX_TAG_CHARS) {
                    String voice = voiceOf(payload.substring(i + 1, close));
                    if (voice != null && !voice.isEmpty() && voices.size() < MAX_VOICES && !voices.contains(voice)) {
                        voices.add(voice);
                    }
                    i = close + 1;
                    continue;
                }
            }
            if (srtBraceTags && c == '{' && i + 1 < n && payload.charAt(i + 1) == '\\') {
                int close = nextBrace.from(i + 2);
                if (close > 0 && close - i <= MAX_TAG_CHARS) {
                    i = close + 1;
                    continue;
                }
            }
            if (c == '&') {
                int end = appendReference(payload, i, nextSemicolon.from(i + 1), out);
                if (end > i) {
                    i = end;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        String speaker = voices.isEmpty() ? null : String.join(", ", voices);
        return new Plain(tidyLines(out), speaker);
    }

    /** A {@code Name: } prefix on the first line as the speaker, when the cue has no voice already. */
    static Plain withSpeakerPrefix(Plain plain) {
        if (plain.speaker() != null) {
            return plain;
        }
        Matcher prefix = SPEAKER_PREFIX.matcher(plain.text());
        return prefix.matches() ? new Plain(prefix.group(2), prefix.group(1)) : plain;
    }

    /**
     * The next index of one char at or after a position that only moves forward: each char of the payload is looked
     * at once, so a payload of a million unclosed '<', '{\\' or '&' stays linear.
     */
    private static final class NextIndex {
        private final String s;
        private final char c;
        private int cached = -2;

        NextIndex(String s, char c) {
            this.s = s;
            this.c = c;
        }

        int from(int position) {
            if (cached == -2 || (cached >= 0 && cached < position)) {
                cached = s.indexOf(c, position);
            }
            return cached;
        }
    }

    /** '<' opens a tag before a letter, '/' or a digit (inline timestamps); "a < b" stays text. */
    private static boolean isTagStart(char next) {
        return Character.isLetter(next) || next == '/' || Character.isDigit(next);
    }

    /** The annotation of a {@code <v>} or {@code <v.class>} start tag, unescaped; null for other tags. */
    private static String voiceOf(String tag) {
        if (tag.isEmpty() || tag.charAt(0) != 'v') {
            return null;
        }
        if (tag.length() > 1 && tag.charAt(1) != '.' && tag.charAt(1) != ' ' && tag.charAt(1) != '\t') {
            return null;
        }
        int space = 1;
        while (space < tag.length() && tag.charAt(space) != ' ' && tag.charAt(space) != '\t') {
            space++;
        }
        if (space >= tag.length()) {
            return "";
        }
        return plain(tag.substring(space + 1), false).text().replace('\n', ' ').strip();
    }

    /** Appends what the reference at {@code amp} stands for and returns the index after it, or {@code amp}. */
    private static int appendReference(String s, int amp, int semicolon, StringBuilder out) {
        if (semicolon < 0 || semicolon - amp > MAX_REFERENCE_CHARS) {
            return amp;
        }
        String name = s.substring(amp + 1, semicolon);
        String named = NAMED.get(name);
        if (named != null) {
            out.append(named);
            return semicolon + 1;
        }
        if (name.length() >= 2 && name.charAt(0) == '#') {
            try {
                boolean hex = name.charAt(1) == 'x' || name.charAt(1) == 'X';
                int codePoint = Integer.parseInt(name.substring(hex ? 2 : 1), hex ? 16 : 10);
                if (Character.isValidCodePoint(codePoint) && codePoint != 0) {
                    out.appendCodePoint(codePoint);
                    return semicolon + 1;
                }
            } catch (NumberFormatException notANumber) {
                return amp;
            }
        }
        return amp;
    }

    /** Each line stripped, empty lines dropped, joined with '\n'. */
    static String tidyLines(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        int start = 0;
        int n = text.length();
        for (int i = 0; i <= n; i++) {
            if (i == n || text.charAt(i) == '\n' || text.charAt(i) == '\r') {
                String line = text.subSequence(start, i).toString().strip();
                if (!line.isEmpty()) {
                    if (out.length() > 0) {
                        out.append('\n');
                    }
                    out.append(line);
                }
                start = i + 1;
            }
        }
        return out.toString();
    }

    /** Text for a WebVTT payload: the three characters WebVTT gives meaning escaped. */
    static String escapeVtt(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}

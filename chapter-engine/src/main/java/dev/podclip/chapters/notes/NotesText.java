package dev.podclip.chapters.notes;

import org.jsoup.nodes.Entities;

import java.util.Locale;
import java.util.Set;

/** Show notes as lines of plain text: HTML detected and flattened, spaces and line ends normalised. */
final class NotesText {

    /** Tags whose presence makes input HTML; anything else in angle brackets ({@code <https://…>}) is text. */
    static final Set<String> HTML_TAGS = Set.of("p", "br", "div", "li", "ul", "ol", "a", "strong", "b", "i", "em",
            "span", "h1", "h2", "h3", "h4", "h5", "h6", "table", "tr", "td", "th", "blockquote", "pre", "code", "img",
            "hr", "html", "body", "head", "section", "article", "small", "u", "sup", "sub", "font", "dl", "dt", "dd",
            "figure", "figcaption", "header", "footer", "nav", "main", "cite", "time", "mark", "del", "ins", "s",
            "script", "style", "iframe", "meta", "link", "title");
    /** Elements that start and end a line. */
    static final Set<String> BLOCK_TAGS = Set.of("p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
            "table", "tr", "blockquote", "pre", "section", "article", "header", "footer", "dl", "dt", "dd", "hr",
            "figure", "figcaption", "nav", "main", "body", "html");
    /** Longest tag name looked at when detecting HTML. */
    static final int MAX_TAG_NAME_CHARS = 12;

    private NotesText() {
    }

    /** True when the input has at least one known HTML tag; {@code <https://…>} or {@code <10:11>} are text. */
    static boolean looksLikeHtml(String s) {
        int from = 0;
        while (true) {
            int lt = s.indexOf('<', from);
            if (lt < 0 || lt + 1 >= s.length()) {
                return false;
            }
            String name = tagNameAt(s, lt);
            if (name != null && (name.equals("!--") || HTML_TAGS.contains(name.startsWith("/") ? name.substring(1)
                    : name))) {
                return true;
            }
            from = lt + 1;
        }
    }

    /**
     * The lower-case name of the tag opening at {@code lt} ({@code "/a"} for a closing one, {@code "!--"} for a
     * comment), or null when the '<' starts no tag: a name is ASCII letters and digits (and '-'), starting with a
     * letter, followed by whitespace, '/' or '>' ({@code <https://…>} and {@code <10:11>} are text).
     */
    static String tagNameAt(String s, int lt) {
        int i = lt + 1;
        boolean closing = i < s.length() && s.charAt(i) == '/';
        if (closing) {
            i++;
        }
        if (!closing && s.startsWith("!--", i)) {
            return "!--";
        }
        if (!closing && i < s.length() && (s.charAt(i) == '!' || s.charAt(i) == '?')) {
            return "!"; // <!DOCTYPE …>, <?xml …?>
        }
        int nameStart = i;
        while (i < s.length() && i - nameStart <= MAX_TAG_NAME_CHARS
                && (isAsciiLetterOrDigit(s.charAt(i)) || s.charAt(i) == '-')) {
            i++;
        }
        if (i == nameStart || i >= s.length() || !isAsciiLetter(s.charAt(nameStart))) {
            return null;
        }
        char after = s.charAt(i);
        if (!(after == '>' || after == '/' || Character.isWhitespace(after))) {
            return null;
        }
        String name = s.substring(nameStart, i).toLowerCase(Locale.ROOT);
        return closing ? "/" + name : name;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return isAsciiLetter(c) || (c >= '0' && c <= '9');
    }

    /** Plain text with '\n' line ends: HTML flattened (block elements and {@code <br>} break lines). */
    static String toText(String textOrHtml) {
        return flatten(textOrHtml, false).text();
    }

    /**
     * The text and, when asked for, where each of its chars came from in the input (so seek links found in the
     * text can point into the HTML as given).
     *
     * @param text          plain text, '\n' line ends
     * @param sourceOffsets the input offset of each char of {@code text} (the array may be longer than the text), or
     *                      null when they are the same
     */
    record Flat(String text, int[] sourceOffsets) {

        int sourceOffset(int textOffset) {
            return sourceOffsets == null ? textOffset : sourceOffsets[textOffset];
        }
    }

    static Flat flatten(String textOrHtml, boolean mapped) {
        Flat flat = looksLikeHtml(textOrHtml) ? htmlToText(textOrHtml, mapped) : new Flat(textOrHtml, null);
        return normalize(flat, mapped);
    }

    /** A StringBuilder that can remember, for each char, the input offset it came from. */
    private static final class MappedBuilder {
        final StringBuilder out;
        int[] sources;
        int size;

        MappedBuilder(int capacity, boolean mapped) {
            out = new StringBuilder(capacity);
            sources = mapped ? new int[Math.max(16, capacity)] : null;
        }

        void append(char c, int source) {
            out.append(c);
            if (sources != null) {
                if (size == sources.length) {
                    sources = java.util.Arrays.copyOf(sources, sources.length * 2);
                }
                sources[size++] = source;
            }
        }

        void append(CharSequence chars, int source) {
            for (int k = 0; k < chars.length(); k++) {
                append(chars.charAt(k), source);
            }
        }

        Flat build(int[] previous) {
            // No trimming copy: at 16 Mi chars the map is 64 MB; Flat only reads the first text-length entries.
            if (sources != null && previous != null) {
                for (int k = 0; k < size; k++) {
                    sources[k] = previous[sources[k]];
                }
            }
            return new Flat(out.toString(), sources);
        }
    }

    /**
     * HTML to text in one linear pass: tags dropped ({@code <br>} and block elements break lines), comments,
     * scripts and styles skipped, character references decoded with jsoup's entity tables. A hand-written pass
     * rather than jsoup's tree builder: that one grows faster than linearly on deeply mis-nested formatting tags
     * (measured: 10x the input, 17x the time), and show notes are hostile input.
     */
    static Flat htmlToText(String html, boolean mapped) {
        MappedBuilder out = new MappedBuilder(html.length(), mapped);
        int i = 0;
        int n = html.length();
        while (i < n) {
            char c = html.charAt(i);
            if (c == '<') {
                String tag = tagNameAt(html, i);
                if (tag != null) {
                    int at = i;
                    i = skipTag(html, i, tag);
                    String name = tag.startsWith("/") ? tag.substring(1) : tag;
                    if (name.equals("br") || BLOCK_TAGS.contains(name)) {
                        out.append('\n', at);
                    }
                    continue;
                }
            } else if (c == '&') {
                String decoded = reference(html, i);
                if (decoded != null) {
                    out.append(decoded, i);
                    i = html.indexOf(';', i) + 1;
                    continue;
                }
            }
            out.append(c, i);
            i++;
        }
        return out.build(null);
    }

    /** Longest character reference decoded ({@code &CounterClockwiseContourIntegral;} is 33). */
    static final int MAX_REFERENCE_CHARS = 34;

    /** The text of the character reference at {@code amp} ({@code &amp;}, {@code &#38;}), or null when none. */
    private static String reference(String s, int amp) {
        int limit = Math.min(s.length(), amp + MAX_REFERENCE_CHARS);
        int semi = -1;
        for (int k = amp + 1; k < limit; k++) {
            char c = s.charAt(k);
            if (c == ';') {
                semi = k;
                break;
            }
            if (!(isAsciiLetterOrDigit(c) || c == '#')) {
                break;
            }
        }
        if (semi < 0 || semi == amp + 1) {
            return null;
        }
        String body = s.substring(amp + 1, semi);
        if (body.charAt(0) == '#') {
            int codePoint = numericReference(body);
            return codePoint < 0 ? null : new String(Character.toChars(codePoint));
        }
        return Entities.isNamedEntity(body) ? Entities.getByName(body) : null;
    }

    /** {@code #38} or {@code #x26}: the code point, or -1 when invalid (a replacement char for surrogates/0). */
    private static int numericReference(String body) {
        boolean hex = body.length() > 1 && (body.charAt(1) == 'x' || body.charAt(1) == 'X');
        String digits = body.substring(hex ? 2 : 1);
        if (digits.isEmpty() || digits.length() > 7) {
            return -1;
        }
        int value = 0;
        for (int k = 0; k < digits.length(); k++) {
            int d = Character.digit(digits.charAt(k), hex ? 16 : 10);
            if (d < 0) {
                return -1;
            }
            value = value * (hex ? 16 : 10) + d;
        }
        if (value == 0 || value > Character.MAX_CODE_POINT || (value >= 0xD800 && value <= 0xDFFF)) {
            return 0xFFFD;
        }
        return value;
    }

    /** The index after a tag, comment, or a script/style element's content. Linear: never scans back. */
    static int skipTag(String s, int lt, String tag) {
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
    static int tagEnd(String s, int lt) {
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

    private static int indexOfIgnoreCase(String s, String needle, int from) {
        char first = needle.charAt(0);
        for (int i = s.indexOf(first, from); i >= 0 && i + needle.length() <= s.length(); i = s.indexOf(first, i + 1)) {
            if (s.regionMatches(true, i, needle, 0, needle.length())) {
                return i;
            }
        }
        return -1;
    }

    /** CR, CRLF, U+2028/9 to '\n'; tabs and other spaces (NBSP, thin spaces) to ' '; zero-width chars dropped. */
    static String normalize(String s) {
        return normalize(new Flat(s, null), false).text();
    }

    private static Flat normalize(Flat flat, boolean mapped) {
        String s = flat.text();
        int first = firstToNormalize(s);
        if (first < 0) {
            return flat;
        }
        MappedBuilder out = new MappedBuilder(s.length(), mapped);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!needsNormalizing(c)) {
                out.append(c, i);
            } else if (c == '\r') {
                out.append('\n', i);
                if (i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    i++;
                }
            } else if (c == '\u2028' || c == '\u2029' || c == '\u000B' || c == '\u000C' || c == '\u0085') {
                out.append('\n', i);
            } else if (c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\uFEFF' || c == '\u2060') {
                continue;
            } else {
                out.append(' ', i);
            }
        }
        return out.build(flat.sourceOffsets());
    }

    private static int firstToNormalize(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (needsNormalizing(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Cheap for ASCII (the common case: one comparison for any printable char, where four equality tests each took a
     * branch; this check over every char was 14% of reading line-separated lists, JFR); Unicode space and line
     * separators otherwise.
     */
    private static boolean needsNormalizing(char c) {
        if (c < 0x80) {
            return c <= '\r' && c >= '\t' && c != '\n'; // tab, VT, FF, CR
        }
        return c == '\u0085' || c == '\u00A0' || c == '\u1680' || (c >= '\u2000' && c <= '\u200D')
                || c == '\u2028' || c == '\u2029' || c == '\u202F' || c == '\u205F' || c == '\u2060'
                || c == '\u3000' || c == '\uFEFF';
    }
}

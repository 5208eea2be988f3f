package dev.podclip.chapters.notes;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

import java.util.Locale;
import java.util.Set;

/** Show notes as lines of plain text: HTML detected and flattened with jsoup, spaces and line ends normalised. */
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

    /** True when the input has at least one real HTML tag (or comment / entity-free closing tag). */
    static boolean looksLikeHtml(String s) {
        int from = 0;
        while (true) {
            int lt = s.indexOf('<', from);
            if (lt < 0 || lt + 1 >= s.length()) {
                return false;
            }
            if (tagNameAt(s, lt) != null) {
                return true;
            }
            from = lt + 1;
        }
    }

    /** The lower-case name of the known tag opening at {@code lt} ({@code "/a"} for a closing one), or null. */
    static String tagNameAt(String s, int lt) {
        int i = lt + 1;
        boolean closing = i < s.length() && s.charAt(i) == '/';
        if (closing) {
            i++;
        }
        if (!closing && s.startsWith("!--", i)) {
            return "!--";
        }
        int nameStart = i;
        while (i < s.length() && i - nameStart <= MAX_TAG_NAME_CHARS && isAsciiLetterOrDigit(s.charAt(i))) {
            i++;
        }
        if (i == nameStart || i >= s.length() || !Character.isLetter(s.charAt(nameStart))) {
            return null;
        }
        char after = s.charAt(i);
        if (!(after == '>' || after == '/' || Character.isWhitespace(after))) {
            return null;
        }
        String name = s.substring(nameStart, i).toLowerCase(Locale.ROOT);
        if (!HTML_TAGS.contains(name)) {
            return null;
        }
        return closing ? "/" + name : name;
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** Plain text with '\n' line ends: HTML flattened (block elements and {@code <br>} break lines). */
    static String toText(String textOrHtml) {
        String text = looksLikeHtml(textOrHtml) ? htmlToText(textOrHtml) : textOrHtml;
        return normalize(text);
    }

    private static String htmlToText(String html) {
        Element body = Jsoup.parseBodyFragment(html).body();
        StringBuilder out = new StringBuilder(html.length());
        body.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    out.append(text.getWholeText());
                } else if (node instanceof Element element) {
                    String name = element.normalName();
                    if (name.equals("br") || BLOCK_TAGS.contains(name)) {
                        out.append('\n');
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && BLOCK_TAGS.contains(element.normalName())) {
                    out.append('\n');
                }
            }
        });
        return out.toString();
    }

    /** CR, CRLF, U+2028/9 to '\n'; tabs and other spaces (NBSP, thin spaces) to ' '; zero-width chars dropped. */
    static String normalize(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\r') {
                out.append('\n');
                if (i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    i++;
                }
            } else if (c == '\n' || c == '\u2028' || c == '\u2029' || c == '\u000B' || c == '\u000C'
                    || c == '\u0085') {
                out.append('\n');
            } else if (c == '\t' || (c != ' ' && Character.isSpaceChar(c))) {
                out.append(' ');
            } else if (c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\uFEFF' || c == '\u2060') {
                continue;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}

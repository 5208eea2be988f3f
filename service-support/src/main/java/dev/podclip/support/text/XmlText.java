package dev.podclip.support.text;

/**
 * Text as XML 1.0 can carry it. Titles and notes come from feeds and editors and may hold control characters or
 * noncharacters (U+0001, U+FFFE) that no XML parser accepts: one such character made a whole feed unreadable to
 * podcast apps. They are dropped on the way out, where the text came in from elsewhere. Tested by XmlTextTest and
 * the clip-service's FeedOutTest.
 */
public final class XmlText {

    private XmlText() {
    }

    /** {@code text} without the characters XML 1.0 forbids (lone surrogates included); null stays null. */
    public static String clean(String text) {
        if (text == null || allowedThroughout(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().filter(XmlText::allowed).forEach(out::appendCodePoint);
        return out.toString();
    }

    /** {@link #clean}ed text escaped for XML and HTML content and attribute values (both quotes included). */
    public static String escape(String raw) {
        String text = clean(raw);
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            appendEscaped(out, text.charAt(i));
        }
        return out.toString();
    }

    /** One character as {@link #escape} writes it, for writers that interleave their own markup. */
    public static void appendEscaped(StringBuilder out, char c) {
        switch (c) {
            case '<' -> out.append("&lt;");
            case '>' -> out.append("&gt;");
            case '&' -> out.append("&amp;");
            case '"' -> out.append("&quot;");
            case '\'' -> out.append("&#39;");
            default -> out.append(c);
        }
    }

    private static boolean allowedThroughout(String text) {
        return text.codePoints().allMatch(XmlText::allowed);
    }

    /** XML 1.0's Char production. */
    static boolean allowed(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }
}

package dev.podclip.clip.search;

import dev.podclip.support.text.XmlText;

/**
 * ts_headline marks matches with two private-use characters instead of HTML, so that the text can be escaped as a
 * whole afterwards and only then the markers become {@code <mark>} tags. Pure.
 */
public final class Snippets {

    /** Start and stop of a match in ts_headline's output (Unicode private use: not in real transcripts). */
    public static final char START = '\uE000';
    public static final char STOP = '\uE001';

    private Snippets() {
    }

    /** The ts_headline options: markers as above, short fragments. */
    public static String headlineOptions() {
        return "StartSel=" + START + ", StopSel=" + STOP + ", MaxWords=" + SearchLimits.SNIPPET_MAX_WORDS
                + ", MinWords=" + SearchLimits.SNIPPET_MIN_WORDS + ", MaxFragments="
                + SearchLimits.SNIPPET_MAX_FRAGMENTS + ", FragmentDelimiter=\" … \"";
    }

    /**
     * Escaped HTML with {@code <mark>} around matches. Tags always balance, whatever markers the text held: a stray
     * stop is dropped, an open mark is closed at the end.
     */
    public static String toHtml(String headline) {
        StringBuilder out = new StringBuilder(headline.length() + 32);
        boolean open = false;
        for (int i = 0; i < headline.length(); i++) {
            char c = headline.charAt(i);
            switch (c) {
                case START -> {
                    if (!open) {
                        out.append("<mark>");
                        open = true;
                    }
                }
                case STOP -> {
                    if (open) {
                        out.append("</mark>");
                        open = false;
                    }
                }
                default -> XmlText.appendEscaped(out, c);
            }
        }
        if (open) {
            out.append("</mark>");
        }
        return out.toString();
    }

    /** The snippet as plain text: markers removed. */
    public static String toText(String headline) {
        return headline.replace(String.valueOf(START), "").replace(String.valueOf(STOP), "");
    }
}

package dev.podclip.chapters.files;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which links of an imported chapter file are republished: http and https, absolute or relative. A chapter's
 * {@code url} or {@code img} is shown to listeners as a link, so {@code javascript:}, {@code data:} and other schemes
 * are dropped (docs/engine/chapter-files.md; tested by ChapterFilesTest.onlyWebLinksAreKept). Pure.
 */
final class WebLinks {

    private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*):");

    private WebLinks() {
    }

    /** {@code link} when it is safe to show as a link, else null. */
    static String keep(String link) {
        if (link == null) {
            return null;
        }
        for (int i = 0; i < link.length(); i++) {
            // Browsers drop tabs and newlines inside URLs: "java\tscript:" would run as javascript:.
            if (link.charAt(i) < 0x20 || link.charAt(i) == 0x7f) {
                return null;
            }
        }
        var scheme = SCHEME.matcher(link);
        if (!scheme.find()) {
            return link;
        }
        String name = scheme.group(1).toLowerCase(Locale.ROOT);
        return name.equals("http") || name.equals("https") ? link : null;
    }
}

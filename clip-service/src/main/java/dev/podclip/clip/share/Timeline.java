package dev.podclip.clip.share;

import dev.podclip.chapters.Chapter;
import dev.podclip.clip.clips.ClipRange;
import dev.podclip.clip.clips.ClipTimes;
import dev.podclip.clip.clips.MediaLinks;

import java.util.List;
import java.util.Locale;

/**
 * The chapter timeline of a share page: one bar per chapter drawn to scale over the episode's length, the clip
 * highlighted on top. Inline SVG with presentation attributes only (no style attributes, no script), so the page's
 * Content-Security-Policy needs no 'unsafe-inline'. Every text is escaped here. Pure.
 *
 * <p>Positions and widths are percentages of the drawing's width and it has no viewBox: it is as wide as its
 * container at any screen width, and its text keeps its size and shape (a viewBox stretched with
 * {@code preserveAspectRatio="none"} distorted the labels). A chapter wide enough gets its title as a label, cut to
 * what fits with an ellipsis and clipped at the chapter's edge; the whole title is its tooltip ({@code <title>}).
 */
public final class Timeline {

    static final int BAR_Y = 8;
    static final int BAR_HEIGHT = 28;
    static final int HEIGHT = 56;
    /** Chapters drawn at most; more would be thinner than a pixel on any screen. */
    static final int MAX_CHAPTERS_DRAWN = 500;
    /** A chapter narrower than this share of the timeline, in percent, gets no label (its tooltip stays). */
    static final double LABEL_MIN_PERCENT = 8;
    /**
     * Characters of a label over the timeline's whole width: the page is at most 46rem wide and a 12px character is
     * about 7px; narrower screens clip the label at the chapter's edge.
     */
    static final int LABEL_CHARS_FULL_WIDTH = 100;
    private static final String[] FILLS = {"#c9d6e8", "#dfe7f2"};
    private static final String CLIP_FILL = "#e4572e";

    private Timeline() {
    }

    /**
     * @param chapters  the episode's chapters, boundaries closed
     * @param episodeMs the episode's known end, or null (then the later of the last chapter's end and the clip's)
     * @param range     the clip
     */
    public static String svg(List<Chapter> chapters, Long episodeMs, ClipRange range) {
        long totalMs = totalMs(chapters, episodeMs, range);
        StringBuilder out = new StringBuilder(512 + 320 * Math.min(chapters.size(), MAX_CHAPTERS_DRAWN));
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline\" width=\"100%\" height=\"")
                .append(HEIGHT).append("\" role=\"img\" aria-label=\"")
                .append(MediaLinks.escapeXml("Clip " + ClipTimes.clock(range.startMs()) + " to "
                        + ClipTimes.clock(range.endMs()) + " of " + ClipTimes.clock(totalMs)))
                .append("\">");
        out.append("<rect x=\"0\" y=\"").append(BAR_Y).append("\" width=\"100%\" height=\"")
                .append(BAR_HEIGHT).append("\" fill=\"#eef1f5\"/>");
        int drawn = Math.min(chapters.size(), MAX_CHAPTERS_DRAWN);
        for (int i = 0; i < drawn; i++) {
            Chapter chapter = chapters.get(i);
            long endMs = chapter.endMs() == null ? totalMs : Math.min(chapter.endMs(), totalMs);
            String title = (i + 1) + ". " + chapter.title() + " (" + ClipTimes.clock(chapter.startMs()) + "–"
                    + ClipTimes.clock(endMs) + ")";
            double fromX = x(chapter.startMs(), totalMs);
            double toX = x(endMs, totalMs);
            appendRect(out, "chapter", fromX, toX, BAR_Y, BAR_HEIGHT, FILLS[i % FILLS.length], title);
            appendChapterLabel(out, fromX, toX - fromX, chapter.title(), title);
        }
        appendRect(out, "clip", x(range.startMs(), totalMs), x(Math.min(range.endMs(), totalMs), totalMs),
                BAR_Y - 4, BAR_HEIGHT + 8, CLIP_FILL, "Clip " + ClipTimes.clock(range.startMs()) + "–"
                        + ClipTimes.clock(range.endMs()));
        appendLabel(out, "0", "start", "0:00");
        appendLabel(out, "100%", "end", ClipTimes.clock(totalMs));
        return out.append("</svg>").toString();
    }

    /** The length the timeline spans: the episode's, or what the chapters and the clip reach. */
    public static long totalMs(List<Chapter> chapters, Long episodeMs, ClipRange range) {
        long total = range.endMs();
        if (episodeMs != null) {
            total = Math.max(total, episodeMs);
        } else if (!chapters.isEmpty()) {
            Chapter last = chapters.get(chapters.size() - 1);
            total = Math.max(total, last.endMs() == null ? last.startMs() : last.endMs());
        }
        assert total > 0 : "a clip has a positive end";
        return total;
    }

    /** A time's x position, in percent of the width with two decimals. */
    static double x(long ms, long totalMs) {
        return Math.round(ms * 100.0 / totalMs * 100) / 100.0;
    }

    /** A label cut to {@code maxChars} code points, the last one an ellipsis when cut. */
    static String fit(String label, int maxChars) {
        if (label.codePointCount(0, label.length()) <= maxChars) {
            return label;
        }
        if (maxChars < 2) {
            return "…";
        }
        return label.substring(0, label.offsetByCodePoints(0, maxChars - 1)).strip() + "…";
    }

    private static void appendRect(StringBuilder out, String cssClass, double fromX, double toX, int y, int height,
                                   String fill, String title) {
        double width = Math.max(toX - fromX, 0.1); // a very short clip must still be visible
        out.append("<rect class=\"").append(cssClass).append("\" x=\"").append(percent(fromX)).append("\" y=\"")
                .append(y).append("\" width=\"").append(percent(width)).append("\" height=\"").append(height)
                .append("\" fill=\"").append(fill).append("\"");
        if (cssClass.equals("clip")) {
            out.append(" fill-opacity=\"0.75\" stroke=\"#9b2c10\" stroke-width=\"2\"");
        } else {
            out.append(" stroke=\"#ffffff\" stroke-width=\"1\"");
        }
        out.append("><title>").append(MediaLinks.escapeXml(title)).append("</title></rect>");
    }

    /**
     * A chapter's title inside its bar: a nested viewport as wide as the chapter clips what does not fit, and the
     * text is cut to the characters the chapter's share of the width holds.
     */
    private static void appendChapterLabel(StringBuilder out, double fromX, double width, String label,
                                           String tooltip) {
        if (width < LABEL_MIN_PERCENT) {
            return;
        }
        int maxChars = (int) Math.floor(width * LABEL_CHARS_FULL_WIDTH / 100) - 1;
        out.append("<svg class=\"chapter-label\" x=\"").append(percent(fromX)).append("\" y=\"").append(BAR_Y)
                .append("\" width=\"").append(percent(width)).append("\" height=\"").append(BAR_HEIGHT)
                .append("\" overflow=\"hidden\"><title>").append(MediaLinks.escapeXml(tooltip))
                .append("</title><text x=\"4\" y=\"18\" font-size=\"12\" font-family=\"sans-serif\" fill=\"#1d2330\">")
                .append(MediaLinks.escapeXml(fit(label, maxChars))).append("</text></svg>");
    }

    private static void appendLabel(StringBuilder out, String x, String anchor, String text) {
        out.append("<text class=\"axis\" x=\"").append(x).append("\" y=\"").append(HEIGHT - 2)
                .append("\" font-size=\"12\" font-family=\"sans-serif\" fill=\"#445\" text-anchor=\"")
                .append(anchor).append("\">").append(MediaLinks.escapeXml(text)).append("</text>");
    }

    private static String percent(double value) {
        return String.format(Locale.ROOT, "%.2f%%", value);
    }
}

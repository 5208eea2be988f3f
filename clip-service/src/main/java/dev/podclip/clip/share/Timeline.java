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
 */
public final class Timeline {

    /** The drawing's user-space width; the page scales it to its container. */
    static final int WIDTH = 1000;
    static final int BAR_Y = 8;
    static final int BAR_HEIGHT = 28;
    static final int HEIGHT = 56;
    /** Chapters drawn at most; more would be thinner than a pixel at {@link #WIDTH}. */
    static final int MAX_CHAPTERS_DRAWN = 500;
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
        StringBuilder out = new StringBuilder(512 + 160 * Math.min(chapters.size(), MAX_CHAPTERS_DRAWN));
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline\" viewBox=\"0 0 ").append(WIDTH)
                .append(' ').append(HEIGHT).append("\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"")
                .append(MediaLinks.escapeXml("Clip " + ClipTimes.clock(range.startMs()) + " to "
                        + ClipTimes.clock(range.endMs()) + " of " + ClipTimes.clock(totalMs)))
                .append("\">");
        out.append("<rect x=\"0\" y=\"").append(BAR_Y).append("\" width=\"").append(WIDTH).append("\" height=\"")
                .append(BAR_HEIGHT).append("\" fill=\"#eef1f5\"/>");
        int drawn = Math.min(chapters.size(), MAX_CHAPTERS_DRAWN);
        for (int i = 0; i < drawn; i++) {
            Chapter chapter = chapters.get(i);
            long endMs = chapter.endMs() == null ? totalMs : Math.min(chapter.endMs(), totalMs);
            appendRect(out, "chapter", x(chapter.startMs(), totalMs), x(endMs, totalMs), BAR_Y, BAR_HEIGHT,
                    FILLS[i % FILLS.length], (i + 1) + ". " + chapter.title() + " (" + ClipTimes.clock(chapter.startMs())
                            + "–" + ClipTimes.clock(endMs) + ")");
        }
        appendRect(out, "clip", x(range.startMs(), totalMs), x(Math.min(range.endMs(), totalMs), totalMs),
                BAR_Y - 4, BAR_HEIGHT + 8, CLIP_FILL, "Clip " + ClipTimes.clock(range.startMs()) + "–"
                        + ClipTimes.clock(range.endMs()));
        appendLabel(out, 0, "start", "0:00");
        appendLabel(out, WIDTH, "end", ClipTimes.clock(totalMs));
        return out.append("</svg>").toString();
    }

    static long totalMs(List<Chapter> chapters, Long episodeMs, ClipRange range) {
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

    /** A time's x position, in user units with one decimal. */
    static double x(long ms, long totalMs) {
        return Math.round(ms * (double) WIDTH / totalMs * 10) / 10.0;
    }

    private static void appendRect(StringBuilder out, String cssClass, double fromX, double toX, int y, int height,
                                   String fill, String title) {
        double width = Math.max(toX - fromX, 1.0); // a very short clip must still be visible
        out.append("<rect class=\"").append(cssClass).append("\" x=\"").append(format(fromX)).append("\" y=\"")
                .append(y).append("\" width=\"").append(format(width)).append("\" height=\"").append(height)
                .append("\" fill=\"").append(fill).append("\"");
        if (cssClass.equals("clip")) {
            out.append(" fill-opacity=\"0.75\" stroke=\"#9b2c10\" stroke-width=\"2\"");
        } else {
            out.append(" stroke=\"#ffffff\" stroke-width=\"1\"");
        }
        out.append("><title>").append(MediaLinks.escapeXml(title)).append("</title></rect>");
    }

    private static void appendLabel(StringBuilder out, int x, String anchor, String text) {
        out.append("<text x=\"").append(x).append("\" y=\"").append(HEIGHT - 2)
                .append("\" font-size=\"12\" font-family=\"sans-serif\" fill=\"#445\" text-anchor=\"")
                .append(anchor).append("\">").append(MediaLinks.escapeXml(text)).append("</text>");
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}

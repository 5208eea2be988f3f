package dev.podclip.clip.media;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Everything written on a clip's video, as two ASS subtitle scripts that ffmpeg's {@code ass} filter (libass) burns
 * in: the still layer (the show and episode titles, the generated card when there is no artwork), drawn once on the
 * first frame and repeated, and the moving layer (the current chapter's title, the progress bar and the captions),
 * drawn on every frame. Drawing the titles once took a tenth off a 60 s square render's CPU, for the same video byte
 * for byte (BENCHMARKS.md §6). Pure (CaptionScriptTest). Text lives only here, in files, never in ffmpeg's arguments
 * or filter graph, so no title can change what ffmpeg does.
 *
 * <p>Captions are the transcript cues inside the clip, clipped at its range and wrapped for the format: a cue longer
 * than fits on screen is shown page by page, each page for a share of the cue's time in proportion to its length.
 */
public final class CaptionScript {

    /** Most dialogue lines in one script: bounds the file whatever the transcript holds. */
    static final int MAX_EVENTS = 4_000;
    /** Text and cue texts longer than this are cut before wrapping. */
    static final int TEXT_MAX_CHARS = 2_000;
    static final String FONT = "DejaVu Sans";
    static final String ELLIPSIS = "…";

    /**
     * A text shown from {@code startMs} to {@code endMs} of the episode (not of the clip).
     */
    public record Timed(long startMs, long endMs, String text) {
        public Timed {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * What the video says.
     *
     * @param showTitle    the show's title
     * @param episodeTitle the episode's title
     * @param initials     what the generated card shows when there is no artwork, else null
     * @param chapters     the chapters the clip spans, in episode time
     * @param cues         the transcript cues overlapping the clip, in episode time; empty without a transcript
     */
    public record Texts(String showTitle, String episodeTitle, String initials, List<Timed> chapters,
                        List<Timed> cues) {
        public Texts {
            showTitle = Objects.requireNonNullElse(showTitle, "");
            episodeTitle = Objects.requireNonNullElse(episodeTitle, "");
            chapters = List.copyOf(chapters);
            cues = List.copyOf(cues);
        }

        /** The same texts for a video that has artwork: no card. */
        public Texts withoutCard() {
            return new Texts(showTitle, episodeTitle, null, chapters, cues);
        }
    }

    private CaptionScript() {
    }

    /**
     * The two scripts of one video.
     *
     * @param still  events shown for the whole clip and never animated: drawn on the first frame only
     * @param moving events that change over the clip: drawn on every frame
     */
    public record Layers(String still, String moving) {
        public Layers {
            Objects.requireNonNull(still, "still");
            Objects.requireNonNull(moving, "moving");
        }
    }

    /** The scripts for the clip {@code [startMs, endMs)} of the episode. */
    public static Layers of(VideoFormat format, VideoTheme theme, Texts texts, long startMs, long endMs) {
        if (endMs <= startMs) {
            throw new IllegalArgumentException("bad range " + startMs + ".." + endMs);
        }
        long durationMs = endMs - startMs;
        List<String> still = new ArrayList<>();
        titles(format, texts, durationMs, still);
        if (texts.initials() != null) {
            card(format, theme, texts.initials(), durationMs, still);
        }
        List<String> moving = new ArrayList<>();
        progressBar(format, theme, durationMs, moving);
        for (Timed chapter : texts.chapters()) {
            clipped(chapter, startMs, endMs).ifPresent(t -> moving.add(dialogue(t, "Chapter",
                    anchor(format.chapter(), format.titlesCentered())
                            + oneLine(chapter.text(), format.chapter().width(), format.chapterPx()))));
        }
        int captionChars = VideoFormat.charsPerLine(format.widthPx() - 2 * format.captionMarginPx(),
                format.captionPx());
        for (Timed cue : texts.cues()) {
            for (Timed page : pages(cue, captionChars, format.captionLines())) {
                clipped(page, startMs, endMs).ifPresent(t -> moving.add(dialogue(t, "Caption", t.text())));
            }
            if (moving.size() >= MAX_EVENTS) {
                break;
            }
        }
        String header = header(format, theme);
        return new Layers(header + String.join("", still),
                header + String.join("", moving.subList(0, Math.min(moving.size(), MAX_EVENTS))));
    }

    private static String header(VideoFormat format, VideoTheme theme) {
        String text = VideoTheme.assColour(theme.textRgb());
        String muted = VideoTheme.assColour(theme.mutedRgb());
        String outline = VideoTheme.assColour(theme.outlineRgb());
        String fields = "Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour,"
                + " Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow,"
                + " Alignment, MarginL, MarginR, MarginV, Encoding\n";
        return "[Script Info]\nScriptType: v4.00+\nPlayResX: " + format.widthPx() + "\nPlayResY: " + format.heightPx()
                + "\nWrapStyle: 2\nScaledBorderAndShadow: yes\n\n[V4+ Styles]\n" + fields
                + style("Show", format.showTitlePx(), muted, outline, false, 0, 7, 0, 0)
                + style("Episode", format.episodeTitlePx(), text, outline, true, 0, 7, 0, 0)
                + style("Chapter", format.chapterPx(), muted, outline, false, 0, 7, 0, 0)
                + style("Caption", format.captionPx(), text, outline, true, 2, 2, format.captionMarginPx(),
                format.captionBottomPx())
                + style("Shape", 10, text, outline, false, 0, 7, 0, 0)
                + "\n[Events]\nFormat: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n";
    }

    private static String style(String name, int sizePx, String colour, String outline, boolean bold,
                                int outlinePx, int alignment, int marginSidePx, int marginVerticalPx) {
        return "Style: " + name + "," + FONT + "," + sizePx + "," + colour + "," + colour + "," + outline
                + ",&H80000000," + (bold ? -1 : 0) + ",0,0,0,100,100,0,0,1," + outlinePx + ",0," + alignment + ","
                + marginSidePx + "," + marginSidePx + "," + marginVerticalPx + ",1\n";
    }

    private static void titles(VideoFormat format, Texts texts, long durationMs, List<String> events) {
        VideoFormat.Box box = format.titles();
        Timed whole = new Timed(0, durationMs, "");
        events.add(dialogue(whole, "Show", anchor(box, format.titlesCentered())
                + oneLine(texts.showTitle(), box.width(), format.showTitlePx())));
        int episodeY = box.y() + format.showTitlePx() * 3 / 2;
        VideoFormat.Box episodeBox = new VideoFormat.Box(box.x(), episodeY, box.width(), box.height());
        List<String> lines = wrap(clean(texts.episodeTitle()),
                VideoFormat.charsPerLine(box.width(), format.episodeTitlePx()), format.episodeTitleLines());
        events.add(dialogue(whole, "Episode", anchor(episodeBox, format.titlesCentered()) + String.join("\\N", lines)));
    }

    /** A square in the accent colour with the show's initials, where the artwork would be. */
    private static void card(VideoFormat format, VideoTheme theme, String initials, long durationMs,
                             List<String> events) {
        VideoFormat.Box art = format.art();
        Timed whole = new Timed(0, durationMs, "");
        events.add(dialogue(whole, "Shape", "{\\an7\\pos(" + art.x() + "," + art.y() + ")\\bord0\\shad0\\1c"
                + VideoTheme.assColour(theme.accentRgb()) + "&\\p1}m 0 0 l " + art.width() + " 0 " + art.width()
                + " " + art.height() + " 0 " + art.height() + "{\\p0}"));
        events.add(dialogue(whole, "Shape", "{\\an5\\pos(" + (art.x() + art.width() / 2) + ","
                + (art.y() + art.height() / 2) + ")\\b1\\bord0\\shad0\\fs" + art.height() * 2 / 5 + "\\1c"
                + VideoTheme.assColour(theme.backgroundRgb()) + "&}" + clean(initials)));
    }

    /** A bar along the bottom edge, revealed left to right over the clip by an animated clip rectangle. */
    private static void progressBar(VideoFormat format, VideoTheme theme, long durationMs, List<String> events) {
        int top = format.heightPx() - VideoFormat.PROGRESS_PX;
        int width = format.widthPx();
        int bottom = format.heightPx();
        events.add(dialogue(new Timed(0, durationMs, ""), "Shape", "{\\an7\\pos(0,0)\\bord0\\shad0\\1c"
                + VideoTheme.assColour(theme.accentRgb()) + "&\\clip(0," + top + ",0," + bottom + ")\\t(0,"
                + durationMs + ",\\clip(0," + top + "," + width + "," + bottom + "))\\p1}m 0 " + top + " l " + width
                + " " + top + " " + width + " " + bottom + " 0 " + bottom + "{\\p0}"));
    }

    private static String anchor(VideoFormat.Box box, boolean centered) {
        return centered ? "{\\an8\\pos(" + (box.x() + box.width() / 2) + "," + box.y() + ")}"
                : "{\\an7\\pos(" + box.x() + "," + box.y() + ")}";
    }

    private static String oneLine(String text, int widthPx, int fontPx) {
        return String.join("", wrap(clean(text), VideoFormat.charsPerLine(widthPx, fontPx), 1));
    }

    /** The part of {@code timed} inside the clip, in clip time; empty when it lies outside or is empty. */
    static java.util.Optional<Timed> clipped(Timed timed, long startMs, long endMs) {
        long from = Math.max(timed.startMs(), startMs);
        long to = Math.min(timed.endMs(), endMs);
        if (to <= from || timed.text().isBlank()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Timed(from - startMs, to - startMs, timed.text()));
    }

    /**
     * A cue as pages of at most {@code maxLines} wrapped lines (joined by the ASS line break), each timed by its share of
     * the cue's characters. Episode time in, episode time out.
     */
    static List<Timed> pages(Timed cue, int charsPerLine, int maxLines) {
        List<String> lines = wrap(clean(cue.text()), charsPerLine, Integer.MAX_VALUE);
        if (lines.isEmpty()) {
            return List.of();
        }
        List<String> pages = new ArrayList<>();
        for (int i = 0; i < lines.size(); i += maxLines) {
            pages.add(String.join("\\N", lines.subList(i, Math.min(lines.size(), i + maxLines))));
        }
        long total = pages.stream().mapToLong(String::length).sum();
        long span = cue.endMs() - cue.startMs();
        List<Timed> timed = new ArrayList<>(pages.size());
        long at = cue.startMs();
        long charsSoFar = 0;
        for (String page : pages) {
            charsSoFar += page.length();
            long until = cue.startMs() + span * charsSoFar / total;
            timed.add(new Timed(at, until, page));
            at = until;
        }
        return timed;
    }

    /**
     * Words into lines of at most {@code charsPerLine} characters (a longer word is split), at most {@code maxLines}
     * of them; when the text does not fit, the last line ends in an ellipsis.
     */
    static List<String> wrap(String text, int charsPerLine, int maxLines) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            while (word.length() > charsPerLine) {
                flush(line, lines);
                lines.add(word.substring(0, charsPerLine));
                word = word.substring(charsPerLine);
            }
            if (line.length() > 0 && line.length() + 1 + word.length() > charsPerLine) {
                flush(line, lines);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        flush(line, lines);
        if (lines.size() <= maxLines) {
            return lines;
        }
        List<String> kept = new ArrayList<>(lines.subList(0, maxLines));
        String last = kept.get(maxLines - 1);
        int room = Math.max(0, charsPerLine - ELLIPSIS.length());
        kept.set(maxLines - 1, (last.length() > room ? last.substring(0, room) : last).stripTrailing() + ELLIPSIS);
        return kept;
    }

    private static void flush(StringBuilder line, List<String> lines) {
        if (line.length() > 0) {
            lines.add(line.toString());
            line.setLength(0);
        }
    }

    /**
     * Text as libass shows it literally: no control characters or line breaks, no override blocks (braces become
     * parentheses), no escapes (a backslash becomes a set-minus sign, which looks the same), bounded.
     */
    static String clean(String text) {
        String flat = text.length() > TEXT_MAX_CHARS ? text.substring(0, TEXT_MAX_CHARS) : text;
        return flat.replaceAll("[\\p{Cntrl}\\s]+", " ").replace('{', '(').replace('}', ')').replace('\\', '∖')
                .strip();
    }

    private static String dialogue(Timed timed, String style, String text) {
        return "Dialogue: 0," + time(timed.startMs()) + "," + time(timed.endMs()) + "," + style + ",,0,0,0,," + text
                + "\n";
    }

    /** ASS time: {@code H:MM:SS.cc}, rounded to the centisecond. */
    static String time(long ms) {
        long cs = (ms + 5) / 10;
        return String.format(Locale.ROOT, "%d:%02d:%02d.%02d", cs / 360_000, cs / 6_000 % 60, cs / 100 % 60,
                cs % 100);
    }
}

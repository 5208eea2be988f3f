package dev.podclip.clip.media;

import java.util.Locale;
import java.util.Optional;

/**
 * The shapes a clip's video comes in, each with its layout in pixels (the captions script's coordinates are the
 * video's own). 720 pixels on the short side: what timelines and chat apps show; a 60 s square clip at 1080 took ~17 s
 * on 2 cores where 720 took ~7 s with the same filter graph (BENCHMARKS.md §6).
 *
 * @param widthPx          frame width
 * @param heightPx         frame height
 * @param art              where the artwork (or the generated card) goes: a square
 * @param titles           where the show and episode titles go (top left corner, width)
 * @param titlesCentered   whether the titles are centred on {@code titles}' middle rather than left-aligned
 * @param showTitlePx      font size of the show's title
 * @param episodeTitlePx   font size of the episode's title
 * @param episodeTitleLines most lines of the episode's title before it is cut with an ellipsis
 * @param chapter          where the current chapter's title goes (one line)
 * @param chapterPx        its font size
 * @param wave             the waveform band
 * @param captionPx        font size of the captions
 * @param captionLines     most lines of one caption on screen
 * @param captionMarginPx  left and right margin of the captions
 * @param captionBottomPx  distance of the captions' last line from the bottom edge
 */
public enum VideoFormat {

    SQUARE(720, 720, new Box(40, 40, 200, 200), new Box(264, 52, 416, 190), false, 24, 32, 3,
            new Box(40, 272, 640, 36), 26, new Box(0, 322, 720, 150), 36, 2, 40, 44),
    PORTRAIT(720, 1280, new Box(180, 96, 360, 360), new Box(40, 496, 640, 200), true, 28, 38, 3,
            new Box(40, 716, 640, 40), 30, new Box(0, 786, 720, 190), 42, 3, 40, 110),
    LANDSCAPE(1280, 720, new Box(60, 60, 280, 280), new Box(380, 72, 840, 230), false, 30, 42, 3,
            new Box(380, 300, 840, 40), 30, new Box(0, 370, 1280, 150), 40, 2, 60, 44);

    /** Frames per second: enough for a smooth waveform; each frame is encoder time (BENCHMARKS.md §6). */
    public static final int FRAME_RATE = 24;
    /** Height of the progress bar along the bottom edge. */
    public static final int PROGRESS_PX = 8;
    /** Average advance of a DejaVu Sans Bold glyph as a share of the font size, for wrapping before libass does. */
    static final double GLYPH_WIDTH_EM = 0.6;

    /** A rectangle in video pixels. */
    public record Box(int x, int y, int width, int height) {
        public Box {
            if (x < 0 || y < 0 || width <= 0 || height <= 0) {
                throw new IllegalArgumentException("bad box " + x + "," + y + " " + width + "x" + height);
            }
        }
    }

    private final int widthPx;
    private final int heightPx;
    private final Box art;
    private final Box titles;
    private final boolean titlesCentered;
    private final int showTitlePx;
    private final int episodeTitlePx;
    private final int episodeTitleLines;
    private final Box chapter;
    private final int chapterPx;
    private final Box wave;
    private final int captionPx;
    private final int captionLines;
    private final int captionMarginPx;
    private final int captionBottomPx;

    VideoFormat(int widthPx, int heightPx, Box art, Box titles, boolean titlesCentered, int showTitlePx,
                int episodeTitlePx, int episodeTitleLines, Box chapter, int chapterPx, Box wave, int captionPx,
                int captionLines, int captionMarginPx, int captionBottomPx) {
        this.widthPx = widthPx;
        this.heightPx = heightPx;
        this.art = art;
        this.titles = titles;
        this.titlesCentered = titlesCentered;
        this.showTitlePx = showTitlePx;
        this.episodeTitlePx = episodeTitlePx;
        this.episodeTitleLines = episodeTitleLines;
        this.chapter = chapter;
        this.chapterPx = chapterPx;
        this.wave = wave;
        this.captionPx = captionPx;
        this.captionLines = captionLines;
        this.captionMarginPx = captionMarginPx;
        this.captionBottomPx = captionBottomPx;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code square}, {@code portrait} or {@code landscape}; empty for anything else. */
    public static Optional<VideoFormat> ofWireName(String name) {
        for (VideoFormat format : values()) {
            if (format.wireName().equals(name)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    /** How many characters of text of {@code fontPx} fit on a line {@code widthPx} wide, at least one. */
    static int charsPerLine(int widthPx, int fontPx) {
        return Math.max(1, (int) (widthPx / (fontPx * GLYPH_WIDTH_EM)));
    }

    public int widthPx() {
        return widthPx;
    }

    public int heightPx() {
        return heightPx;
    }

    public Box art() {
        return art;
    }

    public Box titles() {
        return titles;
    }

    public boolean titlesCentered() {
        return titlesCentered;
    }

    public int showTitlePx() {
        return showTitlePx;
    }

    public int episodeTitlePx() {
        return episodeTitlePx;
    }

    public int episodeTitleLines() {
        return episodeTitleLines;
    }

    public Box chapter() {
        return chapter;
    }

    public int chapterPx() {
        return chapterPx;
    }

    public Box wave() {
        return wave;
    }

    public int captionPx() {
        return captionPx;
    }

    public int captionLines() {
        return captionLines;
    }

    public int captionMarginPx() {
        return captionMarginPx;
    }

    public int captionBottomPx() {
        return captionBottomPx;
    }
}

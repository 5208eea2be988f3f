package dev.podclip.clip.media;

import java.util.Locale;
import java.util.Optional;

/**
 * The colours of a clip's video, as 0xRRGGBB. {@code contrast} is for legibility first: yellow on black, as broadcast
 * captions are.
 *
 * @param backgroundRgb the frame
 * @param textRgb       titles and captions
 * @param mutedRgb      the show's title and the chapter's
 * @param accentRgb     waveform, progress bar, generated card
 * @param outlineRgb    the outline around caption glyphs, so they read over the waveform
 */
public enum VideoTheme {

    DARK(0x111827, 0xF9FAFB, 0x9CA3AF, 0x38BDF8, 0x000000),
    LIGHT(0xF8FAFC, 0x0F172A, 0x475569, 0x0284C7, 0xFFFFFF),
    CONTRAST(0x000000, 0xFFFF00, 0xFFFFFF, 0xFFFF00, 0x000000);

    private final int backgroundRgb;
    private final int textRgb;
    private final int mutedRgb;
    private final int accentRgb;
    private final int outlineRgb;

    VideoTheme(int backgroundRgb, int textRgb, int mutedRgb, int accentRgb, int outlineRgb) {
        this.backgroundRgb = backgroundRgb;
        this.textRgb = textRgb;
        this.mutedRgb = mutedRgb;
        this.accentRgb = accentRgb;
        this.outlineRgb = outlineRgb;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code dark}, {@code light} or {@code contrast}; empty for anything else. */
    public static Optional<VideoTheme> ofWireName(String name) {
        for (VideoTheme theme : values()) {
            if (theme.wireName().equals(name)) {
                return Optional.of(theme);
            }
        }
        return Optional.empty();
    }

    /** As ffmpeg writes a colour: {@code 0x38BDF8}. */
    static String ffmpegColour(int rgb) {
        return String.format(Locale.ROOT, "0x%06X", rgb);
    }

    /** As an ASS script writes a colour: blue, green, red, {@code &H00F8BD38}. */
    static String assColour(int rgb) {
        int red = (rgb >> 16) & 0xFF;
        int green = (rgb >> 8) & 0xFF;
        int blue = rgb & 0xFF;
        return String.format(Locale.ROOT, "&H00%02X%02X%02X", blue, green, red);
    }

    public int backgroundRgb() {
        return backgroundRgb;
    }

    public int textRgb() {
        return textRgb;
    }

    public int mutedRgb() {
        return mutedRgb;
    }

    public int accentRgb() {
        return accentRgb;
    }

    public int outlineRgb() {
        return outlineRgb;
    }
}

package dev.podclip.chapters;

/**
 * A timestamp in free text that a player should turn into a seek link.
 *
 * @param startMs where it points
 * @param offset  where the timestamp's text begins in the input (chars), so callers can link it in place
 * @param length  how many chars the timestamp's text covers
 */
public record Timecode(long startMs, int offset, int length) {

    public Timecode {
        if (startMs < 0 || offset < 0 || length <= 0) {
            throw new IllegalArgumentException("bad timecode " + startMs + "@" + offset + "+" + length);
        }
    }
}

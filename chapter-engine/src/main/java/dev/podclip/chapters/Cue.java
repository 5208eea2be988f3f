package dev.podclip.chapters;

import java.util.Objects;

/**
 * One transcript cue.
 *
 * @param startMs start, at least 0
 * @param endMs   end, at least {@code startMs}
 * @param text    the words, markup removed, lines joined with '\n'; never null
 * @param speaker who speaks (a WebVTT voice, a JSON {@code speaker}), or null
 */
public record Cue(long startMs, long endMs, String text, String speaker) {

    public Cue {
        Objects.requireNonNull(text, "text");
        if (startMs < 0 || endMs < startMs) {
            throw new IllegalArgumentException("bad cue times " + startMs + ".." + endMs);
        }
    }
}

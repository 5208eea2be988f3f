package dev.podclip.clip.chapters;

import java.util.Locale;

/** Where an episode's chapters came from: explicit chapters (Podcasting 2.0 JSON) win over show notes. */
public enum ChapterSource {
    EXPLICIT,
    NOTES;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ChapterSource fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}

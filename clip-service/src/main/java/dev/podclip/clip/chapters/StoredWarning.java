package dev.podclip.clip.chapters;

import dev.podclip.chapters.Warning;
import dev.podclip.chapters.WarningCode;

/**
 * An engine warning as {@code clip_chapter_warning} keeps it. The code stays its wire name: a code this engine does
 * not know (stored by a newer one) is still shown as it is; only {@link #warning()} needs to understand it.
 *
 * @param chapterIndex the chapter the warning is about, or null for the whole list
 */
public record StoredWarning(String code, String message, Integer chapterIndex) {

    public static StoredWarning of(Warning warning) {
        return new StoredWarning(warning.code().wireName(), warning.message(), warning.index());
    }

    /** The engine's warning again, for the file formats. */
    public Warning warning() {
        for (WarningCode known : WarningCode.values()) {
            if (known.wireName().equals(code)) {
                return new Warning(known, message, chapterIndex);
            }
        }
        throw new IllegalStateException("stored warning code unknown to this engine: " + code);
    }
}

package dev.podclip.clip.share;

import dev.podclip.clip.clips.ClipTimes;
import io.quarkus.qute.TemplateExtension;

/** Times for people in templates: {@code {cliptime:clock(ms)}}, {@code {cliptime:length(ms)}}. */
@TemplateExtension(namespace = "cliptime")
public final class TimeExtensions {

    private TimeExtensions() {
    }

    /** {@code 12:53}; an em dash when unknown (a last chapter of unknown end). */
    static String clock(Long ms) {
        return ms == null ? "—" : ClipTimes.clock(ms);
    }

    static String length(long ms) {
        return ClipTimes.length(ms);
    }
}

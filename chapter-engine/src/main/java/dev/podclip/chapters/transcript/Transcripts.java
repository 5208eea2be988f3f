package dev.podclip.chapters.transcript;

import dev.podclip.chapters.Chapter;
import dev.podclip.chapters.ChapterSection;
import dev.podclip.chapters.Cue;
import dev.podclip.chapters.Transcript;
import dev.podclip.chapters.TranscriptFormat;

import java.util.List;
import java.util.Optional;

/** Transcripts: WebVTT, SRT, Podcasting 2.0 JSON and HTML into cues; cues into chapters; cues back out. */
public final class Transcripts {

    private Transcripts() {
    }

    /**
     * Reads a transcript file as bytes (BOMs, UTF-16, CRLF and CR handled).
     *
     * @param format the format, or null to detect it from the content
     * @throws dev.podclip.chapters.ChapterEngineException when the file cannot be read, naming the first bad line
     */
    public static Transcript read(byte[] bytes, TranscriptFormat format) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The format the content looks like, or empty. */
    public static Optional<TranscriptFormat> detect(byte[] bytes) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * Assigns every cue to exactly one chapter, order kept, nothing lost. The rule for a cue that straddles a
     * boundary is documented in docs/engine/.
     */
    public static List<ChapterSection> assign(List<Chapter> chapters, List<Cue> cues) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Cues as WebVTT (speakers as voice tags). */
    public static String writeVtt(List<Cue> cues) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Cues as SRT (speakers as a {@code Name: } prefix). */
    public static String writeSrt(List<Cue> cues) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}

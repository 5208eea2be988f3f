package dev.podclip.chapters;

/** Transcript file formats the engine reads. */
public enum TranscriptFormat {
    /** WebVTT, {@code text/vtt}. */
    VTT,
    /** SubRip, {@code application/x-subrip} or {@code application/srt}. */
    SRT,
    /** Podcasting 2.0 JSON transcript, {@code application/json}. */
    JSON,
    /** HTML transcript as the Podcasting 2.0 namespace describes it, {@code text/html}. */
    HTML
}

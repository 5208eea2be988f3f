package dev.podclip.chapters.files;

import dev.podclip.chapters.ChapterList;
import dev.podclip.chapters.StatedDuration;
import dev.podclip.chapters.boundary.BoundaryPolicy;

/** Chapter files: Podcasting 2.0 JSON (read, write), Podlove Simple Chapters (read), WebVTT and YouTube (write). */
public final class ChapterFiles {

    private ChapterFiles() {
    }

    /** A Podcasting 2.0 JSON chapters file; lenient on common JSON slips (with {@code lenient-json}) or a clear error. */
    public static ChapterList readPodcastingJson(byte[] bytes, StatedDuration duration, BoundaryPolicy policy) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** A Podlove Simple Chapters XML document (or a feed item carrying {@code psc:chapters}). */
    public static ChapterList readPodloveSimpleChapters(byte[] bytes, StatedDuration duration, BoundaryPolicy policy) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Either format, told apart by content. */
    public static ChapterList read(byte[] bytes, StatedDuration duration, BoundaryPolicy policy) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Podcasting 2.0 JSON chapters ({@code application/json+chapters}), version 1.2.0, times in seconds. */
    public static String writePodcastingJson(ChapterList chapters) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** A WebVTT chapters track ({@code text/vtt}, {@code kind="chapters"}). */
    public static String writeWebVtt(ChapterList chapters) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The block YouTube reads from a description: one {@code M:SS Title} line a chapter, first at 0:00. */
    public static String writeYouTubeBlock(ChapterList chapters) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}

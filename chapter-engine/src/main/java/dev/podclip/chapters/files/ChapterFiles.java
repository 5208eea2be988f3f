package dev.podclip.chapters.files;

import dev.podclip.chapters.ChapterEngineException;
import dev.podclip.chapters.ChapterEngineException.ErrorCode;
import dev.podclip.chapters.ChapterList;
import dev.podclip.chapters.StatedDuration;
import dev.podclip.chapters.Warning;
import dev.podclip.chapters.boundary.Boundaries;
import dev.podclip.chapters.boundary.BoundaryPolicy;

import java.util.ArrayList;
import java.util.List;

/**
 * Chapter files: Podcasting 2.0 JSON (read, write), Podlove Simple Chapters (read), WebVTT and YouTube (write). Readers
 * turn a file into marks; {@link Boundaries#close} closes them, so files follow the same boundary rules as show notes
 * (docs/engine/chapter-files.md).
 */
public final class ChapterFiles {

    private ChapterFiles() {
    }

    /** A Podcasting 2.0 JSON chapters file; lenient on common JSON slips (with {@code lenient-json}) or a clear error. */
    public static ChapterList readPodcastingJson(byte[] bytes, StatedDuration duration, BoundaryPolicy policy) {
        return close(PodcastingJsonReader.read(bytes), duration, policy);
    }

    /** A Podlove Simple Chapters XML document (or a feed item carrying {@code psc:chapters}). */
    public static ChapterList readPodloveSimpleChapters(byte[] bytes, StatedDuration duration, BoundaryPolicy policy) {
        return close(PodloveReader.read(bytes), duration, policy);
    }

    /**
     * Podlove Simple Chapters the caller has already read from their XML (a feed parser): the same rules as
     * {@link #readPodloveSimpleChapters(byte[], StatedDuration, BoundaryPolicy)}, without writing them back to XML.
     */
    public static ChapterList readPodloveSimpleChapters(List<PodloveChapter> chapters, StatedDuration duration,
                                                        BoundaryPolicy policy) {
        return close(PodloveReader.read(chapters), duration, policy);
    }

    /** Either format, told apart by content: XML starts with '<', JSON with '{' or '['. */
    public static ChapterList read(byte[] bytes, StatedDuration duration, BoundaryPolicy policy) {
        char first = FileText.firstSignificant(bytes);
        if (first == '<') {
            return readPodloveSimpleChapters(bytes, duration, policy);
        }
        if (first == '{' || first == '[' || first == '/') {
            return readPodcastingJson(bytes, duration, policy);
        }
        throw new ChapterEngineException(ErrorCode.UNKNOWN_FORMAT,
                "neither Podcasting 2.0 JSON nor Podlove Simple Chapters XML", 1);
    }

    /**
     * Closes a file's marks. With no duration given, the end the file states for its last chapter is taken as the
     * episode's end (the file knows where its last chapter ends); a stated end that disagrees with the next start is
     * replaced by it, with {@code end-time-mismatch} (raised by {@link Boundaries#close}).
     */
    private static ChapterList close(ChapterMarks read, StatedDuration duration, BoundaryPolicy policy) {
        StatedDuration effective = duration;
        if (effective == null && read.statedLastEndMs() != null) {
            effective = StatedDuration.exactMs(read.statedLastEndMs());
        }
        ChapterList closed = Boundaries.close(read.marks(), effective, policy);
        List<Warning> warnings = new ArrayList<>(read.warnings());
        warnings.addAll(closed.warnings());
        return new ChapterList(closed.chapters(), warnings, closed.durationMs());
    }

    /** Podcasting 2.0 JSON chapters ({@code application/json+chapters}), version 1.2.0, times in seconds. */
    public static String writePodcastingJson(ChapterList chapters) {
        return ChapterWriter.podcastingJson(chapters.chapters());
    }

    /** A WebVTT chapters track ({@code text/vtt}, {@code kind="chapters"}). */
    public static String writeWebVtt(ChapterList chapters) {
        return ChapterWriter.webVtt(chapters.chapters());
    }

    /** The block YouTube reads from a description: one {@code M:SS Title} line a chapter, first at 0:00. */
    public static String writeYouTubeBlock(ChapterList chapters) {
        return ChapterWriter.youTube(chapters.chapters());
    }
}

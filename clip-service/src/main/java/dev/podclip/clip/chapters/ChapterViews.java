package dev.podclip.clip.chapters;

import dev.podclip.chapters.Chapter;
import dev.podclip.chapters.ChapterList;
import dev.podclip.chapters.Warning;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The JSON shapes of chapters, and the conversions between engine values, rows and views. Pure. */
public final class ChapterViews {

    private ChapterViews() {
    }

    /** {@code GET /api/episodes/{id}/chapters}. */
    public record EpisodeChapters(UUID episodeId, long version, String title, Long durationMs, String source,
                                  List<ChapterView> chapters, List<WarningView> warnings) {
    }

    /** One chapter; {@code endMs}/{@code durationMs} are null only for a last chapter of unknown end. */
    public record ChapterView(int index, long startMs, Long endMs, Long durationMs, String title, String url,
                              String img, boolean toc) {
    }

    /** One warning; {@code index} is the chapter it is about, or null for the whole list. */
    public record WarningView(String code, String message, Integer index) {
    }

    public static List<ChapterView> chapterViews(List<Chapter> chapters) {
        List<ChapterView> views = new ArrayList<>(chapters.size());
        for (int i = 0; i < chapters.size(); i++) {
            Chapter c = chapters.get(i);
            views.add(new ChapterView(i, c.startMs(), c.endMs(), c.durationMs(), c.title(), c.url(), c.imageUrl(),
                    c.toc()));
        }
        return views;
    }

    public static List<WarningView> warningViews(List<Warning> warnings) {
        return warnings.stream().map(StoredWarning::of).map(ChapterViews::view).toList();
    }

    public static WarningView view(StoredWarning warning) {
        return new WarningView(warning.code(), warning.message(), warning.chapterIndex());
    }

    /** The stored rows back as the engine's list, for the file formats. */
    public static ChapterList toChapterList(List<Chapter> chapters, List<StoredWarning> warnings, Long durationMs) {
        return new ChapterList(chapters, warnings.stream().map(StoredWarning::warning).toList(), durationMs);
    }
}

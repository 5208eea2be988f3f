package dev.podclip.clip.chapters;

import dev.podclip.chapters.Chapter;
import dev.podclip.chapters.ChapterList;
import dev.podclip.chapters.Warning;
import dev.podclip.chapters.WarningCode;

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
        return warnings.stream().map(w -> new WarningView(w.code().wireName(), w.message(), w.index())).toList();
    }

    public static ChapterView view(ChapterEntity row) {
        return new ChapterView(row.index, row.startMs, row.endMs, row.durationMs, row.title, row.url, row.img, row.toc);
    }

    public static WarningView view(ChapterWarningEntity row) {
        return new WarningView(row.code, row.message, row.chapterIndex);
    }

    /** The stored rows back as the engine's list, for the file formats. */
    public static ChapterList toChapterList(List<ChapterEntity> chapters, List<ChapterWarningEntity> warnings,
                                            Long durationMs) {
        List<Chapter> list = chapters.stream()
                .map(r -> new Chapter(r.startMs, r.endMs, r.title, r.url, r.img, r.toc))
                .toList();
        List<Warning> warningList = warnings.stream()
                .map(w -> new Warning(warningCode(w.code), w.message, w.chapterIndex))
                .toList();
        return new ChapterList(list, warningList, durationMs);
    }

    static WarningCode warningCode(String wireName) {
        for (WarningCode code : WarningCode.values()) {
            if (code.wireName().equals(wireName)) {
                return code;
            }
        }
        throw new IllegalStateException("stored warning code unknown to this engine: " + wireName);
    }
}

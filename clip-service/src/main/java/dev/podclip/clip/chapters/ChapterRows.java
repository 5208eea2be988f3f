package dev.podclip.clip.chapters;

import dev.podclip.chapters.Chapter;
import dev.podclip.clip.db.Jdbc;
import dev.podclip.clip.db.ListTable;

import java.util.List;

/**
 * An episode's computed chapter list as the read model keeps it, written as a whole per episode by the event applier
 * and read by everything that shows chapters: {@code clip_chapter} and {@code clip_chapter_warning}, their columns and
 * how a row maps to a value.
 */
public final class ChapterRows {

    /**
     * {@code clip_chapter} as the engine's {@link Chapter}s, {@code idx} their place. {@code duration_ms} is stored for
     * SQL's sake only: a {@link Chapter} derives it from its times.
     */
    public static final ListTable<Chapter> CHAPTERS = new ListTable<>("clip_chapter", "episode_id", "idx",
            List.of("start_ms", "end_ms", "duration_ms", "title", "url", "img", "toc"), (st, c) -> {
                st.setLong(3, c.startMs());
                Jdbc.setLong(st, 4, c.endMs());
                Jdbc.setLong(st, 5, c.durationMs());
                st.setString(6, c.title());
                st.setString(7, c.url());
                st.setString(8, c.imageUrl());
                st.setBoolean(9, c.toc());
            }, row -> new Chapter(row.getLong(2), Jdbc.getLong(row, 3), row.getString(5), row.getString(6),
                    row.getString(7), row.getBoolean(8)));

    /** {@code clip_chapter_warning}, {@code position} being the order the engine raised them in. */
    public static final ListTable<StoredWarning> WARNINGS = new ListTable<>("clip_chapter_warning", "episode_id",
            "position", List.of("code", "message", "chapter_index"), (st, w) -> {
                st.setString(3, w.code());
                st.setString(4, w.message());
                Jdbc.setInt(st, 5, w.chapterIndex());
            }, row -> new StoredWarning(row.getString(2), row.getString(3), Jdbc.getInt(row, 4)));

    private ChapterRows() {
    }
}

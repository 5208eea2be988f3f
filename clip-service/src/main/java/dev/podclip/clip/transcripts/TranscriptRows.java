package dev.podclip.clip.transcripts;

import dev.podclip.clip.db.Jdbc;
import dev.podclip.clip.db.ListTable;
import dev.podclip.clip.transcripts.TranscriptViews.CueView;
import dev.podclip.clip.transcripts.TranscriptViews.StoredCue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Episodes' transcripts as the read model keeps them, written by {@link TranscriptProjector} and read by
 * {@link TranscriptService}: {@code clip_transcript} ↔ {@link StoredTranscript} and {@code clip_transcript_cue} ↔
 * {@link StoredCue} (its {@code idx} the cue's place in the file), their columns and the statements on them.
 */
final class TranscriptRows {

    /** In the order {@link #bind} and {@link #read} number them; {@code updated_at} is the writing transaction's now(). */
    private static final String COLUMNS = "episode_id, version, format, sha256, status, error, cue_count";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM clip_transcript";
    /** {@code status} of a file whose cues were read; else 'unreadable'. */
    private static final String READABLE = "ok";

    /** The cues of each transcript, in file order. */
    static final ListTable<StoredCue> CUES = new ListTable<>("clip_transcript_cue", "episode_id", "idx",
            List.of("start_ms", "end_ms", "speaker", "text", "chapter_index"), (st, c) -> {
                st.setLong(3, c.cue().startMs());
                st.setLong(4, c.cue().endMs());
                st.setString(5, c.cue().speaker());
                st.setString(6, c.cue().text());
                Jdbc.setInt(st, 7, c.chapterIndex());
            }, TranscriptRows::readCue);

    private TranscriptRows() {
    }

    /** Writes transcripts of episodes that have none stored ({@link #deleteOf}), batched; their cues go to {@link #CUES}. */
    static void insert(Connection connection, List<StoredTranscript> rows) throws SQLException {
        Jdbc.batch(connection, "INSERT INTO clip_transcript (" + COLUMNS + ", updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, now())", rows, TranscriptRows::bind);
    }

    /** Deletes the episodes' transcripts and, by ON DELETE CASCADE, their cues. */
    static void deleteOf(Connection connection, Collection<UUID> ids) throws SQLException {
        Jdbc.updateByIds(connection, "DELETE FROM clip_transcript WHERE episode_id = ANY(?)", ids);
    }

    /** Moves stored transcripts, cues unchanged, to their episode's new version. */
    static void setVersions(Connection connection, Map<UUID, Long> versions) throws SQLException {
        Jdbc.batch(connection, "UPDATE clip_transcript SET version = ?, updated_at = now() WHERE episode_id = ?",
                new ArrayList<>(versions.entrySet()), (st, version) -> {
                    st.setLong(1, version.getValue());
                    st.setObject(2, version.getKey());
                });
    }

    /** Per episode that has a transcript stored, its row. */
    static Map<UUID, StoredTranscript> of(Connection connection, Collection<UUID> ids) throws SQLException {
        Map<UUID, StoredTranscript> rows = new HashMap<>();
        Jdbc.query(connection, SELECT + " WHERE episode_id = ANY(?)", ids,
                row -> rows.put(row.getObject(1, UUID.class), read(row)));
        return rows;
    }

    static Optional<StoredTranscript> find(Connection connection, UUID episodeId) throws SQLException {
        return Jdbc.first(connection, SELECT + " WHERE episode_id = ?", TranscriptRows::read, episodeId);
    }

    /** The stored size of the episode's cues, {@code overheadBytes} counted per cue beside its text and speaker. */
    static long storedBytes(Connection connection, UUID episodeId, int overheadBytes) throws SQLException {
        return Jdbc.list(connection, "SELECT coalesce(sum(octet_length(text) + coalesce(octet_length(speaker), 0) + "
                + overheadBytes + "), 0) FROM clip_transcript_cue WHERE episode_id = ?", row -> row.getLong(1),
                episodeId).get(0);
    }

    /** The live episode's cues overlapping {@code [startMs, endMs)} in file order, at most {@code limit}. */
    static List<StoredCue> liveCuesBetween(Connection connection, UUID episodeId, long startMs, long endMs, int limit)
            throws SQLException {
        return Jdbc.list(connection, "SELECT c.episode_id, c.start_ms, c.end_ms, c.speaker, c.text, c.chapter_index"
                + " FROM clip_transcript_cue c JOIN clip_episode e ON e.episode_id = c.episode_id"
                + " WHERE c.episode_id = ? AND NOT e.deleted AND c.start_ms < ? AND c.end_ms > ? ORDER BY c.idx LIMIT ?",
                TranscriptRows::readCue, episodeId, endMs, startMs, limit);
    }

    /**
     * The episode's cues without their texts (times and chapters are what re-segmentation reads; the texts would be
     * most of the bytes), in file order.
     */
    static List<StoredCue> cueTimes(Connection connection, UUID episodeId) throws SQLException {
        return Jdbc.list(connection, "SELECT episode_id, start_ms, end_ms, NULL, '', chapter_index"
                + " FROM clip_transcript_cue WHERE episode_id = ? ORDER BY idx", TranscriptRows::readCue, episodeId);
    }

    /** Per cue place in the file, its new chapter (null for none). */
    static void setChapters(Connection connection, UUID episodeId, Map<Integer, Integer> chapters)
            throws SQLException {
        Jdbc.batch(connection, "UPDATE clip_transcript_cue SET chapter_index = ? WHERE episode_id = ? AND idx = ?",
                new ArrayList<>(chapters.entrySet()), (st, change) -> {
                    Jdbc.setInt(st, 1, change.getValue());
                    st.setObject(2, episodeId);
                    st.setInt(3, change.getKey());
                });
    }

    private static void bind(PreparedStatement st, StoredTranscript t) throws SQLException {
        st.setObject(1, t.episodeId());
        st.setLong(2, t.version());
        st.setString(3, t.format());
        st.setString(4, t.sha256());
        st.setString(5, t.readable() ? READABLE : "unreadable");
        st.setString(6, t.error());
        st.setInt(7, t.cueCount());
    }

    private static StoredTranscript read(ResultSet row) throws SQLException {
        return new StoredTranscript(row.getObject(1, UUID.class), row.getLong(2), row.getString(3), row.getString(4),
                READABLE.equals(row.getString(5)), row.getString(6), row.getInt(7));
    }

    /** A cue from column 2 on, column 1 being its episode (the {@link ListTable} layout). */
    private static StoredCue readCue(ResultSet row) throws SQLException {
        return new StoredCue(new CueView(row.getLong(2), row.getLong(3), row.getString(4), row.getString(5)),
                Jdbc.getInt(row, 6));
    }
}

package dev.podclip.clip.transcripts;

import dev.podclip.chapters.Chapter;
import dev.podclip.chapters.ChapterEngineException;
import dev.podclip.chapters.Cue;
import dev.podclip.chapters.Transcript;
import dev.podclip.chapters.TranscriptFormat;
import dev.podclip.chapters.transcript.Transcripts;
import dev.podclip.events.EpisodeSnapshot;
import dev.podclip.events.TranscriptSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.jsoup.Jsoup;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Projects an episode's transcript and searchable texts into this feature's tables, inside the event applier's
 * transaction (so they commit with the read model or not at all). Each upsert recomputes both: a new file (another
 * SHA-256) replaces the cues everywhere; the same file is re-segmented against the version's chapters in place (only
 * cues whose chapter changed are written: re-events after a show change cost a read, not a rewrite). Never throws
 * for a bad file: a poison transcript must not stop the episode's event.
 */
@ApplicationScoped
public class TranscriptProjector {

    private static final Logger LOG = Logger.getLogger(TranscriptProjector.class);

    @Inject
    EntityManager em;

    /** After the episode row and its chapters are written for {@code episode.version()}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(EpisodeSnapshot episode, List<Chapter> chapters) {
        UUID id = episode.id();
        em.flush(); // the episode row must exist before rows referencing it go in through JDBC
        em.createNativeQuery("DELETE FROM clip_search_doc WHERE episode_id = ?1").setParameter(1, id)
                .executeUpdate();
        insertSearchDocs(id, chapters, episode.showNotes());
        TranscriptSnapshot snapshot = episode.transcript();
        if (snapshot == null) {
            em.createNativeQuery("DELETE FROM clip_transcript WHERE episode_id = ?1").setParameter(1, id)
                    .executeUpdate();
            return;
        }
        if (sameFileStored(id, snapshot)) {
            // The same file again (a re-event, a show or chapter change): keep the cues, move only what changed.
            reSegment(id, chapters);
            em.createNativeQuery("UPDATE clip_transcript SET version = ?2, updated_at = now() WHERE episode_id = ?1")
                    .setParameter(1, id).setParameter(2, episode.version()).executeUpdate();
            return;
        }
        em.createNativeQuery("DELETE FROM clip_transcript WHERE episode_id = ?1").setParameter(1, id)
                .executeUpdate();
        Parsed parsed = parse(snapshot);
        em.createNativeQuery("INSERT INTO clip_transcript (episode_id, version, format, sha256, status, error,"
                        + " cue_count, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, now())")
                .setParameter(1, id)
                .setParameter(2, episode.version())
                .setParameter(3, snapshot.format())
                .setParameter(4, snapshot.sha256())
                .setParameter(5, parsed.error == null ? "ok" : "unreadable")
                .setParameter(6, parsed.error)
                .setParameter(7, parsed.cues.size())
                .executeUpdate();
        insertCues(id, parsed.cues, Transcripts.chapterIndexes(chapters, parsed.cues));
    }

    /** Whether the stored transcript is this very file (same format and SHA-256 of the body). */
    private boolean sameFileStored(UUID id, TranscriptSnapshot snapshot) {
        return !em.createNativeQuery("SELECT 1 FROM clip_transcript WHERE episode_id = ?1 AND format = ?2"
                        + " AND sha256 = ?3")
                .setParameter(1, id).setParameter(2, snapshot.format()).setParameter(3, snapshot.sha256())
                .getResultList().isEmpty();
    }

    /** The stored cues against the version's chapters, by the same rule; only rows whose chapter changed are written. */
    @SuppressWarnings("unchecked")
    private void reSegment(UUID id, List<Chapter> chapters) {
        List<Object[]> rows = em.createNativeQuery("SELECT idx, start_ms, end_ms, chapter_index"
                        + " FROM clip_transcript_cue WHERE episode_id = ?1 ORDER BY idx")
                .setParameter(1, id).getResultList();
        List<Cue> cues = rows.stream().map(r -> new Cue(((Number) r[1]).longValue(), ((Number) r[2]).longValue(),
                "", null)).toList();
        int[] indexes = Transcripts.chapterIndexes(chapters, cues);
        List<int[]> changed = new java.util.ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Integer stored = rows.get(i)[3] == null ? null : ((Number) rows.get(i)[3]).intValue();
            Integer wanted = indexes[i] == Transcripts.NO_CHAPTER ? null : indexes[i];
            if (!java.util.Objects.equals(stored, wanted)) {
                changed.add(new int[]{((Number) rows.get(i)[0]).intValue(), indexes[i]});
            }
        }
        em.unwrap(Session.class).doWork(connection -> batch(connection, "UPDATE clip_transcript_cue"
                + " SET chapter_index = ? WHERE episode_id = ? AND idx = ?", changed.size(), (statement, i) -> {
                    int[] change = changed.get(i);
                    if (change[1] == Transcripts.NO_CHAPTER) {
                        statement.setNull(1, Types.INTEGER);
                    } else {
                        statement.setInt(1, change[1]);
                    }
                    statement.setObject(2, id);
                    statement.setInt(3, change[0]);
                }));
    }

    /** The episode is gone: so are its transcript and search texts. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void delete(UUID episodeId) {
        em.createNativeQuery("DELETE FROM clip_transcript WHERE episode_id = ?1").setParameter(1, episodeId)
                .executeUpdate();
        em.createNativeQuery("DELETE FROM clip_search_doc WHERE episode_id = ?1").setParameter(1, episodeId)
                .executeUpdate();
    }

    /** The cues of a stored transcript file, or its error. */
    static Parsed parse(TranscriptSnapshot snapshot) {
        try {
            TranscriptFormat format = TranscriptFormat.valueOf(snapshot.format().toUpperCase(Locale.ROOT));
            Transcript transcript = Transcripts.read(snapshot.body().getBytes(StandardCharsets.UTF_8), format);
            return new Parsed(transcript.cues(), null);
        } catch (ChapterEngineException | IllegalArgumentException e) {
            LOG.warnf("unreadable transcript (%s): %s", snapshot.format(), e.getMessage());
            String message = String.valueOf(e.getMessage());
            return new Parsed(List.of(), message.length() > TranscriptLimits.ERROR_MAX_CHARS
                    ? message.substring(0, TranscriptLimits.ERROR_MAX_CHARS) : message);
        }
    }

    record Parsed(List<Cue> cues, String error) {
    }

    private void insertCues(UUID id, List<Cue> cues, int[] chapterIndexes) {
        assert chapterIndexes.length == cues.size();
        em.unwrap(Session.class).doWork(connection -> batch(connection, "INSERT INTO clip_transcript_cue"
                + " (episode_id, idx, start_ms, end_ms, speaker, text, chapter_index) VALUES (?, ?, ?, ?, ?, ?, ?)",
                cues.size(), (statement, i) -> {
                    Cue cue = cues.get(i);
                    statement.setObject(1, id);
                    statement.setInt(2, i);
                    statement.setLong(3, cue.startMs());
                    statement.setLong(4, cue.endMs());
                    statement.setString(5, cue.speaker());
                    statement.setString(6, cue.text());
                    if (chapterIndexes[i] == Transcripts.NO_CHAPTER) {
                        statement.setNull(7, Types.INTEGER);
                    } else {
                        statement.setInt(7, chapterIndexes[i]);
                    }
                }));
    }

    private void insertSearchDocs(UUID id, List<Chapter> chapters, String showNotes) {
        String notes = notesText(showNotes);
        int count = chapters.size() + (notes.isBlank() ? 0 : 1);
        em.unwrap(Session.class).doWork(connection -> batch(connection, "INSERT INTO clip_search_doc"
                + " (episode_id, kind, position, chapter_index, start_ms, body) VALUES (?, ?, ?, ?, ?, ?)",
                count, (statement, i) -> {
                    statement.setObject(1, id);
                    if (i < chapters.size()) {
                        statement.setString(2, "chapter");
                        statement.setInt(3, i);
                        statement.setInt(4, i);
                        statement.setLong(5, chapters.get(i).startMs());
                        statement.setString(6, chapters.get(i).title());
                    } else {
                        statement.setString(2, "notes");
                        statement.setInt(3, 0);
                        statement.setNull(4, Types.INTEGER);
                        statement.setLong(5, 0);
                        statement.setString(6, notes);
                    }
                }));
    }

    /** Show notes as plain text (they may be HTML), bounded. */
    static String notesText(String showNotes) {
        if (showNotes == null || showNotes.isBlank()) {
            return "";
        }
        String text = Jsoup.parse(showNotes).text();
        return text.length() > TranscriptLimits.NOTES_INDEX_MAX_CHARS
                ? text.substring(0, TranscriptLimits.NOTES_INDEX_MAX_CHARS) : text;
    }

    private interface RowBinder {
        void bind(PreparedStatement statement, int row) throws SQLException;
    }

    private static void batch(Connection connection, String sql, int rows, RowBinder binder) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < rows; i++) {
                binder.bind(statement, i);
                statement.addBatch();
                if ((i + 1) % TranscriptLimits.INSERT_BATCH_ROWS == 0) {
                    statement.executeBatch();
                }
            }
            if (rows % TranscriptLimits.INSERT_BATCH_ROWS != 0) {
                statement.executeBatch();
            }
        }
    }
}

package dev.podclip.clip.transcripts;

import dev.podclip.chapters.Chapter;
import dev.podclip.chapters.ChapterEngineException;
import dev.podclip.chapters.Cue;
import dev.podclip.chapters.Transcript;
import dev.podclip.chapters.TranscriptFormat;
import dev.podclip.chapters.transcript.Transcripts;
import dev.podclip.events.EpisodeSnapshot;
import dev.podclip.events.TranscriptSnapshot;
import dev.podclip.clip.db.Jdbc;
import dev.podclip.clip.transcripts.TranscriptViews.CueView;
import dev.podclip.clip.transcripts.TranscriptViews.StoredCue;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.jsoup.Jsoup;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Projects episodes' transcripts and searchable texts into this feature's tables, on the event applier's connection
 * and transaction (so they commit with the read model or not at all), set-based for a whole batch of episodes. Each
 * upsert recomputes both: a new file (another SHA-256) replaces the cues everywhere; the same file is re-segmented
 * against the version's chapters in place (only cues whose chapter changed are written: re-events after a show change
 * cost a read, not a rewrite). Never throws for a bad file: a poison transcript must not stop the episode's event.
 */
@ApplicationScoped
public class TranscriptProjector {

    private static final Logger LOG = Logger.getLogger(TranscriptProjector.class);

    /** An upserted episode's snapshot and the chapters just computed for its version. */
    public record Projection(EpisodeSnapshot episode, List<Chapter> chapters) {
        UUID id() {
            return episode.id();
        }
    }

    /**
     * After the episode rows and their chapters are written, on the applier's connection and transaction: a fixed
     * number of statements for the whole batch, plus a re-segmentation per episode whose file did not change.
     *
     * @param searchDocsCurrent upserted episodes whose stored search texts already equal {@link #searchDocs} (a
     *                          rebuild that changed nothing there): not rewritten
     */
    public void project(Connection connection, List<Projection> upserts, List<UUID> deleted,
                        Set<UUID> searchDocsCurrent) throws SQLException {
        List<UUID> rewritten = new ArrayList<>(deleted);
        List<SearchDoc> docs = new ArrayList<>();
        for (Projection p : upserts) {
            if (!searchDocsCurrent.contains(p.id())) {
                rewritten.add(p.id());
                docs.addAll(searchDocs(p));
            }
        }
        Jdbc.updateByIds(connection, "DELETE FROM clip_search_doc WHERE episode_id = ANY(?)", rewritten);
        insertSearchDocs(connection, docs);
        Map<UUID, StoredTranscript> stored = TranscriptRows.of(connection, upserts.stream()
                .filter(p -> p.episode().transcript() != null).map(Projection::id).toList());
        List<UUID> replaced = new ArrayList<>(deleted);
        Map<UUID, Long> sameFile = new HashMap<>();
        List<Projection> newFile = new ArrayList<>();
        for (Projection p : upserts) {
            TranscriptSnapshot snapshot = p.episode().transcript();
            StoredTranscript file = stored.get(p.id());
            if (snapshot != null && file != null && fileKey(snapshot).equals(file.fileKey())) {
                // The same file again (a re-event, a show or chapter change): keep the cues, move only what changed.
                reSegment(connection, p.id(), p.chapters());
                sameFile.put(p.id(), p.episode().version());
            } else {
                replaced.add(p.id());
                if (snapshot != null) {
                    newFile.add(p);
                }
            }
        }
        TranscriptRows.deleteOf(connection, replaced);
        TranscriptRows.setVersions(connection, sameFile);
        insertTranscripts(connection, newFile);
    }

    private static String fileKey(TranscriptSnapshot snapshot) {
        return StoredTranscript.fileKey(snapshot.format(), snapshot.sha256());
    }

    /** Parses each new file (never throws for a bad one: it is stored as unreadable) and writes it with its cues. */
    private static void insertTranscripts(Connection connection, List<Projection> newFile) throws SQLException {
        List<StoredTranscript> files = new ArrayList<>(newFile.size());
        Map<UUID, List<StoredCue>> cues = new HashMap<>();
        for (Projection p : newFile) {
            TranscriptSnapshot snapshot = p.episode().transcript();
            Parsed file = parse(snapshot);
            files.add(new StoredTranscript(p.id(), p.episode().version(), snapshot.format(), snapshot.sha256(),
                    file.error() == null, file.error(), file.cues().size()));
            int[] chapterIndexes = Transcripts.chapterIndexes(p.chapters(), file.cues());
            assert chapterIndexes.length == file.cues().size();
            List<StoredCue> rows = new ArrayList<>(file.cues().size());
            for (int i = 0; i < file.cues().size(); i++) {
                Cue cue = file.cues().get(i);
                rows.add(new StoredCue(new CueView(cue.startMs(), cue.endMs(), cue.speaker(), cue.text()),
                        chapterOrNull(chapterIndexes[i])));
            }
            cues.put(p.id(), rows);
        }
        TranscriptRows.insert(connection, files);
        TranscriptRows.CUES.insert(connection, cues);
    }

    /** The stored cues against the version's chapters, by the same rule; only rows whose chapter changed are written. */
    private static void reSegment(Connection connection, UUID id, List<Chapter> chapters) throws SQLException {
        List<StoredCue> stored = TranscriptRows.cueTimes(connection, id);
        int[] indexes = Transcripts.chapterIndexes(chapters, stored.stream().map(c -> c.cue().toCue()).toList());
        Map<Integer, Integer> changed = new HashMap<>();
        for (int i = 0; i < stored.size(); i++) {
            Integer wanted = chapterOrNull(indexes[i]);
            if (!Objects.equals(stored.get(i).chapterIndex(), wanted)) {
                changed.put(i, wanted);
            }
        }
        TranscriptRows.setChapters(connection, id, changed);
    }

    private static Integer chapterOrNull(int chapterIndex) {
        return chapterIndex == Transcripts.NO_CHAPTER ? null : chapterIndex;
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

    /** One searchable text of an episode besides its cues: a chapter title, or the show notes as plain text. */
    public record SearchDoc(UUID episodeId, String kind, int position, Integer chapterIndex, long startMs,
                            String body) {
    }

    /** What {@link #project} stores as the episode's search texts: each chapter title, then the notes if any. */
    public static List<SearchDoc> searchDocs(Projection p) {
        List<SearchDoc> docs = new ArrayList<>();
        List<Chapter> chapters = p.chapters();
        for (int i = 0; i < chapters.size(); i++) {
            docs.add(new SearchDoc(p.id(), "chapter", i, i, chapters.get(i).startMs(), chapters.get(i).title()));
        }
        String notes = notesText(p.episode().showNotes());
        if (!notes.isBlank()) {
            docs.add(new SearchDoc(p.id(), "notes", 0, null, 0, notes));
        }
        return docs;
    }

    /** The stored search texts of these episodes, each list in {@link #searchDocs}' order. */
    public static Map<UUID, List<SearchDoc>> storedSearchDocs(Connection connection, Collection<UUID> ids)
            throws SQLException {
        Map<UUID, List<SearchDoc>> stored = new HashMap<>();
        // 'chapter' sorts before 'notes': the order searchDocs builds.
        Jdbc.query(connection, "SELECT episode_id, kind, position, chapter_index, start_ms, body FROM clip_search_doc"
                + " WHERE episode_id = ANY(?) ORDER BY episode_id, kind, position", ids, row -> {
                    UUID id = row.getObject(1, UUID.class);
                    stored.computeIfAbsent(id, k -> new ArrayList<>()).add(new SearchDoc(id, row.getString(2),
                            row.getInt(3), Jdbc.getInt(row, 4), row.getLong(5), row.getString(6)));
                });
        return stored;
    }

    private static void insertSearchDocs(Connection connection, List<SearchDoc> docs) throws SQLException {
        Jdbc.batch(connection, "INSERT INTO clip_search_doc (episode_id, kind, position, chapter_index, start_ms, body)"
                + " VALUES (?, ?, ?, ?, ?, ?)", docs, (st, doc) -> {
                    st.setObject(1, doc.episodeId());
                    st.setString(2, doc.kind());
                    st.setInt(3, doc.position());
                    Jdbc.setInt(st, 4, doc.chapterIndex());
                    st.setLong(5, doc.startMs());
                    st.setString(6, doc.body());
                });
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
}

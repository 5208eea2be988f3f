package dev.podclip.clip.events;

import dev.podclip.clip.chapters.ChapterChange;
import dev.podclip.chapters.Chapter;
import dev.podclip.chapters.Warning;
import dev.podclip.clip.chapters.ChapterComputation;
import dev.podclip.clip.db.Jdbc;
import dev.podclip.clip.transcripts.TranscriptProjector;
import dev.podclip.events.EpisodeEvent;
import dev.podclip.events.EpisodeEventType;
import dev.podclip.events.EpisodeSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Applies a batch of episode events to the read model inside the caller's transaction, set-based: a fixed number of
 * statements per batch (lookups by {@code = ANY(?)}, deletes by episode set, batched inserts), not per event.
 *
 * <p>Idempotent: an event id already in the consumed-event log, or a version not newer than the stored one (or than
 * an earlier event of the same batch), changes nothing. Per episode only the batch's newest applicable event is
 * written: the earlier ones' rows would be replaced in the same transaction anyway. The consumed-event rows, the
 * read-model rows and the change notifications commit together or not at all.
 */
@ApplicationScoped
public class EpisodeEventApplier {

    /** Where a committed change is announced (the chapters feature listens). */
    public static final String CHANNEL = dev.podclip.clip.chapters.ChangeListener.CHANNEL;
    /** Most events one call applies: bounds the rows one transaction locks and the size of every statement. */
    public static final int MAX_EVENTS = 5_000;

    private static final String EPISODE_COLUMNS = "episode_id, version, deleted, show_id, show_slug, show_title,"
            + " title, slug, guid, audio_url, video_url, page_url, published_at, duration_text, duration_ms,"
            + " show_notes, chapters_source, chapter_count, event_id, occurred_at, updated_at, show_image_url";
    private static final String EPISODE_VALUES = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    /** New episodes: a concurrent insert of the same id fails the batch, whose per-record retry then sees it. */
    private static final String INSERT_EPISODE = "INSERT INTO clip_episode (" + EPISODE_COLUMNS + ") VALUES "
            + EPISODE_VALUES;
    /** Known episodes, whose rows this transaction holds locked (FOR UPDATE) since it read their versions. */
    private static final String REPLACE_EPISODE = INSERT_EPISODE + " ON CONFLICT (episode_id) DO UPDATE SET"
            + " version = EXCLUDED.version, deleted = EXCLUDED.deleted, show_id = EXCLUDED.show_id,"
            + " show_slug = EXCLUDED.show_slug, show_title = EXCLUDED.show_title, title = EXCLUDED.title,"
            + " slug = EXCLUDED.slug, guid = EXCLUDED.guid, audio_url = EXCLUDED.audio_url,"
            + " video_url = EXCLUDED.video_url, page_url = EXCLUDED.page_url, published_at = EXCLUDED.published_at,"
            + " duration_text = EXCLUDED.duration_text, duration_ms = EXCLUDED.duration_ms,"
            + " show_notes = EXCLUDED.show_notes, chapters_source = EXCLUDED.chapters_source,"
            + " chapter_count = EXCLUDED.chapter_count, event_id = EXCLUDED.event_id,"
            + " occurred_at = EXCLUDED.occurred_at, updated_at = EXCLUDED.updated_at,"
            + " show_image_url = EXCLUDED.show_image_url";

    @Inject
    EntityManager em;
    @Inject
    TranscriptProjector transcripts;

    /**
     * One decoded event, the record it came from, and the W3C traceparent of its processing (null untraced), which
     * the change notification carries on to the streams.
     */
    public record Input(EpisodeEvent event, RecordRef source, String traceParent) {

        public Input(EpisodeEvent event, RecordRef source) {
            this(event, source, null);
        }
    }

    /** An episode's newest applicable event of the batch, with its chapters computed when it is an upsert. */
    private record Write(EpisodeEvent event, boolean known, ChapterComputation.Computed computed) {
        boolean deleted() {
            return event.type() == EpisodeEventType.DELETED;
        }

        UUID episodeId() {
            return event.episodeId();
        }
    }

    /**
     * @param recompute true for a rebuild: the event-id log is not consulted and an event at the stored version is
     *                  applied again (chapters recomputed with the current engine); older ones stay stale
     * @return one outcome per input, in input order
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<ApplyOutcome> apply(List<Input> inputs, boolean recompute) {
        if (inputs.size() > MAX_EVENTS) {
            throw new IllegalStateException(inputs.size() + " events in one batch; at most " + MAX_EVENTS);
        }
        if (inputs.isEmpty()) {
            return List.of();
        }
        em.flush(); // nothing of the persistence context may be written after these statements
        return em.unwrap(Session.class).doReturningWork(connection -> applyAll(connection, inputs, recompute));
    }

    private List<ApplyOutcome> applyAll(Connection connection, List<Input> inputs, boolean recompute)
            throws SQLException {
        Set<UUID> consumed = recompute ? Set.of() : Jdbc.selectIds(connection,
                "SELECT event_id FROM clip_consumed_event WHERE event_id = ANY(?)",
                inputs.stream().map(i -> i.event().eventId()).toList());
        Map<UUID, Long> stored = lockVersions(connection, inputs);
        List<ApplyOutcome> outcomes = new ArrayList<>(inputs.size());
        Map<UUID, EpisodeEvent> newest = decide(inputs, recompute, consumed, stored, outcomes);
        List<Write> writes = new ArrayList<>(newest.size());
        for (EpisodeEvent event : newest.values()) {
            writes.add(new Write(event, stored.containsKey(event.episodeId()), computeChapters(event)));
        }
        Set<UUID> current = recompute
                ? RebuildComparison.current(connection, rebuildCandidates(writes, stored))
                : Set.of();
        writeEpisodes(connection, writes);
        writeChildren(connection, writes, current);
        projectTranscripts(connection, writes, current);
        notifyChanges(connection, writes, current, inputs);
        logConsumed(connection, inputs, outcomes);
        assert outcomes.size() == inputs.size();
        return outcomes;
    }

    /**
     * A rebuild's candidates for "nothing changed": upserts of the stored version, whose rows may already be what the
     * current rules compute (the point of a rebuild is to find the ones that are not).
     */
    private static List<RebuildComparison.Candidate> rebuildCandidates(List<Write> writes,
                                                                       Map<UUID, Long> stored) {
        List<RebuildComparison.Candidate> candidates = new ArrayList<>();
        for (Write w : writes) {
            Long version = stored.get(w.episodeId());
            if (!w.deleted() && version != null && version == w.event().episodeVersion()) {
                candidates.add(new RebuildComparison.Candidate(new TranscriptProjector.Projection(w.event().episode(),
                        w.computed().list().chapters()), w.computed().list().warnings()));
            }
        }
        return candidates;
    }

    /** The stored versions of the batch's episodes, their rows locked in id order (no deadlock between batches). */
    private static Map<UUID, Long> lockVersions(Connection connection, List<Input> inputs) throws SQLException {
        Set<UUID> ids = new HashSet<>();
        inputs.forEach(i -> ids.add(i.event().episodeId()));
        Map<UUID, Long> versions = new HashMap<>();
        Jdbc.query(connection, "SELECT episode_id, version FROM clip_episode WHERE episode_id = ANY(?)"
                        + " ORDER BY episode_id FOR UPDATE", ids,
                row -> versions.put(row.getObject(1, UUID.class), row.getLong(2)));
        return versions;
    }

    /**
     * The outcome of each input, in order, as if applied one after another; returns per episode the newest event to
     * write (insertion order kept, so writes follow the batch).
     */
    static Map<UUID, EpisodeEvent> decide(List<Input> inputs, boolean recompute, Set<UUID> consumed,
                                          Map<UUID, Long> stored, List<ApplyOutcome> outcomes) {
        Set<UUID> seen = new HashSet<>(consumed);
        Map<UUID, Long> versions = new HashMap<>(stored);
        Map<UUID, EpisodeEvent> newest = new LinkedHashMap<>();
        for (Input input : inputs) {
            EpisodeEvent event = input.event();
            if (!recompute && !seen.add(event.eventId())) {
                outcomes.add(ApplyOutcome.DUPLICATE);
                continue;
            }
            Long current = versions.get(event.episodeId());
            boolean stale = current != null && (recompute
                    ? event.episodeVersion() < current
                    : event.episodeVersion() <= current);
            if (stale) {
                outcomes.add(ApplyOutcome.STALE);
                continue;
            }
            versions.put(event.episodeId(), event.episodeVersion());
            newest.remove(event.episodeId()); // re-insert: the write goes where its newest event is
            newest.put(event.episodeId(), event);
            outcomes.add(ApplyOutcome.APPLIED);
        }
        return newest;
    }

    private static ChapterComputation.Computed computeChapters(EpisodeEvent event) {
        if (event.type() != EpisodeEventType.UPSERTED) {
            return null;
        }
        EpisodeSnapshot s = event.episode();
        return ChapterComputation.compute(s.showNotes(), s.chaptersJson(),
                ChapterComputation.statedDuration(s.durationMs(), s.durationText()));
    }

    private static void writeEpisodes(Connection connection, List<Write> writes) throws SQLException {
        Instant now = Instant.now();
        Jdbc.batch(connection, INSERT_EPISODE, writes.stream().filter(w -> !w.known()).toList(),
                (statement, w) -> bindEpisode(statement, w, now));
        Jdbc.batch(connection, REPLACE_EPISODE, writes.stream().filter(Write::known).toList(),
                (statement, w) -> bindEpisode(statement, w, now));
    }

    /** A deleted episode keeps its row as a marker (snapshot fields null) so older upserts cannot revive it. */
    private static void bindEpisode(PreparedStatement st, Write w, Instant now) throws SQLException {
        EpisodeEvent event = w.event();
        EpisodeSnapshot s = w.deleted() ? null : event.episode();
        st.setObject(1, event.episodeId());
        st.setLong(2, event.episodeVersion());
        st.setBoolean(3, w.deleted());
        st.setObject(4, s == null ? null : s.show().id());
        st.setString(5, s == null ? null : s.show().slug());
        st.setString(6, s == null ? null : s.show().title());
        st.setString(7, s == null ? null : s.title());
        st.setString(8, s == null ? null : s.slug());
        st.setString(9, s == null ? null : s.guid());
        st.setString(10, s == null ? null : s.audioUrl());
        st.setString(11, s == null ? null : s.videoUrl());
        st.setString(12, s == null ? null : s.pageUrl());
        Jdbc.setInstant(st, 13, s == null ? null : s.publishedAt());
        st.setString(14, s == null ? null : s.durationText());
        Jdbc.setLong(st, 15, s == null ? null : s.durationMs());
        st.setString(16, s == null ? null : s.showNotes());
        st.setString(17, s == null ? null : w.computed().source().wireName());
        st.setInt(18, s == null ? 0 : w.computed().list().chapters().size());
        st.setObject(19, event.eventId());
        Jdbc.setInstant(st, 20, event.occurredAt());
        Jdbc.setInstant(st, 21, now);
        st.setString(22, s == null ? null : s.show().imageUrl());
    }

    /**
     * Chapters and warnings are replaced as a whole: old rows of every known episode out, the new ones in; except
     * where a rebuild found them {@code current} already.
     */
    private static void writeChildren(Connection connection, List<Write> writes, Set<UUID> current)
            throws SQLException {
        List<UUID> known = writes.stream().filter(w -> w.known() && !current.contains(w.episodeId()))
                .map(Write::episodeId).toList();
        Jdbc.updateByIds(connection, "DELETE FROM clip_chapter WHERE episode_id = ANY(?)", known);
        Jdbc.updateByIds(connection, "DELETE FROM clip_chapter_warning WHERE episode_id = ANY(?)", known);
        List<ChapterRow> chapters = new ArrayList<>();
        List<WarningRow> warnings = new ArrayList<>();
        for (Write w : writes) {
            if (w.deleted() || current.contains(w.episodeId())) {
                continue;
            }
            List<Chapter> list = w.computed().list().chapters();
            for (int i = 0; i < list.size(); i++) {
                chapters.add(new ChapterRow(w.episodeId(), i, list.get(i)));
            }
            List<Warning> raised = w.computed().list().warnings();
            for (int i = 0; i < raised.size(); i++) {
                warnings.add(new WarningRow(w.episodeId(), i, raised.get(i)));
            }
        }
        Jdbc.batch(connection, "INSERT INTO clip_chapter (episode_id, idx, start_ms, end_ms, duration_ms, title, url,"
                + " img, toc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", chapters, (st, row) -> {
                    Chapter c = row.chapter();
                    st.setObject(1, row.episodeId());
                    st.setInt(2, row.index());
                    st.setLong(3, c.startMs());
                    Jdbc.setLong(st, 4, c.endMs());
                    Jdbc.setLong(st, 5, c.durationMs());
                    st.setString(6, c.title());
                    st.setString(7, c.url());
                    st.setString(8, c.imageUrl());
                    st.setBoolean(9, c.toc());
                });
        Jdbc.batch(connection, "INSERT INTO clip_chapter_warning (episode_id, position, code, message, chapter_index)"
                + " VALUES (?, ?, ?, ?, ?)", warnings, (st, row) -> {
                    st.setObject(1, row.episodeId());
                    st.setInt(2, row.position());
                    st.setString(3, row.warning().code().wireName());
                    st.setString(4, row.warning().message());
                    Jdbc.setInt(st, 5, row.warning().index());
                });
    }

    private record ChapterRow(UUID episodeId, int index, Chapter chapter) {
    }

    private record WarningRow(UUID episodeId, int position, Warning warning) {
    }

    private void projectTranscripts(Connection connection, List<Write> writes, Set<UUID> current)
            throws SQLException {
        List<TranscriptProjector.Projection> upserts = new ArrayList<>();
        List<UUID> deleted = new ArrayList<>();
        for (Write w : writes) {
            if (w.deleted()) {
                deleted.add(w.episodeId());
            } else {
                upserts.add(new TranscriptProjector.Projection(w.event().episode(), w.computed().list().chapters()));
            }
        }
        transcripts.project(connection, upserts, deleted, current);
    }

    /**
     * One statement; PostgreSQL delivers the notifications to every listener when (and only if) this commits. An
     * episode a rebuild found {@code current} changed nothing a listener shows: no notification. Each payload
     * carries the trace of the event that made the change and the catalog's commit time of it
     * ({@link ChapterChange#payload}), so a stream client can time commit → chapters queryable.
     */
    private static void notifyChanges(Connection connection, List<Write> writes, Set<UUID> current,
                                      List<Input> inputs) throws SQLException {
        Map<UUID, String> traceParents = new HashMap<>();
        for (Input input : inputs) {
            if (input.traceParent() != null) {
                traceParents.put(input.event().eventId(), input.traceParent());
            }
        }
        Object[] payloads = writes.stream().filter(w -> !current.contains(w.episodeId()))
                .map(w -> new ChapterChange(w.episodeId(), w.event().episodeVersion(),
                        traceParents.get(w.event().eventId()), w.event().occurredAt().toEpochMilli()).payload())
                .toArray();
        if (payloads.length == 0) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT count(pg_notify(?, payload)) FROM unnest(?::text[]) AS payload")) {
            statement.setString(1, CHANNEL);
            statement.setArray(2, connection.createArrayOf("text", payloads));
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
            }
        }
    }

    /** Every applied or stale event is logged; a duplicate was logged when it was first seen. */
    private static void logConsumed(Connection connection, List<Input> inputs, List<ApplyOutcome> outcomes)
            throws SQLException {
        List<Integer> logged = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            if (outcomes.get(i) != ApplyOutcome.DUPLICATE) {
                logged.add(i);
            }
        }
        Jdbc.batch(connection, "INSERT INTO clip_consumed_event (event_id, episode_id, episode_version, event_type,"
                + " outcome, topic, partition_no, record_offset, consumed_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, now()) ON CONFLICT (event_id) DO NOTHING", logged, (st, i) -> {
                    EpisodeEvent event = inputs.get(i).event();
                    RecordRef source = inputs.get(i).source();
                    st.setObject(1, event.eventId());
                    st.setObject(2, event.episodeId());
                    st.setLong(3, event.episodeVersion());
                    st.setString(4, event.type().wireName());
                    st.setString(5, outcomes.get(i).tag());
                    st.setString(6, source.topic());
                    st.setInt(7, source.partition());
                    st.setLong(8, source.offset());
                });
    }
}

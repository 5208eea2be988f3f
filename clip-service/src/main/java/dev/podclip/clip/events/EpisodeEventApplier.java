package dev.podclip.clip.events;

import dev.podclip.chapters.Chapter;
import dev.podclip.clip.chapters.ChapterChange;
import dev.podclip.clip.chapters.ChapterComputation;
import dev.podclip.clip.chapters.ChapterRows;
import dev.podclip.clip.chapters.StoredWarning;
import dev.podclip.clip.db.Database;
import dev.podclip.clip.db.Jdbc;
import dev.podclip.clip.episodes.EpisodeRows;
import dev.podclip.clip.episodes.StoredEpisode;
import dev.podclip.clip.transcripts.TranscriptProjector;
import dev.podclip.events.EpisodeEvent;
import dev.podclip.events.EpisodeEventType;
import dev.podclip.events.EpisodeSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

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

    @Inject
    Database db;
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
        return db.call(connection -> applyAll(connection, inputs, recompute));
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

    /** The stored versions of the batch's episodes, their rows locked. */
    private static Map<UUID, Long> lockVersions(Connection connection, List<Input> inputs) throws SQLException {
        Set<UUID> ids = new HashSet<>();
        inputs.forEach(i -> ids.add(i.event().episodeId()));
        return EpisodeRows.lockVersions(connection, ids);
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
        EpisodeRows.insert(connection, writes.stream().filter(w -> !w.known()).map(w -> row(w, now)).toList());
        EpisodeRows.replace(connection, writes.stream().filter(Write::known).map(w -> row(w, now)).toList());
    }

    /** A deleted episode keeps its row as a marker (snapshot fields null) so older upserts cannot revive it. */
    private static StoredEpisode row(Write w, Instant now) {
        EpisodeEvent event = w.event();
        if (w.deleted()) {
            return StoredEpisode.tombstone(event.episodeId(), event.episodeVersion(), event.eventId(),
                    event.occurredAt(), now);
        }
        EpisodeSnapshot s = event.episode();
        return new StoredEpisode(event.episodeId(), event.episodeVersion(), false, s.show().id(), s.show().slug(),
                s.show().title(), s.title(), s.slug(), s.guid(), s.audioUrl(), s.videoUrl(), s.pageUrl(),
                s.publishedAt(), s.durationText(), s.durationMs(), s.showNotes(), w.computed().source().wireName(),
                w.computed().list().chapters().size(), event.eventId(), event.occurredAt(), now, s.show().imageUrl());
    }

    /**
     * Chapters and warnings are replaced as a whole: old rows of every known episode out, the new ones in; except
     * where a rebuild found them {@code current} already.
     */
    private static void writeChildren(Connection connection, List<Write> writes, Set<UUID> current)
            throws SQLException {
        List<UUID> known = writes.stream().filter(w -> w.known() && !current.contains(w.episodeId()))
                .map(Write::episodeId).toList();
        ChapterRows.CHAPTERS.deleteOf(connection, known);
        ChapterRows.WARNINGS.deleteOf(connection, known);
        Map<UUID, List<Chapter>> chapters = new LinkedHashMap<>();
        Map<UUID, List<StoredWarning>> warnings = new LinkedHashMap<>();
        for (Write w : writes) {
            if (!w.deleted() && !current.contains(w.episodeId())) {
                chapters.put(w.episodeId(), w.computed().list().chapters());
                warnings.put(w.episodeId(), w.computed().list().warnings().stream().map(StoredWarning::of).toList());
            }
        }
        ChapterRows.CHAPTERS.insert(connection, chapters);
        ChapterRows.WARNINGS.insert(connection, warnings);
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

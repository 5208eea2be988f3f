package dev.podclip.faults;

import dev.podclip.chapters.Chapter;
import dev.podclip.chapters.ChapterList;
import dev.podclip.chapters.StatedDuration;
import dev.podclip.chapters.boundary.BoundaryPolicy;
import dev.podclip.chapters.notes.ShowNotes;
import dev.podclip.chapters.time.Durations;
import dev.podclip.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Checks the whole product against the catalog as the source of truth, once the load has stopped and the pipeline had
 * time to drain: nothing stuck in the outbox or parked; every catalog episode in clip-service at the catalog's version
 * with the chapters the engine computes from the catalog's notes; every acknowledged write reflected; every deleted
 * episode gone; no two different events with one version on the topic and versions per key never going down; nothing
 * applied twice; nothing on the dead-letter topic. Returns the violations (empty: all good).
 */
final class Checker {

    static final Duration CONVERGE_TIMEOUT = Duration.ofSeconds(90);
    static final String DLQ_TOPIC = "clip-service.episodes.dlq";

    private final FaultStack stack;

    Checker(FaultStack stack) {
        this.stack = stack;
    }

    /** What the check found, and how long the pipeline took to converge after the load stopped. */
    record Verdict(List<String> violations, long convergeMs, int episodes, int deleted, long topicRecords) {
    }

    Verdict check(String showId, Map<UUID, Workload.Acked> acked) throws SQLException {
        long startNs = System.nanoTime();
        List<String> violations = new ArrayList<>();
        Map<UUID, CatalogEpisode> truth = Map.of();
        Map<UUID, ClipEpisode> clip = Map.of();
        long outbox = -1;
        long parked = -1;
        while (System.nanoTime() - startNs < CONVERGE_TIMEOUT.toNanos()) {
            try (Connection catalog = stack.postgres.connect(FaultStack.CATALOG_DB);
                 Connection clipDb = stack.postgres.connect(FaultStack.CLIP_DB)) {
                outbox = count(catalog, "SELECT count(*) FROM outbox_events");
                parked = count(catalog, "SELECT count(*) FROM outbox_parked");
                truth = catalogEpisodes(catalog, showId);
                clip = clipEpisodes(clipDb, truth.keySet(), acked.keySet());
            }
            if (outbox == 0 && converged(truth, clip, acked)) {
                break;
            }
            Workload.sleep(250);
        }
        long convergeMs = (System.nanoTime() - startNs) / 1_000_000;
        if (outbox != 0) {
            violations.add(outbox + " rows still in the outbox after " + convergeMs + " ms");
        }
        if (parked != 0) {
            violations.add(parked + " rows parked (the broker refused valid events)");
        }
        compare(truth, clip, acked, violations);
        try (Connection clipDb = stack.postgres.connect(FaultStack.CLIP_DB)) {
            chapters(clipDb, truth, violations);
            appliedOnceInOrder(clipDb, violations);
        }
        long records = topic(violations);
        long deadLetters = countRecords(DLQ_TOPIC);
        if (deadLetters > 0) {
            violations.add(deadLetters + " records on the dead-letter topic (every event of the load is valid)");
        }
        int deleted = (int) acked.values().stream().filter(Workload.Acked::deleted).count();
        return new Verdict(violations, convergeMs, truth.size(), deleted, records);
    }

    record CatalogEpisode(UUID id, long version, String notes, String durationText, Long durationMs) {
    }

    record ClipEpisode(UUID id, long version, boolean deleted) {
    }

    private static boolean converged(Map<UUID, CatalogEpisode> truth, Map<UUID, ClipEpisode> clip,
                                     Map<UUID, Workload.Acked> acked) {
        for (CatalogEpisode episode : truth.values()) {
            ClipEpisode seen = clip.get(episode.id());
            if (seen == null || seen.deleted() || seen.version() != episode.version()) {
                return false;
            }
        }
        for (Workload.Acked write : acked.values()) {
            if (write.deleted() && !truth.containsKey(write.episodeId())) {
                ClipEpisode seen = clip.get(write.episodeId());
                if (seen != null && !seen.deleted()) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void compare(Map<UUID, CatalogEpisode> truth, Map<UUID, ClipEpisode> clip,
                                Map<UUID, Workload.Acked> acked, List<String> violations) {
        for (CatalogEpisode episode : truth.values()) {
            ClipEpisode seen = clip.get(episode.id());
            if (seen == null || seen.deleted()) {
                violations.add("episode " + episode.id() + " v" + episode.version() + " is missing in clip-service");
            } else if (seen.version() != episode.version()) {
                violations.add("episode " + episode.id() + " is at v" + seen.version() + " in clip-service, v"
                        + episode.version() + " in the catalog");
            }
        }
        for (ClipEpisode seen : clip.values()) {
            if (!seen.deleted() && !truth.containsKey(seen.id())) {
                violations.add("episode " + seen.id() + " lives on in clip-service but not in the catalog");
            }
        }
        for (Workload.Acked write : acked.values()) {
            CatalogEpisode now = truth.get(write.episodeId());
            if (write.deleted() && now != null) {
                violations.add("acknowledged delete of " + write.episodeId() + " did not happen in the catalog");
            } else if (!write.deleted() && (now == null || now.version() < write.version())) {
                violations.add("acknowledged write " + write.episodeId() + " v" + write.version()
                        + " is not in the catalog");
            }
        }
    }

    /** The chapters clip-service stores for each episode are those the engine computes from the catalog's notes. */
    private static void chapters(Connection clipDb, Map<UUID, CatalogEpisode> truth, List<String> violations)
            throws SQLException {
        Map<UUID, List<String>> stored = new HashMap<>();
        try (PreparedStatement statement = clipDb.prepareStatement(
                "SELECT episode_id, start_ms, title FROM clip_chapter ORDER BY episode_id, idx");
             ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                stored.computeIfAbsent(row.getObject(1, UUID.class), id -> new ArrayList<>())
                        .add(row.getLong(2) + " " + row.getString(3));
            }
        }
        for (CatalogEpisode episode : truth.values()) {
            ChapterList expected = ShowNotes.parseChapters(episode.notes() == null ? "" : episode.notes(),
                    stated(episode.durationMs(), episode.durationText()), BoundaryPolicy.DEFAULTS);
            List<String> want = new ArrayList<>();
            for (Chapter chapter : expected.chapters()) {
                want.add(chapter.startMs() + " " + chapter.title());
            }
            List<String> have = stored.getOrDefault(episode.id(), List.of());
            if (!want.equals(have)) {
                violations.add("episode " + episode.id() + " has chapters " + have + " in clip-service, the engine"
                        + " computes " + want);
            }
        }
    }

    /** As clip-service's ChapterComputation: the measured duration with the stated text's slack. */
    private static StatedDuration stated(Long durationMs, String durationText) {
        Optional<StatedDuration> parsed = Durations.parseHuman(durationText);
        if (durationMs == null) {
            return parsed.orElse(null);
        }
        return new StatedDuration(durationMs, parsed.map(StatedDuration::slackMs).orElse(0L), durationText);
    }

    /** No (episode, version) applied twice; applied versions of an episode rise in the order they were consumed. */
    private static void appliedOnceInOrder(Connection clipDb, List<String> violations) throws SQLException {
        try (PreparedStatement statement = clipDb.prepareStatement("SELECT episode_id, episode_version, count(*)"
                + " FROM clip_consumed_event WHERE outcome = 'applied' GROUP BY 1, 2 HAVING count(*) > 1");
             ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                violations.add("episode " + row.getObject(1) + " v" + row.getLong(2) + " applied " + row.getLong(3)
                        + " times");
            }
        }
        Map<UUID, Long> last = new HashMap<>();
        try (PreparedStatement statement = clipDb.prepareStatement("SELECT episode_id, episode_version"
                + " FROM clip_consumed_event WHERE outcome = 'applied' AND topic = ?"
                + " ORDER BY partition_no, record_offset")) {
            statement.setString(1, Topics.EPISODES);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    UUID id = row.getObject(1, UUID.class);
                    long version = row.getLong(2);
                    Long before = last.put(id, version);
                    if (before != null && before >= version) {
                        violations.add("episode " + id + " applied v" + version + " after v" + before);
                    }
                }
            }
        }
    }

    /**
     * The topic, read whole through the broker's own listener: per key, versions never go down in offset order, and
     * one version is never two different events (a lost update would publish two events with one version).
     */
    private long topic(List<String> violations) {
        Map<String, Long> lastVersion = new HashMap<>();
        Map<String, Set<String>> eventsPerVersion = new HashMap<>();
        long[] count = {0};
        readAll(Topics.EPISODES, record -> {
            count[0]++;
            String key = new String(record.key(), StandardCharsets.UTF_8);
            long version = Long.parseLong(header(record, Topics.HEADER_EPISODE_VERSION));
            Long before = lastVersion.put(key, version);
            if (before != null && version < before) {
                violations.add("topic: episode " + key + " v" + version + " after v" + before + " at offset "
                        + record.offset());
            }
            String eventId = header(record, Topics.HEADER_EVENT_ID);
            if (eventId != null) {
                Set<String> ids = eventsPerVersion.computeIfAbsent(key + "@" + version, k -> new HashSet<>());
                ids.add(eventId);
                if (ids.size() == 2) {
                    violations.add("topic: episode " + key + " v" + version + " published as two different events");
                }
            }
        });
        return count[0];
    }

    private long countRecords(String topic) {
        long[] count = {0};
        readAll(topic, record -> count[0]++);
        return count[0];
    }

    private void readAll(String topic, java.util.function.Consumer<ConsumerRecord<byte[], byte[]>> each) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.broker.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Topics.MAX_RECORD_BYTES + 65_536);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            if (infos == null || infos.isEmpty()) {
                return;
            }
            List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            long deadlineNs = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
                    && System.nanoTime() < deadlineNs) {
                consumer.poll(Duration.ofMillis(200)).forEach(each);
            }
        }
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private static Map<UUID, CatalogEpisode> catalogEpisodes(Connection catalog, String showId) throws SQLException {
        Map<UUID, CatalogEpisode> episodes = new HashMap<>();
        try (PreparedStatement statement = catalog.prepareStatement("SELECT id, version, show_notes, duration_text,"
                + " duration_ms FROM episodes WHERE show_id = ?")) {
            statement.setObject(1, UUID.fromString(showId));
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    UUID id = row.getObject(1, UUID.class);
                    episodes.put(id, new CatalogEpisode(id, row.getLong(2), row.getString(3), row.getString(4),
                            (Long) row.getObject(5)));
                }
            }
        }
        return episodes;
    }

    private static Map<UUID, ClipEpisode> clipEpisodes(Connection clip, Set<UUID> live, Set<UUID> written)
            throws SQLException {
        Set<UUID> wanted = new HashSet<>(live);
        wanted.addAll(written);
        Map<UUID, ClipEpisode> episodes = new HashMap<>();
        try (PreparedStatement statement = clip.prepareStatement("SELECT episode_id, version, deleted FROM clip_episode"
                + " WHERE episode_id = ANY(?)")) {
            statement.setArray(1, clip.createArrayOf("uuid", wanted.toArray()));
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    UUID id = row.getObject(1, UUID.class);
                    episodes.put(id, new ClipEpisode(id, row.getLong(2), row.getBoolean(3)));
                }
            }
        }
        return episodes;
    }

    @Override
    public String toString() {
        return "Checker[" + Objects.toString(stack) + "]";
    }
}

package dev.podclip.bench.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podclip.events.EpisodeEvent;
import dev.podclip.events.EpisodeEventCodec;
import dev.podclip.events.EpisodeSnapshot;
import dev.podclip.events.ShowSnapshot;
import dev.podclip.events.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * Read-model throughput from the topic: writes N upsert events (distinct episodes, seed show notes) straight to
 * {@code catalog.episodes.v1}, times clip-service's live consumer through them, then asks clip-service to rebuild its
 * read model from the whole topic and reports the rebuild's rate.
 *
 * <p>A rebuild compares before it writes: an episode whose recomputed chapters equal the stored ones is not
 * rewritten, so a rebuild right after the fill measures the path where nothing changed. With {@code --changed} the
 * driver then makes every stored chapter list differ (one transaction against clip-service's database, as an engine
 * change would: every live episode's first chapter title gets a suffix, an episode without chapters gets one), rebuilds
 * again, checks that no altered row survived, and reports both paths side by side.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar dev.podclip.bench.flow.RebuildDriver --bootstrap HOST:PORT
 * --clip URL --token ADMIN_JWT [--events 100000] [--changed [--db JDBC_URL] [--db-user USER] [--db-password PW]]}
 */
public final class RebuildDriver {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration POLL = Duration.ofSeconds(1);
    static final Duration MAX_WAIT = Duration.ofMinutes(30);
    /** Appended to stored chapter titles (and the title of an added chapter): no engine output ends with it. */
    static final String STALE = " [stale]";
    /** Every live episode's stored chapter list differs from what the engine derives: its first title is altered. */
    static final String ALTER_FIRST_TITLES = "UPDATE clip_chapter c SET title = c.title || '" + STALE + "'"
            + " FROM clip_episode e WHERE e.episode_id = c.episode_id AND NOT e.deleted AND c.idx = 0";
    /** ... and a live episode without chapters gets one. */
    static final String ADD_CHAPTER_TO_EMPTY = "INSERT INTO clip_chapter (episode_id, idx, start_ms, title, toc)"
            + " SELECT e.episode_id, 0, 0, '" + STALE.trim() + "', false FROM clip_episode e WHERE NOT e.deleted"
            + " AND NOT EXISTS (SELECT 1 FROM clip_chapter c WHERE c.episode_id = e.episode_id)";
    static final String COUNT_STALE = "SELECT count(*) FROM clip_chapter WHERE idx = 0 AND (title LIKE '%"
            + STALE + "' OR title = '" + STALE.trim() + "')";

    /** One rebuild's figures, from its status resource. */
    record Rebuilt(String path, long episodesAltered, JsonNode status) {
        long eventsApplied() {
            return status.path("eventsApplied").asLong();
        }

        long elapsedMs() {
            return Duration.between(Instant.parse(status.path("startedAt").asText()),
                    Instant.parse(status.path("finishedAt").asText())).toMillis();
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = CommitToChaptersDriver.Options.parse(args);
        int events = Integer.parseInt(options.getOrDefault("events", "100000"));
        String clip = options.get("clip");
        String token = options.get("token");
        boolean changed = Boolean.parseBoolean(options.getOrDefault("changed", "false"));
        JsonNode demo = JSON.readTree(Path.of(options.getOrDefault("data", "demo/database-school.json")).toFile());
        List<String> notes = new ArrayList<>();
        demo.get("episodes").forEach(e -> notes.add(e.get("showNotes").asText()));
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(MAX_WAIT);

        if (events > 0) {
            double appliedBefore = applied(http, clip);
            long produceStart = System.nanoTime();
            produce(options.get("bootstrap"), events, notes);
            double produceSeconds = (System.nanoTime() - produceStart) / 1e9;
            System.out.printf("produced %d events in %.1f s (%.0f/s)%n", events, produceSeconds,
                    events / produceSeconds);
            while (applied(http, clip) - appliedBefore < events && Instant.now().isBefore(deadline)) {
                Thread.sleep(POLL.toMillis());
            }
            double liveSeconds = (System.nanoTime() - produceStart) / 1e9;
            System.out.printf("live consumer applied them %.1f s after the first send (%.0f events/s end to end)%n",
                    liveSeconds, events / liveSeconds);
        }

        List<Rebuilt> rebuilds = new ArrayList<>();
        rebuilds.add(new Rebuilt("no change: stored chapters equal the recomputed ones", 0,
                rebuild(http, clip, token, deadline)));
        if (changed) {
            String db = options.getOrDefault("db", "jdbc:postgresql://127.0.0.1:5432/podclip_clip");
            Properties login = new Properties();
            login.setProperty("user", options.getOrDefault("db-user", "postgres"));
            String password = options.getOrDefault("db-password", System.getenv("PGPASSWORD"));
            if (password != null) {
                login.setProperty("password", password);
            }
            try (Connection connection = DriverManager.getConnection(db, login)) {
                long altered = makeEveryChapterListDiffer(connection);
                rebuilds.add(new Rebuilt("changed engine: every stored chapter list differs", altered,
                        rebuild(http, clip, token, deadline)));
                long stale = count(connection, COUNT_STALE);
                System.out.printf("altered chapter lists left after the rebuild: %d%s%n", stale,
                        stale == 0 ? "" : " (the rebuild did not rewrite them: its figures are not the changed path)");
            }
        }

        System.out.println();
        System.out.println("| rebuild path | episodes altered first | events applied | time s | events/s |");
        System.out.println("|---|---|---|---|---|");
        for (Rebuilt r : rebuilds) {
            System.out.printf("| %s | %d | %d | %.1f | %.0f |%n", r.path(), r.episodesAltered(), r.eventsApplied(),
                    r.elapsedMs() / 1000.0, r.status().path("eventsPerSecond").asDouble());
        }
        System.exit(0);
    }

    /** One transaction: every live episode's stored chapter list stops matching what the engine derives. */
    static long makeEveryChapterListDiffer(Connection connection) throws SQLException {
        long start = System.nanoTime();
        connection.setAutoCommit(false);
        long altered;
        try (Statement statement = connection.createStatement()) {
            altered = statement.executeUpdate(ALTER_FIRST_TITLES) + statement.executeUpdate(ADD_CHAPTER_TO_EMPTY);
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
        long live = count(connection, "SELECT count(*) FROM clip_episode WHERE NOT deleted");
        System.out.printf("altered the stored chapters of %d of %d live episodes in %d ms%n", altered, live,
                (System.nanoTime() - start) / 1_000_000);
        return altered;
    }

    static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Starts a rebuild of the whole topic and waits for it; returns its final status. */
    static JsonNode rebuild(HttpClient http, String clip, String token, Instant deadline) throws Exception {
        HttpResponse<String> started = http.send(HttpRequest.newBuilder(URI.create(clip + "/admin/rebuild"))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (started.statusCode() != 202) {
            throw new IllegalStateException("rebuild: " + started.statusCode() + " " + started.body());
        }
        String id = JSON.readTree(started.body()).get("id").asText();
        JsonNode status;
        do {
            Thread.sleep(POLL.toMillis());
            status = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(clip + "/admin/rebuild/" + id))
                    .header("Authorization", "Bearer " + token).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body());
        } while ("running".equalsIgnoreCase(status.path("state").asText()) && Instant.now().isBefore(deadline));
        System.out.println("rebuild: " + status);
        if (status.path("finishedAt").isNull() || status.path("finishedAt").isMissingNode()) {
            throw new IllegalStateException("rebuild did not finish: " + status);
        }
        return status;
    }

    static void produce(String bootstrap, int events, List<String> notes) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "10");
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        ShowSnapshot show = new ShowSnapshot(UUID.randomUUID(), "rebuild-bench", "Rebuild benchmark", null, null, null);
        try (KafkaProducer<String, byte[]> producer =
                     new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < events; i++) {
                UUID episodeId = UUID.randomUUID();
                EpisodeSnapshot episode = new EpisodeSnapshot(episodeId, 1, "rebuild:" + episodeId, "rebuild-" + i,
                        "Rebuild episode " + i, notes.get(i % notes.size()), null, "1h 18m", 4_680_000L,
                        "https://media.example.com/" + i + ".mp3", null, null, null, show, null);
                EpisodeEvent event = EpisodeEvent.upserted(UUID.randomUUID(), Instant.now(), episode);
                producer.send(new ProducerRecord<>(Topics.EPISODES, episodeId.toString(),
                        EpisodeEventCodec.toJson(event)));
            }
            producer.flush();
        }
    }

    public static double applied(HttpClient http, String clip) throws Exception {
        String metrics = http.send(HttpRequest.newBuilder(URI.create(clip + "/q/metrics")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        double sum = 0;
        for (String line : metrics.split("\n")) {
            if (line.startsWith("clip_events_consumed_total{") && line.contains("outcome=\"applied\"")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }
}

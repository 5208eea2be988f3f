package dev.podclip.faults;

import dev.podclip.testing.ServiceProcess;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A steady write load on the catalog, as editors would make it: creates, show-note edits that change the chapters,
 * transcript uploads, deletes. Each writer thread owns its own episodes (no write of the suite races another) and draws
 * its operations from a seeded {@link Random}, so a seed replays the same sequence of operations.
 *
 * <p>Every write carries an {@code Idempotency-Key}. A write whose outcome is unknown (no answer, a timeout, a 5xx: the
 * catalog or its database was going down) is sent again with the same key, to any running catalog instance, until it
 * gets a definite answer; only a definite 2xx counts as acknowledged, and every acknowledged write is recorded for the
 * checker.
 */
final class Workload {

    /** How long one write is retried with its key before its outcome counts as unknown. */
    static final Duration WRITE_DEADLINE = Duration.ofSeconds(90);
    static final long RETRY_PAUSE_MS = 200;
    /** Most live episodes one writer keeps; past it, it deletes more than it creates. */
    static final int MAX_EPISODES_PER_WRITER = 12;

    /** An acknowledged write: the episode is at {@code version} (or deleted at it) at least. */
    record Acked(UUID episodeId, long version, boolean deleted) {
    }

    private final Supplier<List<ServiceProcess>> catalogs;
    private final String showId;
    private final String token;
    private final Http http = new Http();
    private final AtomicInteger roundRobin = new AtomicInteger();
    final Map<UUID, Acked> acked = new ConcurrentHashMap<>();
    final AtomicLong acknowledged = new AtomicLong();
    final AtomicLong refused = new AtomicLong();
    final AtomicLong unknown = new AtomicLong();
    final AtomicLong retried = new AtomicLong();
    /**
     * Writes answered 500: a database or broker fault must answer 503 with Retry-After (the client can retry with its
     * key), never 500, which says the service itself is broken. The suite fails on any.
     */
    final java.util.Queue<String> internalErrors = new java.util.concurrent.ConcurrentLinkedQueue<>();

    Workload(Supplier<List<ServiceProcess>> catalogs, String showId, String token) {
        this.catalogs = catalogs;
        this.showId = showId;
        this.token = token;
    }

    /** Creates the show the load writes into; returns its id. */
    static String createShow(Supplier<List<ServiceProcess>> catalogs, String token, String slug) {
        Map<String, Object> show = Map.of("slug", slug, "title", "Fault show " + slug, "author", "Fault Suite");
        Workload bootstrap = new Workload(catalogs, null, token);
        Http.Answer answer = bootstrap.write("POST", "/api/shows", show, null, UUID.randomUUID())
                .orElseThrow(() -> new IllegalStateException("cannot create the show"));
        if (answer.status() != 201) {
            throw new IllegalStateException("show creation answered " + answer.status() + ": " + answer.body());
        }
        return answer.body().get("id").asText();
    }

    /** One writer: runs until {@code stopAtNs}, pausing {@code pauseMs} between writes. */
    Runnable writer(long seed, int index, long stopAtNs, long pauseMs) {
        return () -> {
            Random random = new Random(seed * 31 + index);
            List<Episode> mine = new ArrayList<>();
            int created = 0;
            while (System.nanoTime() < stopAtNs) {
                int roll = random.nextInt(100);
                if (mine.isEmpty() || (roll < 25 && mine.size() < MAX_EPISODES_PER_WRITER)) {
                    Episode episode = create(random, index, created++);
                    if (episode != null) {
                        mine.add(episode);
                    }
                } else if (roll < 75) {
                    editNotes(random, mine.get(random.nextInt(mine.size())));
                } else if (roll < 90) {
                    uploadTranscript(random, mine.get(random.nextInt(mine.size())));
                } else {
                    Episode gone = mine.remove(random.nextInt(mine.size()));
                    delete(random, gone);
                }
                sleep(pauseMs);
            }
        };
    }

    /** An episode a writer owns: its body and the version the catalog last acknowledged. */
    private static final class Episode {
        final UUID id;
        final Map<String, Object> body;
        long version;

        Episode(UUID id, Map<String, Object> body, long version) {
            this.id = id;
            this.body = body;
            this.version = version;
        }
    }

    private Episode create(Random random, int writer, int number) {
        String slug = "w" + writer + "-e" + number + "-" + Long.toHexString(random.nextLong() & 0xffffffL);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("showId", showId);
        body.put("guid", "guid:" + slug);
        body.put("slug", slug);
        body.put("title", "Episode " + slug);
        body.put("showNotes", Notes.random(random));
        body.put("durationText", Notes.duration(random));
        body.put("audioUrl", "https://cdn.example.com/" + slug + ".mp3");
        Http.Answer answer = definite(write("POST", "/api/episodes", body, null, key(random)));
        if (answer == null || answer.status() != 201) {
            return null;
        }
        UUID id = UUID.fromString(answer.body().get("id").asText());
        Episode episode = new Episode(id, body, version(answer));
        acked.put(id, new Acked(id, episode.version, false));
        return episode;
    }

    private void editNotes(Random random, Episode episode) {
        Map<String, Object> body = new HashMap<>(episode.body);
        body.put("showNotes", Notes.random(random));
        Http.Answer answer = definite(write("PUT", "/api/episodes/" + episode.id, body, episode.version,
                key(random)));
        if (answer != null && answer.status() == 200) {
            episode.body.putAll(body);
            advance(episode, answer);
        } else {
            refresh(episode);
        }
    }

    private void uploadTranscript(Random random, Episode episode) {
        Http.Answer answer = definite(write("PUT", "/api/episodes/" + episode.id + "/transcript",
                Notes.transcript(random), episode.version, key(random)));
        if (answer != null && answer.status() == 200) {
            advance(episode, answer);
        } else {
            refresh(episode);
        }
    }

    /**
     * After a refusal or an unknown outcome: what the catalog holds now. (An unknown write may have committed; a 412
     * says our version is old.)
     */
    private void refresh(Episode episode) {
        for (ServiceProcess catalog : catalogs.get()) {
            java.util.Optional<Http.Answer> answer = http.get(catalog.baseUrl() + "/api/episodes/" + episode.id);
            if (answer.isPresent() && answer.get().status() == 200) {
                episode.version = version(answer.get());
                return;
            }
        }
    }

    private void delete(Random random, Episode episode) {
        Http.Answer answer = definite(write("DELETE", "/api/episodes/" + episode.id, null, episode.version,
                key(random)));
        if (answer != null && answer.status() == 204) {
            acked.put(episode.id, new Acked(episode.id, episode.version + 1, true));
        }
    }

    private void advance(Episode episode, Http.Answer answer) {
        episode.version = version(answer);
        acked.put(episode.id, new Acked(episode.id, episode.version, false));
    }

    /** Counts the outcome; returns the answer when it was a success or a refusal, null when unknown. */
    private Http.Answer definite(java.util.Optional<Http.Answer> answer) {
        if (answer.isEmpty()) {
            unknown.incrementAndGet();
            return null;
        }
        if (answer.get().ok()) {
            acknowledged.incrementAndGet();
        } else {
            refused.incrementAndGet();
        }
        return answer.get();
    }

    /**
     * Sends one write with its key until a definite answer (2xx or 4xx), to whichever catalog instance runs; empty
     * when none came within {@link #WRITE_DEADLINE}.
     */
    java.util.Optional<Http.Answer> write(String method, String path, Object body, Long ifMatch, UUID key) {
        long deadlineNs = System.nanoTime() + WRITE_DEADLINE.toNanos();
        Map<String, String> headers = new HashMap<>();
        headers.put("Idempotency-Key", key.toString());
        if (ifMatch != null) {
            headers.put("If-Match", "\"" + ifMatch + "\"");
        }
        if (body instanceof String) {
            headers.put("Content-Type", "text/vtt");
        }
        boolean first = true;
        while (System.nanoTime() < deadlineNs) {
            List<ServiceProcess> running = catalogs.get();
            if (!running.isEmpty()) {
                ServiceProcess catalog = running.get(Math.floorMod(roundRobin.getAndIncrement(), running.size()));
                java.util.Optional<Http.Answer> answer = http.send(method, catalog.baseUrl() + path, token, headers,
                        body);
                if (answer.isPresent() && answer.get().status() < 500) {
                    return answer;
                }
                if (answer.isPresent() && answer.get().status() == 500 && internalErrors.size() < 20) {
                    internalErrors.add(method + " " + path + " -> 500 " + answer.get().body());
                }
            }
            if (!first) {
                retried.incrementAndGet();
            }
            first = false;
            sleep(RETRY_PAUSE_MS);
        }
        return java.util.Optional.empty();
    }

    private static long version(Http.Answer answer) {
        return Long.parseLong(answer.header("ETag").replace("\"", ""));
    }

    private static UUID key(Random random) {
        return new UUID(random.nextLong(), random.nextLong());
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

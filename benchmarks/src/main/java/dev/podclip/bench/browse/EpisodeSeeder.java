package dev.podclip.bench.browse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Synthetic shows and episodes for the browse-page load runs, written through catalog-service's API as an editor
 * would, so that clip-service gets them through Kafka and computes their chapters like real data. Idempotent: shows
 * and episodes have fixed slugs and guids, a show whose episodes are all in the catalog is skipped, and an episode
 * the catalog already has (409) counts as there. Ends when clip-service knows every episode the catalog has.
 *
 * <p>Show notes are the demo's (the seed listing's eight descriptions, chapter lists included) with a sentence of
 * their own in front; titles are the demo's chapter titles; each show publishes weekly, going back from mid 2025.
 * The seeded shows' slugs are written one a line to OUT for the load scripts.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar dev.podclip.bench.browse.EpisodeSeeder
 * --catalog URL --clip URL --token JWT --out FILE [--episodes 10000] [--shows 200] [--data demo/database-school.json]}
 */
public final class EpisodeSeeder {

    static final ObjectMapper JSON = new ObjectMapper();
    /** Creates in flight at most: enough to keep catalog-service busy, few enough not to queue behind its pool. */
    static final int MAX_IN_FLIGHT = 16;
    /** Longest wait for clip-service to catch up with the catalog (it computes chapters for each episode). */
    static final Duration CATCH_UP_TIMEOUT = Duration.ofMinutes(10);
    static final int TITLE_MAX_CHARS = 90;
    static final Instant NEWEST_PUBLISHED = Instant.parse("2025-06-20T12:00:00Z");
    static final String[] SHOW_WORDS_1 = {"Indexed", "Durable", "Replicated", "Sharded", "Vacuumed", "Committed",
        "Isolated", "Consistent", "Partitioned", "Cached", "Streamed", "Normalized", "Compacted", "Serialized",
        "Distributed"};
    static final String[] SHOW_WORDS_2 = {"Talk", "Hour", "Radio", "Weekly", "Hangout", "Notes", "Sessions", "Podcast",
        "Dispatch", "Roundtable", "Deep Dive", "Office Hours", "Review", "Show"};

    // HTTP/1.1: over h2c the server caps concurrent streams per connection.
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String catalog;
    private final String clip;
    private final String token;

    EpisodeSeeder(String catalog, String clip, String token) {
        this.catalog = catalog;
        this.clip = clip;
        this.token = token;
    }

    /** A demo episode as a template: its notes, stated duration and chapter titles. */
    record Template(String notes, String duration, List<String> chapterTitles) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int episodes = Integer.parseInt(options.getOrDefault("episodes", "10000"));
        int shows = Integer.parseInt(options.getOrDefault("shows", "200"));
        if (shows < 1 || shows > SHOW_WORDS_1.length * SHOW_WORDS_2.length || episodes < shows) {
            throw new IllegalArgumentException("need 1 to " + SHOW_WORDS_1.length * SHOW_WORDS_2.length
                    + " shows and at least one episode each");
        }
        List<Template> templates = templates(Path.of(options.getOrDefault("data", "demo/database-school.json")));
        EpisodeSeeder seeder = new EpisodeSeeder(options.get("catalog"), options.get("clip"), options.get("token"));
        long started = System.nanoTime();
        List<String> slugs = seeder.seed(shows, episodes, templates);
        Files.write(Path.of(options.get("out")), slugs);
        long expected = seeder.total(seeder.catalog + "/api/episodes?size=1");
        seeder.awaitClipService(expected);
        System.out.printf("%d shows, %d episodes in the catalog, all in clip-service (%d s)%n", slugs.size(),
                expected, (System.nanoTime() - started) / 1_000_000_000L);
    }

    static List<Template> templates(Path data) throws IOException {
        List<Template> templates = new ArrayList<>();
        for (JsonNode e : JSON.readTree(data.toFile()).get("episodes")) {
            String notes = e.get("showNotes").asText();
            templates.add(new Template(notes, e.path("duration").asText("1 hr"), chapterTitles(notes)));
        }
        return templates;
    }

    /**
     * A timestamp and its dash in a chapter list; the lists run together without line breaks ("00:00 - Intro02:13 -
     * How ..."), some use an en dash.
     */
    static final Pattern CHAPTER = Pattern.compile(
            "(?:\\d{1,2}:)?\\d{1,2}:\\d{2}\\s*[-\u2013]\\s*(.+?)(?=\\s*(?:\\d{1,2}:)?\\d{1,2}:\\d{2}\\s*[-\u2013]|$)");

    /** The chapter titles of a notes text (the last one runs to the end of the notes). */
    static List<String> chapterTitles(String notes) {
        List<String> titles = new ArrayList<>();
        Matcher m = CHAPTER.matcher(notes);
        while (m.find()) {
            titles.add(m.group(1).strip());
        }
        if (titles.isEmpty()) {
            titles.add("Conversation");
        }
        return titles;
    }

    static String showSlug(int show) {
        return String.format("bench-show-%03d", show);
    }

    static String showTitle(int show) {
        return SHOW_WORDS_1[show % SHOW_WORDS_1.length] + " " + SHOW_WORDS_2[show / SHOW_WORDS_1.length];
    }

    /** Creates what is missing; returns the seeded shows' slugs. */
    List<String> seed(int shows, int episodes, List<Template> templates) throws Exception {
        List<String> slugs = new ArrayList<>();
        Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
        AtomicLong created = new AtomicLong();
        AtomicLong existing = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        List<CompletableFuture<?>> pending = new ArrayList<>();
        for (int show = 0; show < shows; show++) {
            String slug = showSlug(show);
            slugs.add(slug);
            String showId = showId(show, slug);
            // The first shows take the remainder: 10,000 over 200 is 50 each.
            int count = episodes / shows + (show < episodes % shows ? 1 : 0);
            if (total(catalog + "/api/episodes?size=1&show=" + showId) >= count) {
                existing.addAndGet(count);
                continue;
            }
            for (int k = 0; k < count; k++) {
                ObjectNode body = episode(showId, show, k, templates.get((show + k) % templates.size()));
                String what = slug + "/episode-" + (k + 1);
                inFlight.acquire();
                pending.add(http.sendAsync(post("/api/episodes", body), HttpResponse.BodyHandlers.ofString())
                        .whenComplete((response, error) -> {
                            inFlight.release();
                            if (error == null && response.statusCode() == 201) {
                                created.incrementAndGet();
                            } else if (error == null && response.statusCode() == 409) {
                                existing.incrementAndGet();
                            } else if (failed.incrementAndGet() <= 3) {
                                System.err.println("create " + what + ": "
                                        + (error != null ? error : response.statusCode() + " " + response.body()));
                            }
                        }));
            }
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        System.out.printf("episodes: %d created, %d there already, %d failed%n", created.get(), existing.get(),
                failed.get());
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " episodes not created");
        }
        return slugs;
    }

    /** Episode k of a show, numbered within it: a smaller seed (a dry run) is a prefix of a larger one. */
    private ObjectNode episode(String showId, int show, int k, Template template) {
        String slug = "episode-" + (k + 1);
        String chapter = template.chapterTitles().get((show * 7 + k) % template.chapterTitles().size());
        // The last title of a list runs to the end of the notes: a title is a line, not a paragraph.
        chapter = chapter.length() > TITLE_MAX_CHARS ? chapter.substring(0, TITLE_MAX_CHARS).strip() : chapter;
        String notes = "Episode " + (k + 1) + " of " + showTitle(show) + ": " + chapter + ". " + template.notes();
        // Weekly, newest first; shows a few hours apart so that the home page's order is not a tie.
        Instant published = NEWEST_PUBLISHED.minus(Duration.ofDays(7L * k)).minus(Duration.ofMinutes(37L * show));
        return JSON.createObjectNode().put("showId", showId).put("guid", "bench:" + showSlug(show) + ":" + slug)
                .put("slug", slug)
                .put("title", chapter + " (" + showTitle(show) + " #" + (k + 1) + ")").put("showNotes", notes)
                .put("publishedAt", published.toString()).put("durationText", template.duration())
                .put("audioUrl", "https://media.example.com/bench/" + showSlug(show) + "/" + slug + ".mp3");
    }

    /** The show's id, creating the show when the catalog has none with this slug. */
    private String showId(int show, String slug) throws IOException, InterruptedException {
        HttpResponse<String> found = http.send(get(catalog + "/api/shows/by-slug/" + slug),
                HttpResponse.BodyHandlers.ofString());
        if (found.statusCode() == 200) {
            return JSON.readTree(found.body()).get("id").asText();
        }
        ObjectNode body = JSON.createObjectNode().put("slug", slug).put("title", showTitle(show))
                .put("author", "Benchmark Studios").put("siteUrl", "https://example.com/" + slug);
        // Most shows have artwork, as in a real directory; some have none, so the page's initial-letter tile is drawn.
        if (show % 5 != 0) {
            body.put("imageUrl", "https://images.example.com/" + slug + ".jpg");
        }
        HttpResponse<String> response = http.send(post("/api/shows", body), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("create show " + slug + ": " + response.statusCode() + " "
                    + response.body());
        }
        return JSON.readTree(response.body()).get("id").asText();
    }

    /** Waits until clip-service lists at least {@code expected} episodes. */
    void awaitClipService(long expected) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + CATCH_UP_TIMEOUT.toNanos();
        long last = -1;
        while (true) {
            long known = total(clip + "/api/episodes?size=1");
            if (known >= expected) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("clip-service knows " + known + " of " + expected
                        + " episodes after " + CATCH_UP_TIMEOUT.toMinutes() + " min");
            }
            if (known != last) {
                System.out.printf("clip-service knows %d of %d episodes%n", known, expected);
                last = known;
            }
            Thread.sleep(2_000);
        }
    }

    long total(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(get(url), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + ": " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).get("total").asLong();
    }

    private HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json")
                .header("Authorization", "Bearer " + token).GET().build();
    }

    private HttpRequest post(String path, ObjectNode body) {
        return HttpRequest.newBuilder(URI.create(catalog + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
    }
}

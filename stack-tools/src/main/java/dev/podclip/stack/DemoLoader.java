package dev.podclip.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.podclip.chapters.Chapter;
import dev.podclip.chapters.ChapterList;
import dev.podclip.chapters.StatedDuration;
import dev.podclip.chapters.boundary.BoundaryPolicy;
import dev.podclip.chapters.notes.ShowNotes;
import dev.podclip.chapters.time.Durations;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Loads the demo data through the catalog's public API, idempotently: the show by slug, each episode by guid
 * (created, updated with If-Match when a field differs, or left alone). Then waits until clip-service serves every
 * episode's chapters at the catalog's version, makes a share link or two, and prints where to look.
 */
final class DemoLoader {

    /** Synthetic demo audio runs a minute past the last chapter when the stated duration is shorter than the list. */
    static final long MEDIA_TAIL_MS = 60_000;
    static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    /** Stored clips the demo makes: the second chapter of this many episodes. */
    static final int DEMO_CLIPS = 3;

    private final Http http;
    private final String catalogUrl;
    private final String clipUrl;
    private final String mediaBase;

    record Loaded(String title, String id, long version, String outcome) {
    }

    DemoLoader(Http http, String catalogUrl, String clipUrl, String mediaBase) {
        this.http = http;
        this.catalogUrl = trim(catalogUrl);
        this.clipUrl = trim(clipUrl);
        this.mediaBase = trim(mediaBase);
    }

    boolean load(Path dataFile, Duration wait) throws IOException {
        JsonNode data = Http.JSON.readTree(dataFile.toFile());
        String showId = upsertShow(data.get("show"));
        List<Loaded> loaded = new ArrayList<>();
        for (JsonNode episode : data.get("episodes")) {
            loaded.add(withTranscript(upsertEpisode(showId, episode), episode, dataFile));
        }
        long changed = loaded.stream().filter(l -> !l.outcome().equals("unchanged")).count();
        System.out.printf("Demo data: show %s, %d episodes (%d created or updated, %d unchanged)%n",
                data.get("show").get("title").asText(), loaded.size(), changed, loaded.size() - changed);
        boolean allServed = true;
        Instant deadline = Instant.now().plus(wait);
        int clips = 0;
        for (Loaded episode : loaded) {
            JsonNode chapters = awaitChapters(episode, deadline);
            if (chapters == null) {
                System.out.printf("  %s: clip-service has not served chapters for version %d yet%n",
                        episode.title(), episode.version());
                allServed = false;
                continue;
            }
            String shareUrl = clips < DEMO_CLIPS ? demoClip(episode, chapters) : null;
            clips += shareUrl == null ? 0 : 1;
            print(episode, chapters, shareUrl);
        }
        return allServed;
    }

    private String upsertShow(JsonNode show) {
        ObjectNode body = Http.JSON.createObjectNode();
        for (String field : List.of("slug", "title", "author", "siteUrl", "imageUrl")) {
            body.set(field, show.get(field));
        }
        Http.Answer found = http.get(catalogUrl + "/api/shows/by-slug/" + encode(show.get("slug").asText()));
        if (found.status() == 404) {
            return require(http.post(catalogUrl + "/api/shows", body), "create show").body().get("id").asText();
        }
        require(found, "find show");
        return found.body().get("id").asText();
    }

    private Loaded upsertEpisode(String showId, JsonNode episode) {
        ObjectNode body = episodeBody(showId, episode);
        String title = episode.get("title").asText();
        Http.Answer found = require(http.get(catalogUrl + "/api/episodes?show=" + showId + "&guid="
                + encode(episode.get("guid").asText())), "find episode");
        JsonNode items = found.body().get("items");
        if (items.isEmpty()) {
            JsonNode created = require(http.post(catalogUrl + "/api/episodes", body), "create " + title).body();
            return new Loaded(title, created.get("id").asText(), created.get("version").asLong(), "created");
        }
        JsonNode current = items.get(0);
        if (sameAs(current, body)) {
            return new Loaded(title, current.get("id").asText(), current.get("version").asLong(), "unchanged");
        }
        JsonNode updated = require(http.put(catalogUrl + "/api/episodes/" + current.get("id").asText(), body,
                current.get("version").asLong()), "update " + title).body();
        return new Loaded(title, updated.get("id").asText(), updated.get("version").asLong(), "updated");
    }

    private ObjectNode episodeBody(String showId, JsonNode episode) {
        ObjectNode body = Http.JSON.createObjectNode();
        body.put("showId", showId);
        for (String field : List.of("guid", "slug", "title", "showNotes", "publishedAt", "videoUrl")) {
            body.set(field, episode.get(field));
        }
        body.set("durationText", episode.get("duration"));
        body.put("audioUrl", mediaBase + "/" + mediaDurationMs(episode) + "/" + episode.get("slug").asText() + ".wav");
        return body;
    }

    /**
     * Uploads {@code transcripts/<slug>.vtt} beside the data file when it exists and differs from the stored one
     * (by SHA-256), so reloading stays idempotent; the episode's version moves on with it.
     */
    private Loaded withTranscript(Loaded episode, JsonNode data, Path dataFile) {
        Path file = dataFile.toAbsolutePath().getParent().resolve("transcripts")
                .resolve(data.get("slug").asText() + ".vtt");
        if (!java.nio.file.Files.isRegularFile(file)) {
            return episode;
        }
        try {
            String text = java.nio.file.Files.readString(file, StandardCharsets.UTF_8);
            String sha256 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
            JsonNode current = require(http.get(catalogUrl + "/api/episodes/" + episode.id()), "read episode").body();
            if (sha256.equals(current.path("transcript").path("sha256").asText(null))) {
                return episode;
            }
            JsonNode updated = require(http.putText(catalogUrl + "/api/episodes/" + episode.id() + "/transcript",
                    "text/vtt", text, current.get("version").asLong()), "upload transcript of " + episode.title())
                    .body();
            System.out.printf("  transcript of %s uploaded (synthetic, %s)%n", episode.title(), file.getFileName());
            return new Loaded(episode.title(), episode.id(), updated.get("version").asLong(),
                    episode.outcome().equals("unchanged") ? "updated" : episode.outcome());
        } catch (IOException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("transcript " + file + ": " + e.getMessage(), e);
        }
    }

    /** The synthetic audio's length: the stated duration, or past the last chapter when the notes run longer. */
    static long mediaDurationMs(JsonNode episode) {
        StatedDuration stated = Durations.parseHuman(episode.get("duration").asText()).orElse(null);
        ChapterList chapters = ShowNotes.parseChapters(episode.get("showNotes").asText(), stated,
                BoundaryPolicy.DEFAULTS);
        long lastStartMs = chapters.chapters().stream().mapToLong(Chapter::startMs).max().orElse(0);
        long statedMs = stated == null ? 0 : stated.valueMs();
        return Math.max(statedMs, lastStartMs + MEDIA_TAIL_MS);
    }

    private static boolean sameAs(JsonNode current, ObjectNode wanted) {
        for (var fields = wanted.fieldNames(); fields.hasNext(); ) {
            String field = fields.next();
            JsonNode want = wanted.get(field);
            JsonNode have = current.get(field);
            String wantText = want == null || want.isNull() ? null : want.asText();
            String haveText = have == null || have.isNull() ? null : have.asText();
            if (field.equals("publishedAt") && wantText != null && haveText != null) {
                if (!Instant.parse(wantText).equals(Instant.parse(haveText))) {
                    return false;
                }
            } else if (!Objects.equals(wantText, haveText)) {
                return false;
            }
        }
        return true;
    }

    private JsonNode awaitChapters(Loaded episode, Instant deadline) {
        while (true) {
            Http.Answer answer = http.get(clipUrl + "/api/episodes/" + episode.id() + "/chapters");
            if (answer.ok() && answer.body().path("version").asLong() >= episode.version()) {
                return answer.body();
            }
            if (Instant.now().isAfter(deadline)) {
                return null;
            }
            sleep(POLL_INTERVAL);
        }
    }

    /** A stored clip of the episode's second chapter; null when the episode has fewer or clips are unavailable. */
    private String demoClip(Loaded episode, JsonNode chapters) {
        JsonNode list = chapters.get("chapters");
        if (list.size() < 2 || list.get(1).get("endMs").isNull()) {
            return null;
        }
        ObjectNode body = Http.JSON.createObjectNode();
        body.put("episodeId", episode.id());
        body.put("startMs", list.get(1).get("startMs").asLong());
        body.put("endMs", list.get(1).get("endMs").asLong());
        body.put("title", list.get(1).get("title").asText());
        Http.Answer created = http.post(clipUrl + "/api/clips", body);
        return created.status() == 201 ? created.body().path("shareUrl").asText(null) : null;
    }

    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private void print(Loaded episode, JsonNode chapters, String shareUrl) {
        System.out.printf("%n  %s%n    %s, %s, version %d (%s)%n", episode.title(),
                count(chapters.get("chapters").size(), "chapter"), count(chapters.get("warnings").size(), "warning"),
                episode.version(), episode.outcome());
        System.out.printf("    chapters     %s/api/episodes/%s/chapters   (.json .vtt .txt)%n", clipUrl, episode.id());
        System.out.printf("    1st chapter  %s/e/%s/chapters/0   (chapters count from 0)%n", clipUrl, episode.id());
        if (shareUrl != null) {
            System.out.printf("    share link   %s%n", shareUrl);
            System.out.printf("    clip audio   %s.mp3   (.m4a too; the first request renders it, then it is cached)%n",
                    shareUrl);
            System.out.printf("    clip video   %s.mp4?format=square   (portrait, landscape; theme=dark|light|contrast)%n",
                    shareUrl);
        }
        System.out.printf("    page         %s/episodes/%s   (transcript, when it has one: /api/episodes/%s/transcript)%n",
                clipUrl, episode.id(), episode.id());
    }

    private static Http.Answer require(Http.Answer answer, String what) {
        if (!answer.ok()) {
            throw new IllegalStateException(what + " answered " + answer.status() + ": " + answer.text());
        }
        return answer;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String trim(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package dev.podclip.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Transcripts end to end on the packaged services: a WebVTT file uploaded to catalog-service travels in the episode's
 * event, clip-service sections it by chapter, search finds a phrase in it with the chapter and the time, and the hit's
 * share link opens. Replacing the transcript replaces it everywhere.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TranscriptFlowIT {

    static final Duration FLOW_TIMEOUT = Duration.ofSeconds(60);
    static final String NOTES = "00:00 - Welcome05:00 - Replication stories10:00 - Goodbye";

    Stack stack;
    Api catalog;
    Api clip;

    @BeforeAll
    void start() {
        stack = Stack.start(Map.of("CATALOG_DEMO_MEDIA", "true"), Map.of());
        catalog = stack.catalogApi();
        clip = stack.clipApi();
    }

    @AfterAll
    void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void uploadedTranscriptIsSectionedSearchableAndShareable() {
        String id = createEpisode();
        Api.Response uploaded = catalog.putFile("/api/episodes/" + id + "/transcript", vtt("flamingo"), "text/vtt",
                "\"1\"");
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(200);

        JsonNode transcript = awaitTranscript(id, 2);
        List<String> sectioned = new ArrayList<>();
        for (JsonNode chapter : transcript.get("chapters")) {
            for (JsonNode cue : chapter.get("cues")) {
                sectioned.add(chapter.get("title").asText() + "|" + cue.get("text").asText());
            }
        }
        assertThat(sectioned).containsExactly(
                "Welcome|Hello and welcome to the show.",
                "Welcome|Today we talk about databases.",
                "Replication stories|The flamingo replication incident began at night.",
                "Replication stories|Nobody expected the lag.",
                "Goodbye|Thanks for listening.");

        JsonNode hit = awaitHit("flamingo", id);
        assertThat(hit.at("/chapter/title").asText()).isEqualTo("Replication stories");
        assertThat(hit.get("startMs").asLong()).isEqualTo(370_000);
        assertThat(hit.get("snippetHtml").asText()).contains("<mark>flamingo</mark>");
        Api.Response page = clip.getText(hit.get("shareUrl").asText().substring(clip.baseUrl().length()));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("An episode with a transcript");

        Api.Response replaced = catalog.putFile("/api/episodes/" + id + "/transcript", vtt("pelican"), "text/vtt",
                "\"2\"");
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        awaitTranscript(id, 3);
        awaitHit("pelican", id);
        // Search's result cache drops its pages when the change's notice arrives, just after the commit.
        await().atMost(FLOW_TIMEOUT).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(search("flamingo").get("items")).isEmpty());
    }

    private String createEpisode() {
        ObjectNode show = Api.JSON.createObjectNode().put("slug", "transcript-show").put("title", "Transcript Show");
        String showId = catalog.post("/api/shows", show).json().get("id").asText();
        ObjectNode episode = Api.JSON.createObjectNode().put("showId", showId).put("guid", "transcript:1")
                .put("slug", "transcript-episode").put("title", "An episode with a transcript")
                .put("showNotes", NOTES).put("durationText", "15 min")
                .put("audioUrl", catalog.baseUrl() + "/media/demo/900000/transcript-episode.wav");
        Api.Response created = catalog.post("/api/episodes", episode);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    static String vtt(String bird) {
        return "WEBVTT\n\n"
                + "00:00:01.000 --> 00:00:04.000\n<v Aaron>Hello and welcome to the show.\n\n"
                + "00:02:00.000 --> 00:02:03.000\n<v Aaron>Today we talk about databases.\n\n"
                + "00:06:10.000 --> 00:06:14.000\n<v Guest>The " + bird + " replication incident began at night.\n\n"
                + "00:07:00.000 --> 00:07:03.000\n<v Guest>Nobody expected the lag.\n\n"
                + "00:12:00.000 --> 00:12:02.000\n<v Aaron>Thanks for listening.\n";
    }

    private JsonNode awaitTranscript(String id, long version) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(FLOW_TIMEOUT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            Api.Response response = clip.get("/api/episodes/" + id + "/transcript");
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            assertThat(response.json().get("version").asLong()).isEqualTo(version);
            found[0] = response.json();
        });
        return found[0];
    }

    private JsonNode awaitHit(String word, String episodeId) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(FLOW_TIMEOUT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            JsonNode hits = search(word).get("items");
            assertThat(hits).isNotEmpty();
            JsonNode hit = null;
            for (JsonNode candidate : hits) {
                if (candidate.get("kind").asText().equals("transcript")) {
                    hit = candidate;
                    break;
                }
            }
            assertThat(hit).as("a transcript hit for %s in %s", word, hits).isNotNull();
            assertThat(hit.at("/episode/id").asText()).isEqualTo(episodeId);
            found[0] = hit;
        });
        return found[0];
    }

    private JsonNode search(String q) {
        Api.Response response = clip.get("/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }
}

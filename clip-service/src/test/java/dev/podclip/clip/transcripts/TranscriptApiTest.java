package dev.podclip.clip.transcripts;

import dev.podclip.clip.TopicsResource;
import dev.podclip.events.EpisodeEvent;
import dev.podclip.testing.KafkaResource;
import dev.podclip.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

/** Events carrying transcripts through the consumer into the transcript API. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(TopicsResource.class)
class TranscriptApiTest {

    @Inject
    TranscriptService service;

    @Test
    void sectionedUnderChaptersAndRenderedInEveryFormat() {
        UUID id = UUID.randomUUID();
        TranscriptFixtures.sendAndAwait(TranscriptFixtures.snapshot(id, 1, "Rewriting SQLite", "Notes",
                TranscriptFixtures.CHAPTERS_V1, TranscriptFixtures.transcript("vtt", TranscriptFixtures.VTT)));

        JsonPath json = given().get("/api/episodes/{id}/transcript", id).then().statusCode(200)
                .contentType(startsWith("application/json"))
                .body("episodeId", is(id.toString()))
                .body("version", is(1))
                .body("chapters.title", contains("Cold open", "Write-ahead logging", "Outro"))
                .extract().jsonPath();
        assertThat(json.getList("chapters[0].cues.startMs", Integer.class)).containsExactly(0, 30_000);
        // The cue straddling 5:00 stays whole where it began.
        assertThat(json.getList("chapters[1].cues.startMs", Integer.class)).containsExactly(61_000, 150_000, 299_000);
        assertThat(json.getList("chapters[2].cues.startMs", Integer.class)).containsExactly(400_000);
        assertThat(json.getString("chapters[0].cues[0].speaker")).isEqualTo("Aaron");
        assertThat(json.getString("chapters[2].cues[0].text")).isEqualTo("Thanks for listening & <goodbye>.");

        given().get("/api/episodes/{id}/transcript.vtt", id).then().statusCode(200)
                .contentType(startsWith("text/vtt"))
                .body(startsWith("WEBVTT"), containsString("00:01:01.000 --> 00:01:06.000"));
        given().get("/api/episodes/{id}/transcript?format=srt", id).then().statusCode(200)
                .contentType(startsWith("application/x-subrip"))
                .body(startsWith("1\n"), containsString("00:06:40,000 --> 00:06:45,000"));
        String txt = given().get("/api/episodes/{id}/transcript.txt", id).then().statusCode(200)
                .contentType(startsWith("text/plain")).extract().asString();
        assertThat(txt).startsWith("# 00:00 Cold open\n\n[00:00] Aaron: Welcome back")
                .contains("\n# 01:00 Write-ahead logging\n").contains("# 05:00 Outro");
        given().get("/api/episodes/{id}/transcript?format=pdf", id).then().statusCode(400)
                .contentType("application/problem+json");

        given().get("/api/episodes/{id}/chapters/1/transcript", id).then().statusCode(200)
                .body("index", is(1)).body("title", is("Write-ahead logging"))
                .body("cues.startMs", contains(61_000, 150_000, 299_000));
        given().get("/api/episodes/{id}/chapters/1/transcript?format=vtt", id).then().statusCode(200)
                .body(containsString("write-ahead log"));
        given().get("/api/episodes/{id}/chapters/7/transcript", id).then().statusCode(404)
                .contentType("application/problem+json");

        assertThat(service.cuesBetween(id, 60_000, 152_000)).extracting(TranscriptViews.CueView::startMs)
                .containsExactly(61_000L, 150_000L);
        assertThat(service.cuesBetween(id, 4_000, 31_000)).extracting(TranscriptViews.CueView::startMs)
                .containsExactly(0L, 30_000L);
        assertThat(service.cuesBetween(UUID.randomUUID(), 0, 1_000)).isEmpty();
    }

    @Test
    void chapterChangeReSegmentsAndNewFileReplacesEverywhere() {
        UUID id = UUID.randomUUID();
        var transcript = TranscriptFixtures.transcript("vtt", TranscriptFixtures.VTT);
        TranscriptFixtures.sendAndAwait(TranscriptFixtures.snapshot(id, 1, "T", null, TranscriptFixtures.CHAPTERS_V1,
                transcript));
        TranscriptFixtures.sendAndAwait(TranscriptFixtures.snapshot(id, 2, "T", null, TranscriptFixtures.CHAPTERS_V2,
                transcript));
        given().get("/api/episodes/{id}/transcript", id).then().statusCode(200)
                .body("version", is(2))
                .body("chapters.title", contains("Intro", "Everything else"))
                .body("chapters[0].cues.startMs", contains(0, 30_000, 61_000, 150_000))
                .body("chapters[1].cues.startMs", contains(299_000, 400_000));

        String srt = "1\n00:00:01,000 --> 00:00:04,000\nA brand new first line about zebras.\n\n"
                + "2\n00:04:00,000 --> 00:04:03,000\nAnd a second one.\n";
        TranscriptFixtures.sendAndAwait(TranscriptFixtures.snapshot(id, 3, "T", null, TranscriptFixtures.CHAPTERS_V2,
                TranscriptFixtures.transcript("srt", srt)));
        given().get("/api/episodes/{id}/transcript", id).then().statusCode(200)
                .body("version", is(3))
                .body("chapters[0].cues.text", contains("A brand new first line about zebras."))
                .body("chapters[1].cues.text", contains("And a second one."));
        assertThat(service.cuesBetween(id, 0, TranscriptFixtures.TEN_MINUTES_MS)).hasSize(2);

        // Transcript removed from the episode: 404, and nothing left in range reads.
        TranscriptFixtures.sendAndAwait(TranscriptFixtures.snapshot(id, 4, "T", null, TranscriptFixtures.CHAPTERS_V2,
                null));
        given().get("/api/episodes/{id}/transcript", id).then().statusCode(404)
                .contentType("application/problem+json").body("type", containsString("no-transcript"));
        assertThat(service.cuesBetween(id, 0, TranscriptFixtures.TEN_MINUTES_MS)).isEmpty();
    }

    @Test
    void unreadableFileInAnEventIsKeptAsUnreadableAndDeleteRemovesAll() {
        UUID id = UUID.randomUUID();
        TranscriptFixtures.sendAndAwait(TranscriptFixtures.snapshot(id, 1, "Bad", null, null,
                TranscriptFixtures.transcript("srt", "this is not\nany transcript\n")));
        given().get("/api/episodes/{id}/transcript", id).then().statusCode(404);
        given().get("/api/episodes/{id}/chapters", id).then().statusCode(200);

        UUID other = UUID.randomUUID();
        TranscriptFixtures.sendAndAwait(TranscriptFixtures.snapshot(other, 1, "No chapters", null, null,
                TranscriptFixtures.transcript("vtt", TranscriptFixtures.VTT)));
        given().get("/api/episodes/{id}/transcript", other).then().statusCode(200)
                .body("chapters.size()", is(1))
                .body("chapters[0].cues.size()", is(6));
        TranscriptFixtures.send(EpisodeEvent.deleted(UUID.randomUUID(), Instant.now(), other, 2));
        await().atMost(TranscriptFixtures.APPLY_TIMEOUT).until(() ->
                given().get("/api/episodes/{id}/transcript", other).then().extract().statusCode() == 410);
        assertThat(service.cuesBetween(other, 0, TranscriptFixtures.TEN_MINUTES_MS)).isEqualTo(List.of());
    }
}

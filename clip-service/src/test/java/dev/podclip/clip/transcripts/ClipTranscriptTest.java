package dev.podclip.clip.transcripts;

import dev.podclip.clip.TopicsResource;
import dev.podclip.testing.KafkaResource;
import dev.podclip.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;

/** Clip JSON and share pages carry the transcript of their range. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(TopicsResource.class)
class ClipTranscriptTest {

    @Test
    void shareJsonAndPageCarryTheRangesCues() {
        UUID id = UUID.randomUUID();
        TranscriptFixtures.sendAndAwait(TranscriptFixtures.snapshot(id, 1, "Clipped", null,
                TranscriptFixtures.CHAPTERS_V1, TranscriptFixtures.transcript("vtt", TranscriptFixtures.VTT)));

        given().accept("application/json").get("/e/{id}?t=60,160", id).then().statusCode(200)
                .body("transcript.startMs", contains(61_000, 150_000))
                .body("transcript[0].speaker", org.hamcrest.Matchers.is("Aaron"));
        Document page = Jsoup.parse(given().accept("text/html").get("/e/{id}?t=399,420", id).then().statusCode(200)
                .extract().asString());
        assertThat(page.select(".clip-transcript p.cue").eachText())
                .containsExactly("Preston: Thanks for listening & <goodbye>.");
        assertThat(page.select(".clip-transcript script, .clip-transcript goodbye")).isEmpty();

        UUID bare = UUID.randomUUID();
        TranscriptFixtures.sendAndAwait(TranscriptFixtures.snapshot(bare, 1, "No transcript", null,
                TranscriptFixtures.CHAPTERS_V1, null));
        given().accept("application/json").get("/e/{id}?t=60,160", bare).then().statusCode(200)
                .body("transcript", empty());
    }
}

package dev.podclip.catalog.feeds;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import static dev.podclip.catalog.support.Catalog.editor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

/**
 * A poll has an overall deadline: past it no attachment is fetched; the items still become episodes and their
 * chapters and transcripts wait for the next poll. Here the deadline is zero, so the first item is already past it.
 */
@QuarkusTest
@TestProfile(FeedDeadlineTest.NoTime.class)
class FeedDeadlineTest {

    private static FeedServer server;

    public static class NoTime extends FeedsProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
            overrides.put("catalog.feeds.poll-deadline", "0s");
            return overrides;
        }
    }

    @BeforeAll
    static void start() throws IOException {
        server = new FeedServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void pastTheDeadlineNoAttachmentIsFetched() {
        server.put("/late.xml", FeedServer.text("application/rss+xml", FeedFixtures.podcastNamespace(server.base())));
        server.put("/chapters/ns-1.json", FeedServer.text("application/json+chapters", FeedFixtures.CHAPTERS_JSON));
        server.put("/transcripts/ns-1.vtt", FeedServer.text("text/vtt", FeedFixtures.TRANSCRIPT_VTT));

        editor().body(Map.of("url", server.base() + "/late.xml")).post("/api/feeds").then().statusCode(201)
                .body("episodesWritten", is(1))
                .body("warnings[0]", containsString("catalog.feeds.poll-deadline"));

        assertThat(server.hits("/chapters/ns-1.json")).isZero();
        assertThat(server.hits("/transcripts/ns-1.vtt")).isZero();
    }
}

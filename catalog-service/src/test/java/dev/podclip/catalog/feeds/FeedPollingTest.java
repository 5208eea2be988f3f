package dev.podclip.catalog.feeds;

import dev.podclip.catalog.support.Catalog;
import dev.podclip.events.EpisodeEvent;
import dev.podclip.events.EpisodeEventType;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static dev.podclip.catalog.support.Catalog.editor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

/** Scheduled polling: due feeds claimed once across concurrent pollers; a new item's event reaches the topic. */
@QuarkusTest
@TestProfile(FeedsProfile.class)
class FeedPollingTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static FeedServer server;

    @Inject
    FeedService feeds;
    @Inject
    AgroalDataSource dataSource;

    @BeforeAll
    static void start() throws IOException {
        server = new FeedServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aPollThatFindsANewItemPublishesItsEventOnceWithItsChapters() throws Exception {
        String base = server.base();
        String oneItem = FeedFixtures.podcastNamespace(base).replace("Namespace Show", "Polled Show");
        server.put("/polled.xml", FeedServer.withEtag("\"1\"", oneItem));
        server.put("/chapters/ns-1.json", FeedServer.text("application/json+chapters", FeedFixtures.CHAPTERS_JSON));
        server.put("/chapters/ns-2.json", FeedServer.text("application/json+chapters", FeedFixtures.CHAPTERS_JSON
                .replace("Main part", "Second episode")));
        server.put("/transcripts/ns-1.vtt", FeedServer.text("text/vtt", FeedFixtures.TRANSCRIPT_VTT));
        JsonPath registered = editor().body(Map.of("url", base + "/polled.xml")).post("/api/feeds").then()
                .statusCode(201).body("showSlug", is("polled-show")).extract().jsonPath();
        String feedId = registered.getString("feedId");

        String newItem = """
                    <item>
                      <title>Second</title>
                      <guid>ns-2</guid>
                      <pubDate>Tue, 03 Jun 2025 08:00:00 +0000</pubDate>
                      <enclosure url="https://cdn.example.com/ns-2.mp3" length="1000" type="audio/mpeg"/>
                      <podcast:chapters url="%s/chapters/ns-2.json" type="application/json+chapters"/>
                    </item>
                  </channel>""".formatted(base);
        server.put("/polled.xml", FeedServer.withEtag("\"2\"", oneItem.replace("</channel>", newItem)));
        assertThat(feeds.pollDue()).as("not due yet").isZero();
        execute("UPDATE feeds SET next_poll_at = now() - interval '1 second' WHERE id = '" + feedId + "'");

        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Integer>> pollers = List.of(
                CompletableFuture.supplyAsync(() -> await(go)), CompletableFuture.supplyAsync(() -> await(go)));
        go.countDown();
        int polled = pollers.stream().mapToInt(CompletableFuture::join).sum();
        assertThat(polled).as("two instances, one claim").isEqualTo(1);
        assertThat(server.hits("/polled.xml")).isEqualTo(2);
        editor().get("/api/feeds/" + feedId).then().body("lastStatus", is("ok")).body("itemsSeen", is(2))
                .body("episodesWritten", is(1));

        String episodeId = query("SELECT id FROM episodes WHERE guid = 'ns-2'");
        List<EpisodeEvent> events = Catalog.events(Catalog.records(episodeId, 1, WAIT));
        assertThat(events).hasSize(1);
        assertThat(events.get(0).type()).isEqualTo(EpisodeEventType.UPSERTED);
        assertThat(events.get(0).episode().guid()).isEqualTo("ns-2");
        assertThat(events.get(0).episode().chaptersJson()).contains("Second episode");
        assertThat(events.get(0).episode().show().slug()).isEqualTo("polled-show");

        execute("UPDATE feeds SET next_poll_at = now() - interval '1 second' WHERE id = '" + feedId + "'");
        assertThat(feeds.pollDue()).isEqualTo(1);
        editor().get("/api/feeds/" + feedId).then().body("lastStatus", is("not-modified"));
    }

    private int await(CountDownLatch go) {
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return feeds.pollDue();
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.executeUpdate();
        }
    }

    private String query(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet rows = statement.executeQuery()) {
            assertThat(rows.next()).isTrue();
            return rows.getString(1);
        }
    }
}

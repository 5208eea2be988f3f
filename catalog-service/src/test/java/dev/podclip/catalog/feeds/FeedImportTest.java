package dev.podclip.catalog.feeds;

import dev.podclip.catalog.outbox.OutboxRelay;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.podclip.catalog.support.Catalog.editor;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

/**
 * Feeds served by a local HTTP server, imported through the API; the relay is paused so the outbox keeps every event.
 */
@QuarkusTest
@TestProfile(FeedsProfile.class)
class FeedImportTest {

    private static final String PROBLEMS = "https://podclip.dev/problems/";
    private static final int BIG_FEED_ITEMS = 1_000;
    private static FeedServer server;

    @Inject
    AgroalDataSource dataSource;
    @Inject
    OutboxRelay relay;

    @BeforeAll
    static void start() throws IOException {
        server = new FeedServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void pauseRelay() {
        relay.pause();
    }

    @AfterEach
    void resumeRelay() {
        relay.resume();
    }

    @Test
    void reimportIsIdempotentByGuidAndAChangedItemIsOneUpsert() throws SQLException {
        server.put("/hosted.xml", FeedServer.text("application/rss+xml", FeedFixtures.hostedShow("Joins")));
        JsonPath first = register("/hosted.xml", null).then().statusCode(201)
                .body("showSlug", is("database-school")).body("itemsSeen", is(3)).body("episodesWritten", is(2))
                .body("warnings[0]", containsString("not an episode")).extract().jsonPath();
        String feedId = first.getString("feedId");
        String showId = first.getString("showId");
        assertThat(outboxRows(showId)).isEqualTo(2);
        assertThat(column(showId, "duration_text")).containsExactly("1:18:05", "4711");
        assertThat(column(showId, "duration_ms")).containsExactly("4685000", "4711000");
        assertThat(column(showId, "audio_url")).containsExactly("https://www.buzzsprout.com/1/2002.mp3",
                "https://traffic.libsyn.com/dbschool/ep1.mp3");
        assertThat(column(showId, "page_url")).containsExactly("https://databaseschool.com/episodes/2", null);
        register("/hosted.xml", null).then().statusCode(409).body("type", is(PROBLEMS + "duplicate-feed"));
        assertThat(column(showId, "slug")).containsExactly("joins", "indexes-explained");

        poll(feedId).then().statusCode(200).body("itemsChanged", is(0)).body("episodesWritten", is(0));
        assertThat(outboxRows(showId)).isEqualTo(2);
        assertThat(column(showId, "version")).containsExactly("1", "1");

        server.put("/hosted.xml", FeedServer.text("application/rss+xml", FeedFixtures.hostedShow("Joins, revised")));
        poll(feedId).then().statusCode(200).body("itemsChanged", is(1)).body("episodesWritten", is(1));
        assertThat(outboxRows(showId)).isEqualTo(3);
        assertThat(column(showId, "version")).containsExactly("2", "1");
        assertThat(column(showId, "title")).containsExactly("Joins, revised", "Indexes, explained");
        assertThat(column(showId, "slug")).containsExactly("joins", "indexes-explained");

        editor().get("/api/feeds/" + feedId).then().statusCode(200).body("lastStatus", is("ok"))
                .body("itemsSeen", is(3)).body("episodesWritten", is(1)).body("lastError", is((Object) null));
        given().get("/api/feeds").then().statusCode(401);
        editor().delete("/api/feeds/" + feedId).then().statusCode(204);
        editor().get("/api/feeds/" + feedId).then().statusCode(404);
        assertThat(column(showId, "guid")).hasSize(2);
    }

    @Test
    void etagAnswers304AndNothingIsWritten() throws SQLException {
        server.put("/etag.xml", FeedServer.withEtag("\"v1\"", FeedFixtures.PODLOVE));
        JsonPath first = register("/etag.xml", "etag-show").then().statusCode(201).body("episodesWritten", is(1))
                .extract().jsonPath();
        String feedId = first.getString("feedId");
        poll(feedId).then().statusCode(200).body("notModified", is(true)).body("episodesWritten", is(0));
        assertThat(outboxRows(first.getString("showId"))).isEqualTo(1);
        editor().get("/api/feeds/" + feedId).then().body("lastStatus", is("not-modified"));
        assertThat(server.hits("/etag.xml")).isEqualTo(2);
    }

    @Test
    void podcastChaptersAndTranscriptAreFetched() throws SQLException {
        server.put("/ns.xml", FeedServer.text("application/rss+xml", FeedFixtures.podcastNamespace(server.base())));
        server.put("/chapters/ns-1.json", FeedServer.text("application/json+chapters", FeedFixtures.CHAPTERS_JSON));
        server.put("/transcripts/ns-1.vtt", FeedServer.text("text/vtt", FeedFixtures.TRANSCRIPT_VTT));
        String showId = register("/ns.xml", null).then().statusCode(201).body("episodesWritten", is(1))
                .body("warnings.size()", is(0)).extract().path("showId");
        assertThat(column(showId, "chapters_json")).containsExactly(FeedFixtures.CHAPTERS_JSON);
        assertThat(column(showId, "transcript_format")).containsExactly("vtt");
        assertThat(column(showId, "transcript_body")).containsExactly(FeedFixtures.TRANSCRIPT_VTT);
        assertThat(server.hits("/transcripts/ns-1.txt")).isZero();
    }

    @Test
    void uploadedFeedsPodloveChaptersAndCdataNotes() throws SQLException {
        String showId = editor().contentType("application/rss+xml").body(utf8(FeedFixtures.PODLOVE))
                .post("/api/feeds/import?slug=podlove-upload").then().statusCode(200)
                .body("episodesWritten", is(1)).extract().path("showId");
        assertThat(column(showId, "chapters_json").get(0)).contains("Begrüßung").contains("Thema & Technik");
        assertThat(column(showId, "show_notes").get(0)).startsWith("<p>Show notes with <b>HTML</b> & links");
        assertThat(column(showId, "duration_text")).containsExactly("01:02:03");

        String cafe = editor().contentType("application/xml").body(utf8(FeedFixtures.CDATA_HTML))
                .post("/api/feeds/import").then().statusCode(200).body("showSlug", is("cafe-code"))
                .extract().path("showId");
        assertThat(column(cafe, "title")).containsExactly("Untitled episode");
        assertThat(column(cafe, "show_notes").get(0)).contains("<li>02:13 Main</li>");
        editor().contentType("application/xml").body(utf8(FeedFixtures.CDATA_HTML)).post("/api/feeds/import").then()
                .statusCode(200).body("itemsChanged", is(0)).body("episodesWritten", is(0));
        assertThat(outboxRows(cafe)).isEqualTo(1);

        // A show imported from a feed can be deleted like any other; importing again brings it back.
        String episodeId = given().queryParam("show", cafe).get("/api/episodes").then().statusCode(200)
                .extract().path("items[0].id");
        editor().delete("/api/episodes/" + episodeId).then().statusCode(204);
        editor().delete("/api/shows/" + cafe).then().statusCode(204);
        editor().contentType("application/xml").body(utf8(FeedFixtures.CDATA_HTML)).post("/api/feeds/import").then()
                .statusCode(200).body("episodesWritten", is(1));
    }

    @Test
    void slowHugeMalformedAndPrivateRedirectsAreRefusedAndNothingIsImported() throws SQLException {
        server.put("/slow.xml", FeedServer.slow(3_000, FeedFixtures.hostedShow("Slow")));
        server.put("/huge.xml", FeedServer.huge(3L * 1024 * 1024));
        server.put("/malformed.xml", FeedServer.text("application/rss+xml",
                FeedFixtures.PODLOVE.replace("</channel>", "")));
        server.put("/to-private.xml", FeedServer.redirect("http://10.0.0.1/feed.xml"));
        server.put("/to-metadata.xml", FeedServer.redirect("http://169.254.169.254/latest/meta-data/"));
        server.put("/hop.xml", FeedServer.redirect("/to-private.xml"));

        refused("/slow.xml", 502, "feed-timeout");
        refused("/huge.xml", 502, "feed-too-large");
        refused("/malformed.xml", 422, "feed-malformed-feed");
        refused("/to-private.xml", 422, "feed-private-address");
        refused("/to-metadata.xml", 422, "feed-private-address");
        refused("/hop.xml", 422, "feed-private-address");
        assertThat(count("SELECT count(*) FROM shows WHERE slug IN ('database-school-x', 'huge', 'podlove-fest')"))
                .isZero();

        editor().body(Map.of("url", "http://169.254.169.254/feed")).post("/api/feeds").then().statusCode(422)
                .body("type", is(PROBLEMS + "feed-private-address"));
        editor().body(Map.of("url", "file:///etc/passwd")).post("/api/feeds").then().statusCode(422)
                .body("type", is(PROBLEMS + "feed-bad-scheme"));
    }

    @Test
    void anInvalidItemRefusesTheWholeFeed() throws SQLException {
        String good = FeedFixtures.hostedShow("Joins");
        String bad = good.replace("https://www.buzzsprout.com/1/2002.mp3", "ftp://www.buzzsprout.com/1/2002.mp3");
        server.put("/half.xml", FeedServer.text("application/rss+xml", bad));
        String feedId = register("/half.xml", "half-show").then().statusCode(422)
                .body("type", is(PROBLEMS + "feed-malformed-feed")).body("detail", containsString("item 2"))
                .extract().path("feedId");
        assertThat(count("SELECT count(*) FROM shows WHERE slug = 'half-show'")).isZero();

        server.put("/half.xml", FeedServer.text("application/rss+xml", good));
        String showId = poll(feedId).then().statusCode(200).body("episodesWritten", is(2)).extract().path("showId");
        server.put("/half.xml", FeedServer.text("application/rss+xml", good.replace("</rss>", "")));
        poll(feedId).then().statusCode(422);
        editor().get("/api/feeds/" + feedId).then().body("lastStatus", is("failed"))
                .body("lastError", containsString("malformed-feed"));
        assertThat(outboxRows(showId)).isEqualTo(2);
    }

    @Test
    void aThousandItemFeedImportsInOneTransaction() throws SQLException {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < BIG_FEED_ITEMS; i++) {
            items.append("<item><title>Same title</title><guid>big-").append(i).append("</guid>")
                    .append("<enclosure url=\"https://cdn.example.com/big-").append(i)
                    .append(".mp3\" type=\"audio/mpeg\"/><itunes:duration>").append(60 + i)
                    .append("</itunes:duration></item>");
        }
        String feed = "<rss version=\"2.0\" xmlns:itunes=\"" + FeedParser.ITUNES + "\"><channel><title>Big Show"
                + "</title>" + items + "</channel></rss>";
        String showId = editor().contentType("application/xml").body(utf8(feed)).post("/api/feeds/import").then()
                .log().ifValidationFails().statusCode(200).body("episodesWritten", is(BIG_FEED_ITEMS))
                .extract().path("showId");
        assertThat(outboxRows(showId)).isEqualTo(BIG_FEED_ITEMS);
        assertThat(count("SELECT count(DISTINCT slug) FROM episodes WHERE show_id = '" + showId + "'"))
                .isEqualTo(BIG_FEED_ITEMS);
        editor().contentType("application/xml").body(utf8(feed)).post("/api/feeds/import").then().statusCode(200)
                .body("itemsChanged", is(0)).body("episodesWritten", is(0));
    }

    private static io.restassured.response.Response register(String path, String slug) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("url", server.base() + path);
        if (slug != null) {
            body.put("slug", slug);
        }
        return editor().body(body).post("/api/feeds");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static io.restassured.response.Response poll(String feedId) {
        return editor().post("/api/feeds/" + feedId + "/poll");
    }

    private static void refused(String path, int status, String type) {
        String feedId = register(path, null).then().statusCode(status).contentType("application/problem+json")
                .body("type", is(PROBLEMS + type)).extract().path("feedId");
        editor().get("/api/feeds/" + feedId).then().statusCode(200).body("lastStatus", is("failed"))
                .body("lastError", containsString(type.substring("feed-".length())));
    }

    private long outboxRows(String showId) throws SQLException {
        return count("SELECT count(*) FROM outbox_events o JOIN episodes e ON e.id = o.episode_id"
                + " WHERE e.show_id = '" + showId + "'");
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** One column of the show's episodes, newest first. */
    private List<String> column(String showId, String name) throws SQLException {
        String sql = "SELECT " + name + " FROM episodes WHERE show_id = ?::uuid"
                + " ORDER BY published_at DESC NULLS FIRST, id";
        List<String> values = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, showId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
        }
        return values;
    }
}

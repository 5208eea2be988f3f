package dev.podclip.clip.feeds;

import dev.podclip.clip.TopicsResource;
import dev.podclip.clip.clips.ClipTestSupport;
import dev.podclip.clip.db.Database;
import dev.podclip.clip.db.TestSql;
import dev.podclip.clip.episodes.EpisodeRows;
import dev.podclip.clip.episodes.StoredEpisode;
import dev.podclip.testing.KafkaResource;
import dev.podclip.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

/** GET /feeds/{showSlug}.xml from read-model rows, validated as RSS 2.0 with a namespace-aware DOM. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(TopicsResource.class)
class FeedOutTest {

    private static final String SHOW = "feed-out-show";

    @Inject
    TestSql sql;
    @Inject
    Database db;

    @Test
    void showFeedIsValidRss20WithChaptersTranscriptsAndFeaturedSoundbites() throws Exception {
        UUID older = episode("Indexes <part 1> & \"more\"", Instant.parse("2025-06-03T10:00:00Z"), 4_711_000L);
        UUID newer = episode("Joins", Instant.parse("2025-06-27T16:00:00Z"), null);
        UUID noChapters = episode("No chapters", null, null);
        transcript(newer);
        clip("featuredA", newer, 73_500, 133_500, "The best minute");
        clip("plainB", newer, 10_000, 20_000, "Not featured");
        given().auth().oauth2(ClipTestSupport.editor()).contentType(ContentType.JSON)
                .body(Map.of("featured", true)).put("/api/clips/featuredA/featured").then().statusCode(200)
                .body("featured", is(true));
        given().contentType(ContentType.JSON).body(Map.of("featured", true)).put("/api/clips/plainB/featured")
                .then().statusCode(401);
        given().auth().oauth2(ClipTestSupport.editor()).contentType(ContentType.JSON)
                .body(Map.of("featured", true)).put("/api/clips/nosuchclip/featured").then().statusCode(404);

        byte[] body = given().get("/feeds/" + SHOW + ".xml").then().statusCode(200)
                .contentType("application/rss+xml").extract().asByteArray();
        Document document = parse(body);
        Element rss = document.getDocumentElement();
        assertThat(rss.getTagName()).isEqualTo("rss");
        assertThat(rss.getAttribute("version")).isEqualTo("2.0");
        Element channel = only(rss, "channel");
        assertThat(text(channel, "title")).isEqualTo("Feed Out Show");
        assertThat(text(channel, "link")).endsWith("/feeds/" + SHOW + ".xml");
        assertThat(text(channel, "description")).isNotBlank();

        List<Element> items = children(channel, "item");
        assertThat(items).hasSize(3);
        Element last = items.get(2);
        assertThat(text(last, "guid")).isEqualTo("podclip:episode:" + noChapters);
        assertThat(last.getElementsByTagNameNS(FeedWriter.PODCAST, "chapters").getLength()).isZero();
        assertThat(children(last, "pubDate")).isEmpty();
        for (Element item : items.subList(0, 2)) {
            assertThat(text(item, "title") + text(item, "description")).isNotBlank();
            assertThat(text(item, "guid")).startsWith("source-feed:");
            Element enclosure = only(item, "enclosure");
            assertThat(enclosure.getAttribute("url")).startsWith("https://");
            assertThat(enclosure.getAttribute("type")).isEqualTo("audio/mpeg");
            assertThat(enclosure.getAttribute("length")).matches("\\d+");
            ZonedDateTime.parse(text(item, "pubDate"), DateTimeFormatter.RFC_1123_DATE_TIME);
            Element chapters = onlyNs(item, FeedWriter.PODCAST, "chapters");
            assertThat(chapters.getAttribute("type")).isEqualTo("application/json+chapters");
        }
        Element first = items.get(0);
        assertThat(text(first, "guid")).isEqualTo("source-feed:Joins");
        assertThat(ZonedDateTime.parse(text(first, "pubDate"), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant())
                .isEqualTo(Instant.parse("2025-06-27T16:00:00Z"));
        assertThat(onlyNs(first, FeedWriter.PODCAST, "chapters").getAttribute("url"))
                .endsWith("/api/episodes/" + newer + "/chapters.json");
        assertThat(onlyNs(first, FeedWriter.PODCAST, "transcript").getAttribute("url"))
                .endsWith("/api/episodes/" + newer + "/transcript.vtt");
        NodeList bites = first.getElementsByTagNameNS(FeedWriter.PODCAST, "soundbite");
        assertThat(bites.getLength()).isEqualTo(1);
        Element bite = (Element) bites.item(0);
        assertThat(bite.getAttribute("startTime")).isEqualTo("73.5");
        assertThat(bite.getAttribute("duration")).isEqualTo("60");
        assertThat(bite.getTextContent()).isEqualTo("The best minute");

        Element second = items.get(1);
        assertThat(text(second, "title")).isEqualTo("Indexes <part 1> & \"more\"");
        assertThat(textNs(second, FeedWriter.ITUNES, "duration")).isEqualTo("4711");
        assertThat(second.getElementsByTagNameNS(FeedWriter.PODCAST, "transcript").getLength()).isZero();
        assertThat(second.getElementsByTagNameNS(FeedWriter.PODCAST, "soundbite").getLength()).isZero();
        assertThat(new String(body, StandardCharsets.UTF_8)).contains("Indexes &lt;part 1&gt; &amp;");

        given().get("/feeds/no-such-show.xml").then().statusCode(404);
    }

    /** One title with characters XML 1.0 cannot hold must not make the whole feed unreadable to podcast apps. */
    @Test
    void charactersXmlCannotHoldAreDroppedNotAllowedToBreakTheFeed() throws Exception {
        String show = "feed-out-control";
        UUID id = episode(show, "Ctl\u0001 and \uFFFE title\u001F", Instant.parse("2025-07-01T10:00:00Z"), 60_000L);
        clip("ctlClip", id, 1_000, 9_000, "bite\u0002 title");
        given().auth().oauth2(ClipTestSupport.editor()).contentType(ContentType.JSON)
                .body(Map.of("featured", true)).put("/api/clips/ctlClip/featured").then().statusCode(200);
        byte[] body = given().get("/feeds/" + show + ".xml").then().statusCode(200).extract().asByteArray();
        Document document = parse(body);
        Element item = (Element) document.getElementsByTagName("item").item(0);
        assertThat(text(item, "title")).isEqualTo("Ctl and  title");
        assertThat(item.getElementsByTagNameNS(FeedWriter.PODCAST, "soundbite").item(0).getTextContent())
                .isEqualTo("bite title");
    }

    UUID episode(String title, Instant publishedAt, Long durationMs) {
        return episode(SHOW, title, publishedAt, durationMs);
    }

    @Transactional
    UUID episode(String show, String title, Instant publishedAt, Long durationMs) {
        UUID id = UUID.randomUUID();
        StoredEpisode episode = new StoredEpisode(id, 1, false,
                UUID.nameUUIDFromBytes(show.getBytes(StandardCharsets.UTF_8)), show, "Feed Out Show", title, "ep-" + id,
                publishedAt == null ? null : "source-feed:" + title, "https://cdn.podclip.test/media/" + id + ".mp3",
                null, null, publishedAt, null, durationMs, "<p>Notes & links</p>", "notes",
                publishedAt == null ? 0 : 2, UUID.randomUUID(), Instant.now(), Instant.now(), null);
        db.call(c -> {
            EpisodeRows.insert(c, List.of(episode));
            return null;
        });
        return id;
    }

    void transcript(UUID episodeId) {
        sql.run("INSERT INTO clip_transcript (episode_id, version, format, sha256, status, cue_count, updated_at)"
                + " VALUES (?1, 1, 'vtt', 'x', 'ok', 0, now())", episodeId);
    }

    void clip(String id, UUID episodeId, long startMs, long endMs, String title) {
        sql.run("INSERT INTO clip_clip (id, episode_id, title, start_ms, end_ms, episode_version, created_by,"
                + " created_at) VALUES (?1, ?2, ?3, ?4, ?5, 1, 'test', now())", id, episodeId, title, startMs, endMs);
    }

    private static Document parse(byte[] body) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (org.w3c.dom.Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getNamespaceURI() == null
                    && element.getLocalName().equals(name)) {
                found.add(element);
            }
        }
        return found;
    }

    private static Element only(Element parent, String name) {
        List<Element> found = children(parent, name);
        assertThat(found).as(name).hasSize(1);
        return found.get(0);
    }

    private static Element onlyNs(Element parent, String ns, String name) {
        NodeList found = parent.getElementsByTagNameNS(ns, name);
        assertThat(found.getLength()).as(name).isEqualTo(1);
        return (Element) found.item(0);
    }

    private static String text(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? "" : found.get(0).getTextContent();
    }

    private static String textNs(Element parent, String ns, String name) {
        return onlyNs(parent, ns, name).getTextContent();
    }
}

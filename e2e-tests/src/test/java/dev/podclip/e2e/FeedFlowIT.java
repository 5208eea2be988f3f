package dev.podclip.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A followed RSS feed end to end: registering it imports its episode; the next scheduled poll finds a new item, and
 * that item's chapters appear in clip-service; the show's feed comes back out of clip-service with podcast:chapters.
 * The feed is served by a tiny HTTP server in this test (loopback is allowed for it by configuration).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedFlowIT {

    static final Duration FLOW_TIMEOUT = Duration.ofSeconds(60);
    static final String ITEM_ONE = item("e2e-feed-1", "The first episode", "Tue, 03 Nov 2026 10:00:00 GMT",
            "00:00 - Hello05:00 - The middle part10:00 - Goodbye", "900");
    static final String ITEM_TWO = item("e2e-feed-2", "The second episode", "Tue, 10 Nov 2026 10:00:00 GMT",
            "Chapters:<br>0:00 Cold open<br>2:30 Interview<br>40:00 Listener questions", "49:00");

    final AtomicReference<String> feed = new AtomicReference<>(feed(ITEM_ONE));
    HttpServer server;
    Stack stack;
    Api catalog;
    Api clip;

    @BeforeAll
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/feed.xml", exchange -> {
            byte[] body = feed.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/rss+xml; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        stack = Stack.start(Map.of("CATALOG_FEEDS_ALLOW_LOOPBACK", "true", "CATALOG_FEEDS_TICK", "1s",
                "CATALOG_FEEDS_POLL_INTERVAL", "2s"), Map.of());
        catalog = stack.catalogApi();
        clip = stack.clipApi();
    }

    @AfterAll
    void stop() {
        if (stack != null) {
            stack.close();
        }
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void aPollThatFindsANewItemMakesItsChaptersAppear() throws Exception {
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/feed.xml";
        Api.Response registered = catalog.post("/api/feeds", Api.JSON.createObjectNode().put("url", url));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        String showId = registered.json().get("showId").asText();
        String showSlug = registered.json().get("showSlug").asText();

        String first = awaitEpisode(showId, "e2e-feed-1");
        assertThat(titles(awaitChapters(first))).containsExactly("Hello", "The middle part", "Goodbye");

        feed.set(feed(ITEM_TWO + ITEM_ONE));
        String second = awaitEpisode(showId, "e2e-feed-2");
        JsonNode chapters = awaitChapters(second);
        assertThat(titles(chapters)).containsExactly("Cold open", "Interview", "Listener questions");
        assertThat(chapters.at("/chapters/2/endMs").asLong()).isEqualTo(49 * 60_000L);

        Api.Response out = clip.getText("/feeds/" + showSlug + ".xml");
        assertThat(out.status()).isEqualTo(200);
        Document rss = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(out.body().getBytes(StandardCharsets.UTF_8)));
        assertThat(rss.getDocumentElement().getAttribute("version")).isEqualTo("2.0");
        NodeList items = rss.getElementsByTagName("item");
        assertThat(items.getLength()).isEqualTo(2);
        Element newest = (Element) items.item(0);
        assertThat(newest.getElementsByTagName("title").item(0).getTextContent()).isEqualTo("The second episode");
        assertThat(newest.getElementsByTagName("guid").item(0).getTextContent()).isEqualTo("e2e-feed-2");
        NodeList links = newest.getElementsByTagNameNS("https://podcastindex.org/namespace/1.0", "chapters");
        assertThat(links.getLength()).isEqualTo(1);
        String chaptersUrl = ((Element) links.item(0)).getAttribute("url");
        assertThat(chaptersUrl).endsWith("/api/episodes/" + second + "/chapters.json");
    }

    private String awaitEpisode(String showId, String guid) {
        String[] id = new String[1];
        await().atMost(FLOW_TIMEOUT).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            JsonNode items = catalog.get("/api/episodes?show=" + showId + "&guid=" + guid).json().get("items");
            assertThat(items).hasSize(1);
            id[0] = items.get(0).get("id").asText();
        });
        return id[0];
    }

    private JsonNode awaitChapters(String episodeId) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(FLOW_TIMEOUT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            Api.Response response = clip.get("/api/episodes/" + episodeId + "/chapters");
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            found[0] = response.json();
        });
        return found[0];
    }

    static List<String> titles(JsonNode chapters) {
        List<String> titles = new ArrayList<>();
        chapters.get("chapters").forEach(c -> titles.add(c.get("title").asText()));
        return titles;
    }

    static String feed(String items) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"
                     xmlns:content="http://purl.org/rss/1.0/modules/content/">
                <channel>
                  <title>Followed Show</title>
                  <link>https://followed.example.com</link>
                  <description>A show the catalog follows</description>
                  <itunes:author>Someone</itunes:author>
                """ + items + "</channel>\n</rss>\n";
    }

    static String item(String guid, String title, String pubDate, String notes, String duration) {
        return "<item><guid isPermaLink=\"false\">" + guid + "</guid><title>" + title + "</title>"
                + "<pubDate>" + pubDate + "</pubDate>"
                + "<description><![CDATA[" + notes + "]]></description>"
                + "<enclosure url=\"https://media.example.com/" + guid + ".mp3\" length=\"1000\" type=\"audio/mpeg\"/>"
                + "<itunes:duration>" + duration + "</itunes:duration></item>\n";
    }
}

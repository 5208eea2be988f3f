package dev.podclip.e2e;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The front door in a real browser (headless Chromium), as a person who has read nothing uses it: the home page lists
 * the show, typing a word said in an episode into the search box finds it, and the hit's link opens the share page of
 * that moment. The pages are laid out at 360 px (no horizontal scrolling) and 1280 px; screenshots of both are saved
 * to the build artifacts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FrontDoorBrowserIT {

    static final Duration FLOW_TIMEOUT = Duration.ofSeconds(60);
    static final String WORD = "flamingo";

    Stack stack;

    @BeforeAll
    void start() {
        assumeTrue(Browser.available() || System.getenv("CI") != null,
                "Chromium and chromedriver are not installed (.ci/run installs them)");
        stack = Stack.start(Map.of("CATALOG_DEMO_MEDIA", "true"), Map.of());
    }

    @AfterAll
    void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void homeSearchHitSharePageAt360And1280Pixels() throws Exception {
        String id = createEpisodeWithTranscript();
        try (Browser browser = new Browser()) {
            for (int width : new int[]{360, 1280}) {
                browser.driver.manage().window().setSize(new Dimension(width, 900));
                browser.driver.get(stack.clipApi().baseUrl() + "/");
                assertThat(browser.driver.getTitle()).isEqualTo("Podcasts · podclip");
                WebElement card = browser.driver.findElement(By.cssSelector("li.show-card a"));
                assertThat(card.getText()).contains("Front Door Show");
                assertNoHorizontalScroll(browser, width);
                assertThat(Files.size(browser.screenshot("front-door-home-" + width + ".png"))).isGreaterThan(1_000);

                WebElement box = browser.driver.findElement(By.cssSelector("header.site input[name=q]"));
                box.sendKeys(WORD, Keys.ENTER);
                await().atMost(Duration.ofSeconds(10)).until(() -> browser.driver.getCurrentUrl()
                        .contains("/search?q=" + WORD));
                WebElement share = browser.driver.findElement(By.cssSelector("li.hit a.share"));
                assertThat(browser.driver.findElement(By.cssSelector("li.hit mark")).getText()).isEqualTo(WORD);
                assertNoHorizontalScroll(browser, width);
                assertThat(Files.size(browser.screenshot("front-door-search-" + width + ".png")))
                        .isGreaterThan(1_000);

                String href = share.getAttribute("href");
                assertThat(href).endsWith("/e/" + id + "?t=360,400"); // the hit at 6:10: 10 s before, 30 s after
                share.click();
                await().atMost(Duration.ofSeconds(10)).until(() -> browser.driver.getCurrentUrl().equals(href));
                assertThat(browser.driver.findElement(By.cssSelector(".range .start")).getText()).isEqualTo("6:00");
                assertThat(browser.driver.findElement(By.cssSelector(".range .end")).getText()).isEqualTo("6:40");
                assertNoHorizontalScroll(browser, width);
                assertThat(Files.size(browser.screenshot("front-door-share-" + width + ".png"))).isGreaterThan(1_000);
            }
        }
    }

    private static void assertNoHorizontalScroll(Browser browser, int width) {
        Object overflow = browser.script("return document.documentElement.scrollWidth - "
                + "document.documentElement.clientWidth;");
        assertThat(((Number) overflow).intValue()).as("horizontal overflow at " + width + " px").isLessThanOrEqualTo(0);
    }

    private String createEpisodeWithTranscript() {
        Api catalog = stack.catalogApi();
        Api clip = stack.clipApi();
        ObjectNode show = Api.JSON.createObjectNode().put("slug", "front-door-show").put("title", "Front Door Show");
        String showId = catalog.post("/api/shows", show).json().get("id").asText();
        ObjectNode episode = Api.JSON.createObjectNode().put("showId", showId).put("guid", "front-door:1")
                .put("slug", "front-door-episode").put("title", "An episode to find")
                .put("showNotes", "00:00 - Hello05:00 - Birds and databases").put("durationText", "15 min")
                .put("audioUrl", catalog.baseUrl() + "/media/demo/900000/front-door-episode.wav");
        Api.Response created = catalog.post("/api/episodes", episode);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asText();
        Api.Response uploaded = catalog.putFile("/api/episodes/" + id + "/transcript", "WEBVTT\n\n"
                + "00:00:01.000 --> 00:00:04.000\n<v Aaron>Hello and welcome to the show.\n\n"
                + "00:06:10.000 --> 00:06:14.000\n<v Guest>The " + WORD + " replication incident began at night.\n",
                "text/vtt", "\"1\"");
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(200);
        await().atMost(FLOW_TIMEOUT).pollInterval(Duration.ofMillis(200)).until(() ->
                clip.get("/api/search?q=" + WORD).body().contains(id));
        return id;
    }
}

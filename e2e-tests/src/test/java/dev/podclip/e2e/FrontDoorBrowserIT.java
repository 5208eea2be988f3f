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
import org.openqa.selenium.interactions.Actions;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The front door in a real browser (headless Chromium), as a person who has read nothing uses it: the home page lists
 * the show, typing a word said in an episode into the search box finds it, and the hit's link opens the share page of
 * that moment; or home, show, episode, a clip made there by dragging on the timeline and by selecting transcript text,
 * previewed, its link copied and opened. The pages are laid out at 360 px (no horizontal scrolling) and 1280 px;
 * screenshots of both are saved to the build artifacts, and axe-core finds no serious or critical violation on any of
 * them. The episode page offers a reload when the episode changes, and works on without EventSource.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FrontDoorBrowserIT {

    static final Duration FLOW_TIMEOUT = Duration.ofSeconds(60);
    static final String WORD = "flamingo";
    /** Seeks land on sample boundaries and the preview's end is watched every 50 ms: the tolerance of "exactly". */
    static final double TOLERANCE_S = 0.35;
    static final Duration MEDIA_TIMEOUT = Duration.ofSeconds(30);
    /** The demo episode's length, as its durationText says. */
    static final long EPISODE_MS = 15 * 60_000;

    Stack stack;
    private String showId;
    private String episodeId;

    @BeforeAll
    void start() {
        assumeTrue(Browser.available() || System.getenv("CI") != null,
                "Chromium and chromedriver are not installed (.ci/run installs them)");
        stack = Stack.start(Map.of("CATALOG_DEMO_MEDIA", "true"), Map.of("CLIP_DEV_SIGN_IN_ENABLED", "true",
                "CLIP_DEV_SIGN_IN_PRIVATE_KEY_LOCATION",
                dev.podclip.testing.RepoPaths.root().resolve("dev/jwt/privateKey.pem").toString()));
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
                Axe.assertNoSeriousViolations(browser, "home at " + width + " px");

                WebElement box = browser.driver.findElement(By.cssSelector("header.site input[name=q]"));
                box.sendKeys(WORD, Keys.ENTER);
                await().atMost(Duration.ofSeconds(10)).until(() -> browser.driver.getCurrentUrl()
                        .contains("/search?q=" + WORD));
                WebElement share = browser.driver.findElement(By.cssSelector("li.hit a.share"));
                assertThat(browser.driver.findElement(By.cssSelector("li.hit mark")).getText()).isEqualTo(WORD);
                assertNoHorizontalScroll(browser, width);
                assertThat(Files.size(browser.screenshot("front-door-search-" + width + ".png")))
                        .isGreaterThan(1_000);
                Axe.assertNoSeriousViolations(browser, "search at " + width + " px");

                String href = share.getAttribute("href");
                assertThat(href).endsWith("/e/" + id + "?t=360,400"); // the hit at 6:10: 10 s before, 30 s after
                share.click();
                await().atMost(Duration.ofSeconds(10)).until(() -> browser.driver.getCurrentUrl().equals(href));
                assertThat(browser.driver.findElement(By.cssSelector(".range .start")).getText()).isEqualTo("6:00");
                assertThat(browser.driver.findElement(By.cssSelector(".range .end")).getText()).isEqualTo("6:40");
                assertNoHorizontalScroll(browser, width);
                assertThat(Files.size(browser.screenshot("front-door-share-" + width + ".png"))).isGreaterThan(1_000);
                Axe.assertNoSeriousViolations(browser, "share page at " + width + " px");
            }
        }
    }

    /**
     * Home → show → episode; a range dragged on the timeline and moved with the keyboard; then the transcript text
     * said at 6:10 selected with the mouse, which makes the clip 6:10–6:14: the preview plays it and stops at its end,
     * its link is shown and copied, and opening it shows the share page at that range.
     */
    @Test
    void homeShowEpisodeSelectTextPreviewCopyAndOpenTheLink() throws Exception {
        String id = createEpisodeWithTranscript();
        String base = stack.clipApi().baseUrl();
        try (Browser browser = new Browser()) {
            for (int width : new int[]{360, 1280}) {
                browser.driver.manage().window().setSize(new Dimension(width, 900));
                browser.driver.get(base + "/");
                browser.driver.findElement(By.cssSelector("li.show-card a")).click();
                await().atMost(Duration.ofSeconds(10)).until(() -> browser.driver.getCurrentUrl()
                        .endsWith("/shows/front-door-show"));
                Axe.assertNoSeriousViolations(browser, "show at " + width + " px");
                assertThat(Files.size(browser.screenshot("front-door-show-" + width + ".png"))).isGreaterThan(1_000);

                WebElement episode = browser.driver.findElement(By.linkText("An episode to find"));
                episode.click();
                await().atMost(Duration.ofSeconds(10)).until(() -> browser.driver.getCurrentUrl()
                        .endsWith("/episodes/" + id));
                assertNoHorizontalScroll(browser, width);
                Axe.assertNoSeriousViolations(browser, "episode at " + width + " px");

                // Dragging from 20 % to 30 % of the timeline picks 3:00–4:30 of 15:00, give or take a pixel.
                WebElement track = browser.driver.findElement(By.id("timeline"));
                assertThat(track.getAttribute("role")).isEqualTo("slider");
                assertThat(track.getAttribute("tabindex")).isEqualTo("0");
                browser.script("arguments[0].scrollIntoView({block: 'center'});", track);
                int trackWidth = track.getRect().getWidth();
                long msPerPixel = EPISODE_MS / trackWidth + 1;
                new Actions(browser.driver).moveToElement(track, -trackWidth / 2 + trackWidth / 5, 0).clickAndHold()
                        .moveByOffset(trackWidth / 20, 0).moveByOffset(trackWidth / 20, 0).release().perform();
                assertThat(number(browser.script("return window.clipMaker.startMs;")))
                        .isCloseTo(180_000, org.assertj.core.data.Offset.offset(2.0 * msPerPixel + 1000));
                assertThat(number(browser.script("return window.clipMaker.endMs;")))
                        .isCloseTo(270_000, org.assertj.core.data.Offset.offset(2.0 * msPerPixel + 1000));
                long draggedStartMs = (long) number(browser.script("return window.clipMaker.startMs;"));
                long draggedEndMs = (long) number(browser.script("return window.clipMaker.endMs;"));
                assertThat(browser.driver.findElement(By.id("clip-link")).isDisplayed()).isTrue();
                assertThat(browser.driver.findElement(By.id("clip-href")).getText()).isEqualTo(base + "/e/" + id
                        + "?t=" + draggedStartMs / 1000 + "," + draggedEndMs / 1000);
                // The drawn range follows, and says where it is in words.
                assertThat(track.getAttribute("aria-valuetext")).isEqualTo("Clip " + clock(draggedStartMs) + " to "
                        + clock(draggedEndMs) + " of 15:00");
                // Focused, an arrow key moves the clip by five seconds, Shift with it the end only; Home and End move
                // the clip to either end of the timeline.
                track.sendKeys(Keys.ARROW_RIGHT);
                assertThat(number(browser.script("return window.clipMaker.startMs;"))).isEqualTo(draggedStartMs + 5000);
                assertThat(number(browser.script("return window.clipMaker.endMs;"))).isEqualTo(draggedEndMs + 5000);
                track.sendKeys(Keys.chord(Keys.SHIFT, Keys.ARROW_RIGHT));
                assertThat(number(browser.script("return window.clipMaker.startMs;"))).isEqualTo(draggedStartMs + 5000);
                assertThat(number(browser.script("return window.clipMaker.endMs;"))).isEqualTo(draggedEndMs + 10_000);
                long lengthMs = draggedEndMs - draggedStartMs + 5000;
                track.sendKeys(Keys.HOME);
                assertThat(number(browser.script("return window.clipMaker.startMs;"))).isZero();
                assertThat(number(browser.script("return window.clipMaker.endMs;"))).isEqualTo(lengthMs);
                track.sendKeys(Keys.END);
                assertThat(number(browser.script("return window.clipMaker.endMs;"))).isEqualTo(EPISODE_MS);
                assertThat(number(browser.script("return window.clipMaker.startMs;"))).isEqualTo(EPISODE_MS - lengthMs);

                // Selecting the words said at 6:10 with the mouse makes the clip of that cue.
                WebElement cue = browser.driver.findElement(By.xpath(
                        "//p[contains(@class,'cue')][contains(., '" + WORD + "')]"));
                assertThat(cue.getAttribute("data-start-ms")).isEqualTo("370000");
                assertThat(cue.getAttribute("data-end-ms")).isEqualTo("374000");
                selectText(browser, cue.findElement(By.cssSelector(".cue-text")));
                String href = base + "/e/" + id + "?t=370,374";
                await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
                        browser.driver.findElement(By.id("clip-href")).getText()).isEqualTo(href));
                assertThat(browser.driver.findElement(By.id("clip-href")).getAttribute("href")).isEqualTo(href);
                assertThat(browser.driver.findElement(By.id("clip-start")).getAttribute("value")).isEqualTo("06:10");
                assertThat(browser.driver.findElement(By.id("clip-end")).getAttribute("value")).isEqualTo("06:14");

                // Preview: plays from 6:10 and pauses at 6:14.
                browser.driver.findElement(By.id("clip-preview")).click();
                await().atMost(MEDIA_TIMEOUT).untilAsserted(() -> assertThat(browser.script(
                        "var p = document.getElementById('player'); return p.paused && !window.clipMaker.previewing"
                                + " && p.currentTime > " + (374 - TOLERANCE_S) + ";"))
                        .as(describe(browser)).isEqualTo(Boolean.TRUE));
                assertThat(number(browser.script("return document.getElementById('player').currentTime;")))
                        .isCloseTo(374, org.assertj.core.data.Offset.offset(TOLERANCE_S));
                assertThat(browser.driver.findElement(By.id("clip-preview")).getText()).isEqualTo("Preview");

                // Copy: to the clipboard, or, where the browser refuses it, the link selected for Ctrl+C.
                browser.driver.findElement(By.id("clip-copy")).click();
                await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
                        browser.driver.findElement(By.id("clip-status")).getText()).isNotBlank());
                String status = browser.driver.findElement(By.id("clip-status")).getText();
                if (!status.equals("Link copied.")) {
                    assertThat(browser.script("return window.getSelection().toString();")).isEqualTo(href);
                }
                assertNoHorizontalScroll(browser, width);
                Axe.assertNoSeriousViolations(browser, "episode with a clip at " + width + " px");
                assertThat(Files.size(browser.screenshot("front-door-episode-clip-" + width + ".png")))
                        .isGreaterThan(1_000);

                browser.driver.findElement(By.id("clip-href")).click();
                await().atMost(Duration.ofSeconds(10)).until(() -> browser.driver.getCurrentUrl().equals(href));
                assertThat(browser.driver.findElement(By.cssSelector(".range .start")).getText()).isEqualTo("6:10");
                assertThat(browser.driver.findElement(By.cssSelector(".range .end")).getText()).isEqualTo("6:14");
                assertThat(Files.size(browser.screenshot("front-door-episode-share-" + width + ".png")))
                        .isGreaterThan(1_000);
            }
        }
    }

    /** A change to the episode while its page is open: the page says so, and its Reload shows the new version. */
    @Test
    void episodePageOffersAReloadWhenTheEpisodeChanges() throws Exception {
        createEpisodeWithTranscript();
        Api catalog = stack.catalogApi();
        ObjectNode body = episodeBody("front-door:changing", "front-door-changing", "An episode that changes",
                "00:00 - Start05:00 - Later");
        Api.Response created = catalog.post("/api/episodes", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asText();
        await().atMost(FLOW_TIMEOUT).until(() -> stack.clipApi().get("/api/episodes/" + id + "/chapters").status()
                == 200);
        try (Browser browser = new Browser()) {
            browser.driver.get(stack.clipApi().baseUrl() + "/episodes/" + id);
            assertThat(browser.driver.findElement(By.cssSelector("#details .version")).getText()).isEqualTo("1");
            await().atMost(Duration.ofSeconds(10)).until(() -> Long.valueOf(1).equals(browser.script(
                    "return window.episodeLive && window.episodeLive.source.readyState;")));
            assertThat(browser.driver.findElement(By.id("changed-notice")).isDisplayed()).isFalse();

            Api.Response edited = catalog.put("/api/episodes/" + id, body.put("showNotes",
                    "00:00 - Start again05:00 - Later"), "\"1\"");
            assertThat(edited.status()).as(edited.body()).isEqualTo(200);
            await().atMost(FLOW_TIMEOUT).until(() -> browser.driver.findElement(By.id("changed-notice"))
                    .isDisplayed());
            Axe.assertNoSeriousViolations(browser, "episode with the change notice");
            assertThat(Files.size(browser.screenshot("front-door-episode-changed.png"))).isGreaterThan(1_000);
            browser.driver.findElement(By.id("changed-reload")).click();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(browser.driver.findElement(
                    By.cssSelector("#details .version")).getText()).isEqualTo("2"));
            assertThat(browser.driver.findElement(By.cssSelector("ol.chapters .chapter-title")).getText())
                    .isEqualTo("Start again");
            assertThat(browser.driver.findElement(By.id("changed-notice")).isDisplayed()).isFalse();
        }
    }

    /** Without EventSource the page raises no error and the clip maker still makes links from its fields. */
    @Test
    void episodePageWorksWithoutEventSource() throws Exception {
        String id = createEpisodeWithTranscript();
        try (Browser browser = new Browser()) {
            browser.driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                    "window.pageErrors = []; window.addEventListener('error', function (e) {"
                            + " window.pageErrors.push(String(e.message)); }); delete window.EventSource;"));
            browser.driver.get(stack.clipApi().baseUrl() + "/episodes/" + id);
            assertThat(browser.script("return typeof window.EventSource;")).isEqualTo("undefined");
            WebElement start = browser.driver.findElement(By.id("clip-start"));
            start.clear();
            start.sendKeys("1:00");
            WebElement end = browser.driver.findElement(By.id("clip-end"));
            end.clear();
            end.sendKeys("1:30");
            assertThat(browser.driver.findElement(By.id("clip-href")).getText())
                    .isEqualTo(stack.clipApi().baseUrl() + "/e/" + id + "?t=60,90");
            end.sendKeys("x");
            assertThat(browser.driver.findElement(By.id("clip-range")).getText()).startsWith("Give the start");
            assertThat(browser.driver.findElement(By.id("clip-copy")).isEnabled()).isFalse();
            assertThat(browser.script("return window.pageErrors;")).asList().isEmpty();
        }
    }

    /**
     * With the development sign-in on (as on the local stack), "Save as clip" signs in as an editor and stores the
     * selected range under the typed title; its share link opens the stored clip.
     */
    @Test
    void developmentSignInSavesTheSelectedRangeAsAClip() throws Exception {
        String id = createEpisodeWithTranscript();
        try (Browser browser = new Browser()) {
            browser.driver.get(stack.clipApi().baseUrl() + "/episodes/" + id);
            selectText(browser, browser.driver.findElement(By.xpath(
                    "//p[contains(@class,'cue')][contains(., '" + WORD + "')]//span[@class='cue-text']")));
            assertThat(browser.driver.findElement(By.cssSelector("#clip-save .dev-only")).getText())
                    .startsWith("Development only");
            browser.driver.findElement(By.id("clip-title")).sendKeys("The flamingo incident");
            browser.driver.findElement(By.id("clip-save-button")).click();
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(browser.driver.findElements(
                    By.id("clip-saved-href"))).as(browser.driver.findElement(By.id("clip-saved")).getText())
                    .hasSize(1));
            String shareUrl = browser.driver.findElement(By.id("clip-saved-href")).getAttribute("href");
            assertThat(shareUrl).startsWith(stack.clipApi().baseUrl() + "/c/");
            assertThat(browser.script("return sessionStorage.getItem('podclip.editorToken');")).isNotNull();
            Axe.assertNoSeriousViolations(browser, "episode with a saved clip");
            assertThat(Files.size(browser.screenshot("front-door-episode-saved.png"))).isGreaterThan(1_000);

            browser.driver.findElement(By.id("clip-saved-href")).click();
            await().atMost(Duration.ofSeconds(10)).until(() -> browser.driver.getCurrentUrl().equals(shareUrl));
            assertThat(browser.driver.findElement(By.cssSelector(".clip-title")).getText())
                    .isEqualTo("The flamingo incident");
            assertThat(browser.driver.findElement(By.cssSelector(".range .start")).getText()).isEqualTo("6:10");
            assertThat(browser.driver.findElement(By.cssSelector(".range .end")).getText()).isEqualTo("6:14");
        }
    }

    /** In dark mode (prefers-color-scheme emulated), every page still passes axe-core, colour contrast included. */
    @Test
    void everyPagePassesAxeInDarkMode() throws Exception {
        String id = createEpisodeWithTranscript();
        String base = stack.clipApi().baseUrl();
        try (Browser browser = new Browser()) {
            browser.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                    java.util.List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
            for (String path : new String[]{"/", "/shows/front-door-show", "/search?q=" + WORD, "/episodes/" + id,
                    "/e/" + id + "?t=370,374", "/episodes/" + java.util.UUID.randomUUID()}) {
                browser.driver.get(base + path);
                assertThat(browser.script("return matchMedia('(prefers-color-scheme: dark)').matches;"))
                        .isEqualTo(Boolean.TRUE);
                Axe.assertNoSeriousViolations(browser, "dark mode " + path);
            }
            browser.driver.get(base + "/episodes/" + id);
            selectText(browser, browser.driver.findElement(By.xpath(
                    "//p[contains(@class,'cue')][contains(., '" + WORD + "')]//span[@class='cue-text']")));
            Axe.assertNoSeriousViolations(browser, "dark mode episode with a clip");
            assertThat(Files.size(browser.screenshot("front-door-episode-dark.png"))).isGreaterThan(1_000);
        }
    }

    /** Selects an element's text with the mouse, from its first line's start to its last line's end. */
    private static void selectText(Browser browser, WebElement element) {
        browser.script("arguments[0].scrollIntoView({block: 'center'});", element);
        @SuppressWarnings("unchecked")
        java.util.List<Number> edges = (java.util.List<Number>) browser.script(
                "var rects = arguments[0].getClientRects(); var first = rects[0], last = rects[rects.length - 1];"
                        + "return [first.left + 2, first.top + first.height / 2, last.right - 2,"
                        + " last.top + last.height / 2];", element);
        new Actions(browser.driver).moveToLocation(edges.get(0).intValue(), edges.get(1).intValue()).clickAndHold()
                .moveToLocation(edges.get(2).intValue(), edges.get(3).intValue()).release().perform();
    }

    private static String describe(Browser browser) {
        return String.valueOf(browser.script("var p = document.getElementById('player');"
                + "return JSON.stringify({src: p.currentSrc, readyState: p.readyState, time: p.currentTime,"
                + " paused: p.paused, error: p.error && p.error.message, maker: window.clipMaker});"));
    }

    /** As the page writes whole seconds under an hour: 02:58. */
    private static String clock(long ms) {
        return String.format(java.util.Locale.ROOT, "%02d:%02d", ms / 60_000, ms / 1000 % 60);
    }

    private static double number(Object value) {
        return value == null ? -1 : ((Number) value).doubleValue();
    }

    private static void assertNoHorizontalScroll(Browser browser, int width) {
        Object overflow = browser.script("return document.documentElement.scrollWidth - "
                + "document.documentElement.clientWidth;");
        assertThat(((Number) overflow).intValue()).as("horizontal overflow at " + width + " px").isLessThanOrEqualTo(0);
    }

    /** The show and its episode with a transcript, made once for the class (the search tests expect one hit). */
    private synchronized String createEpisodeWithTranscript() {
        if (episodeId != null) {
            return episodeId;
        }
        Api catalog = stack.catalogApi();
        Api clip = stack.clipApi();
        ObjectNode show = Api.JSON.createObjectNode().put("slug", "front-door-show").put("title", "Front Door Show");
        showId = catalog.post("/api/shows", show).json().get("id").asText();
        Api.Response created = catalog.post("/api/episodes", episodeBody("front-door:1", "front-door-episode",
                "An episode to find", "00:00 - Hello05:00 - Birds and databases"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asText();
        Api.Response uploaded = catalog.putFile("/api/episodes/" + id + "/transcript", "WEBVTT\n\n"
                + "00:00:01.000 --> 00:00:04.000\n<v Aaron>Hello and welcome to the show.\n\n"
                + "00:06:10.000 --> 00:06:14.000\n<v Guest>The " + WORD + " replication incident began at night.\n",
                "text/vtt", "\"1\"");
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(200);
        await().atMost(FLOW_TIMEOUT).pollInterval(Duration.ofMillis(200)).until(() ->
                clip.get("/api/search?q=" + WORD).body().contains(id));
        episodeId = id;
        return id;
    }

    private ObjectNode episodeBody(String guid, String slug, String title, String notes) {
        return Api.JSON.createObjectNode().put("showId", showId).put("guid", guid).put("slug", slug)
                .put("title", title).put("showNotes", notes).put("durationText", "15 min")
                .put("audioUrl", stack.catalogApi().baseUrl() + "/media/demo/" + EPISODE_MS + "/" + slug + ".wav");
    }
}

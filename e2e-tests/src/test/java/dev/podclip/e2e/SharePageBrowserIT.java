package dev.podclip.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A share page in a real browser (Debian's headless Chromium): the player sits at the clip's start once the media's
 * metadata is in, plays, and stops at the clip's end. The audio is catalog-service's synthetic demo WAV, served with
 * HTTP ranges, so the browser really seeks in a real media file. Saves a screenshot to build-artifacts/; axe-core
 * finds no serious or critical violation on the page.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharePageBrowserIT {

    static final long EPISODE_MS = 10 * 60_000;
    static final long CLIP_START_MS = 65_000;
    static final long CLIP_END_MS = 69_000;
    /** Seeks land on sample boundaries and timeupdate fires every ~250 ms: the tolerance of "exactly". */
    static final double TOLERANCE_S = 0.35;
    static final Duration MEDIA_TIMEOUT = Duration.ofSeconds(30);
    /** Render (a few seconds for a 4 s clip on 2 cores), the page's retry period, then a second of playing. */
    static final Duration VIDEO_TIMEOUT = Duration.ofSeconds(90);

    Stack stack;

    @BeforeAll
    void start() {
        assumeTrue(Browser.available() || System.getenv("CI") != null,
                "Chromium and chromedriver are not installed (.ci/run installs them)");
        stack = Stack.start(Map.of("CATALOG_DEMO_MEDIA", "true"), Map.of("CLIP_MEDIA_ALLOW_LOOPBACK_SOURCES", "true"));
    }

    @AfterAll
    void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void sharePagePlaysExactlyTheRange() throws Exception {
        String shareUrl = createClip();
        try (Browser browser = new Browser()) {
            browser.driver.get(shareUrl);
            await().atMost(MEDIA_TIMEOUT).untilAsserted(() -> assertThat(number(browser.script(
                    "return document.getElementById('player').readyState;"))).as(describe(browser))
                    .isGreaterThanOrEqualTo(1));
            await().atMost(MEDIA_TIMEOUT).untilAsserted(() -> assertThat(currentTime(browser))
                    .isCloseTo(CLIP_START_MS / 1000.0, org.assertj.core.data.Offset.offset(TOLERANCE_S)));
            assertThat(browser.script("return window.clipPlayer.startMs;")).isEqualTo(CLIP_START_MS);

            browser.script("document.getElementById('player').play()"
                    + ".catch(function (e) { window.playError = String(e); });");
            // Either the page's script or Chromium's own media-fragment handling (#t=start,end) pauses it.
            await().atMost(MEDIA_TIMEOUT).untilAsserted(() -> assertThat(browser.script(
                    "var p = document.getElementById('player'); return p.paused && p.currentTime > "
                            + (CLIP_END_MS / 1000.0 - TOLERANCE_S) + ";"))
                    .as(describe(browser)).isEqualTo(Boolean.TRUE));
            assertThat(browser.script("return window.playError;")).isNull();
            assertThat(currentTime(browser)).isCloseTo(CLIP_END_MS / 1000.0,
                    org.assertj.core.data.Offset.offset(TOLERANCE_S));

            Path shot = browser.screenshot("share-page.png");
            assertThat(Files.size(shot)).isGreaterThan(1_000);
            Axe.assertNoSeriousViolations(browser, "a stored clip's share page");
        }
    }

    /**
     * The clip's video from its share page, as a person gets it: the first play finds it still rendering (202, a media
     * error), the page's script loads it again until it is made, then it plays as H.264 in the browser.
     */
    @Test
    void sharePagePlaysTheClipsVideo() throws Exception {
        String shareUrl = createClip();
        try (Browser browser = new Browser()) {
            browser.driver.get(shareUrl);
            browser.script("document.querySelector('details.clip-video').open = true;"
                    + "document.getElementById('clip-video').play().catch(function (e) { window.videoError = String(e); });");
            await().atMost(VIDEO_TIMEOUT).untilAsserted(() -> assertThat(browser.script(
                    "var v = document.getElementById('clip-video'); return !v.paused && v.currentTime > 1;"))
                    .as(describeVideo(browser)).isEqualTo(Boolean.TRUE));
            assertThat(number(browser.script("return document.getElementById('clip-video').videoWidth;")))
                    .isEqualTo(720);
            assertThat(number(browser.script("return document.getElementById('clip-video').videoHeight;")))
                    .isEqualTo(720);
            Path shot = browser.screenshot("share-page-video.png");
            assertThat(Files.size(shot)).isGreaterThan(1_000);
        }
    }

    private static String describeVideo(Browser browser) {
        return String.valueOf(browser.script("var v = document.getElementById('clip-video');"
                + "return JSON.stringify({src: v.currentSrc, readyState: v.readyState, networkState: v.networkState,"
                + " error: v.error && (v.error.code + ' ' + v.error.message), time: v.currentTime, paused: v.paused,"
                + " retries: window.clipVideo && window.clipVideo.retries, playError: window.videoError});"));
    }

    private String createClip() {
        Api catalog = stack.catalogApi();
        Api clip = stack.clipApi();
        String suffix = Long.toString(System.nanoTime(), 36);
        ObjectNode show = Api.JSON.createObjectNode().put("slug", "browser-show-" + suffix).put("title", "Browser Show");
        String showId = catalog.post("/api/shows", show).json().get("id").asText();
        ObjectNode episode = Api.JSON.createObjectNode().put("showId", showId).put("guid", "browser:" + suffix)
                .put("slug", "browser-episode").put("title", "An episode to clip")
                .put("showNotes", "00:00 - Hello01:00 - The part worth sharing05:00 - Goodbye")
                .put("durationText", "10 min")
                .put("audioUrl", catalog.baseUrl() + "/media/demo/" + EPISODE_MS + "/browser-episode.wav");
        Api.Response created = catalog.post("/api/episodes", episode);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String episodeId = created.json().get("id").asText();
        await().atMost(Duration.ofSeconds(60)).until(() -> clip.get("/api/episodes/" + episodeId + "/chapters")
                .status() == 200);

        ObjectNode request = Api.JSON.createObjectNode().put("episodeId", episodeId).put("startMs", CLIP_START_MS)
                .put("endMs", CLIP_END_MS).put("title", "Four seconds worth sharing");
        Api.Response clipResponse = clip.post("/api/clips", request);
        assertThat(clipResponse.status()).as(clipResponse.body()).isEqualTo(201);
        JsonNode body = clipResponse.json();
        assertThat(body.get("shareUrl").asText()).startsWith(clip.baseUrl());
        return body.get("shareUrl").asText();
    }

    /** What the player and the page say about the media, for a failure message. */
    private static String describe(Browser browser) {
        return String.valueOf(browser.script("var p = document.getElementById('player');"
                + "return JSON.stringify({src: p.currentSrc, readyState: p.readyState, networkState: p.networkState,"
                + " error: p.error && (p.error.code + ' ' + p.error.message), time: p.currentTime, paused: p.paused,"
                + " playError: window.playError, state: window.clipPlayer,"
                + " resources: performance.getEntriesByType('resource').map(function (e) { return e.name; })});"));
    }

    private static double currentTime(Browser browser) {
        return number(browser.script("return document.getElementById('player').currentTime;"));
    }

    private static double number(Object value) {
        return value == null ? -1 : ((Number) value).doubleValue();
    }
}

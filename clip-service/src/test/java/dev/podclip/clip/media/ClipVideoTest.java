package dev.podclip.clip.media;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.podclip.clip.TopicsResource;
import dev.podclip.clip.transcripts.TranscriptFixtures;
import dev.podclip.events.EpisodeSnapshot;
import dev.podclip.events.ShowSnapshot;
import dev.podclip.support.media.SyntheticWav;
import dev.podclip.testing.KafkaResource;
import dev.podclip.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static dev.podclip.clip.media.MediaRequests.rendered;
import static dev.podclip.clip.media.MediaRequests.reply;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The video of a clip, made by the real ffmpeg from the synthetic demo audio, then read back: ffprobe for codecs, size
 * and duration of each format; one decoded frame for what is drawn on it (captions where the transcript has a cue and
 * nowhere else, the show's artwork or the generated card). Events arrive through the broker as the catalog sends them.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(TopicsResource.class)
class ClipVideoTest {

    static final long AUDIO_MS = 120_000;
    static final double DURATION_TOLERANCE_S = 0.1;
    /** A pure red cover: nothing else on a frame is that colour. */
    static final Color COVER = new Color(220, 20, 20);
    static final ObjectMapper JSON = new ObjectMapper();

    static HttpServer sources;

    @BeforeAll
    static void startSources() throws IOException {
        byte[] wav = SyntheticWav.range(AUDIO_MS, 0, SyntheticWav.sizeBytes(AUDIO_MS));
        byte[] png = cover();
        sources = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        sources.createContext("/audio.wav", exchange -> reply(exchange, "audio/wav", wav));
        sources.createContext("/cover.png", exchange -> reply(exchange, "image/png", png));
        sources.createContext("/cover.html", exchange -> reply(exchange, "image/png", "<html>".getBytes()));
        RangedSources.serve(sources);
        sources.start();
    }

    @AfterAll
    static void stopSources() {
        sources.stop(0);
    }

    private static byte[] cover() throws IOException {
        BufferedImage image = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(COVER);
        graphics.fillRect(0, 0, 300, 200);
        graphics.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }


    private static String local(String path) {
        return "http://127.0.0.1:" + sources.getAddress().getPort() + path;
    }

    /** An episode through the broker: the demo audio, three chapters, the test transcript or none, a cover or none. */
    private static UUID episode(boolean transcript, String coverUrl) {
        return episode(transcript, coverUrl, local("/audio.wav"));
    }

    private static UUID episode(boolean transcript, String coverUrl, String audioUrl) {
        UUID id = UUID.randomUUID();
        ShowSnapshot show = new ShowSnapshot(TranscriptFixtures.SHOW.id(), "database-school", "Database School",
                "Try Hard Studios", "https://databaseschool.com", coverUrl);
        TranscriptFixtures.sendAndAwait(new EpisodeSnapshot(id, 1, "guid-" + id, "video-" + id.toString().substring(0, 8),
                "Rewriting a storage engine", null, Instant.parse("2026-11-01T10:00:00Z"), "10 min",
                TranscriptFixtures.TEN_MINUTES_MS, audioUrl, null, null, TranscriptFixtures.CHAPTERS_V1,
                show, transcript ? TranscriptFixtures.transcript("vtt", TranscriptFixtures.VTT) : null));
        return id;
    }


    @Test
    void eachFormatIsH264AndAacOfItsSizeAndExactlyTheClipsLength() throws Exception {
        UUID id = episode(true, local("/cover.png"));
        assertVideo("/e/" + id + ".mp4?t=0,6", 720, 720, 6.0);
        assertVideo("/e/" + id + ".mp4?t=55,62.5&format=portrait&theme=light", 720, 1280, 7.5);
        assertVideo("/e/" + id + ".mp4?t=118,120&format=landscape&theme=contrast", 1280, 720, 2.0);
    }

    private static void assertVideo(String url, int width, int height, double seconds) throws Exception {
        Response response = rendered(url);
        assertThat(response.statusCode()).as(url + ": " + response.asString()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo("video/mp4");
        assertThat(response.header("ETag")).isNotBlank();
        assertThat(response.header("Cache-Control")).contains("max-age");
        JsonNode probe = probe(response.asByteArray());
        JsonNode video = stream(probe, "video");
        JsonNode audio = stream(probe, "audio");
        assertThat(video.get("codec_name").asText()).isEqualTo("h264");
        assertThat(video.get("pix_fmt").asText()).isEqualTo("yuv420p");
        assertThat(video.get("width").asInt()).isEqualTo(width);
        assertThat(video.get("height").asInt()).isEqualTo(height);
        assertThat(audio.get("codec_name").asText()).isEqualTo("aac");
        assertThat(probe.get("format").get("duration").asDouble()).as(url)
                .isCloseTo(seconds, within(DURATION_TOLERANCE_S));
        assertThat(video.get("duration").asDouble()).as(url + " video").isCloseTo(seconds, within(DURATION_TOLERANCE_S));
    }

    @Test
    void captionsAppearWhereTheTranscriptHasACueAndTheArtworkOrCardWhereTheCoverGoes() throws Exception {
        UUID withTranscript = episode(true, local("/cover.png"));
        UUID without = episode(false, local("/cover.html"));
        // 0-5 s is "Welcome back to the show about databases." in the test transcript; 10-12 s has no cue.
        int[] captioned = frame(rendered("/e/" + withTranscript + ".mp4?t=0,12").asByteArray(), 2.0, 720, 720);
        int[] quiet = frame(rendered("/e/" + withTranscript + ".mp4?t=0,12").asByteArray(), 11.0, 720, 720);
        int[] bare = frame(rendered("/e/" + without + ".mp4?t=0,12").asByteArray(), 2.0, 720, 720);
        VideoFormat square = VideoFormat.SQUARE;
        VideoFormat.Box captions = new VideoFormat.Box(square.captionMarginPx(), 720 - square.captionBottomPx()
                - 2 * square.captionPx() * 5 / 4, 720 - 2 * square.captionMarginPx(), 2 * square.captionPx() * 5 / 4);
        assertThat(bright(captioned, 720, captions)).as("caption pixels at 2 s").isGreaterThan(800);
        assertThat(bright(quiet, 720, captions)).as("caption pixels where no cue is").isLessThan(50);
        assertThat(bright(bare, 720, captions)).as("caption pixels without a transcript").isLessThan(50);

        VideoFormat.Box inner = new VideoFormat.Box(square.art().x() + 20, square.art().y() + 20, 40, 40);
        assertThat(mean(captioned, 720, inner)).as("the cover").satisfies(rgb -> {
            assertThat(rgb[0]).isGreaterThan(180);
            assertThat(rgb[1]).isLessThan(70);
        });
        assertThat(mean(bare, 720, inner)).as("the card, in the accent colour (the cover was no image)")
                .satisfies(rgb -> {
                    assertThat(rgb[2]).isGreaterThan(200);
                    assertThat(rgb[0]).isLessThan(120);
                });

        given().accept("application/json").get("/e/" + withTranscript + "?t=0,12").then().statusCode(200)
                .body("videoCaptions", org.hamcrest.Matchers.is(true))
                .body("video.portrait", org.hamcrest.Matchers.endsWith(".mp4?t=0,12&format=portrait"));
        given().accept("application/json").get("/e/" + without + "?t=0,12").then().statusCode(200)
                .body("videoCaptions", org.hamcrest.Matchers.is(false))
                .body("videoCaptionsNote", org.hamcrest.Matchers.containsString("no transcript"));
    }

    @Test
    void aVideoFromAHostWithRangesCostsTheClipsBytesAndSoundsAsFromTheWholeFile() throws Exception {
        UUID whole = episode(false, null);
        UUID ranged = episode(false, null, local(RangedSources.PLAIN + AUDIO_MS + ".wav"));
        RangedSources.Log log = RangedSources.log(RangedSources.PLAIN);
        String clip = ".mp4?t=55,62.5";
        byte[] fromRanges = rendered("/e/" + ranged + clip).asByteArray();
        // The header, then the clip's samples with their margin: the synthetic audio is one byte a sample.
        long clipBytes = (7_500 + 1_000) * (long) SyntheticWav.SAMPLE_RATE_HZ / 1000;
        assertThat(log.bytes()).as("the header fetch and the clip's bytes")
                .isLessThan(SourceFiles.MAX_HEADER_BYTES + clipBytes);
        assertThat(log.wholeFiles()).isZero();
        assertThat(ClipAudioTest.decode(fromRanges, "mp4")).as("the video's sound")
                .isEqualTo(ClipAudioTest.decode(rendered("/e/" + whole + clip).asByteArray(), "mp4"));
    }

    @Test
    void badFormatsThemesAndRangesAreProblemsAndTheServiceStaysReady() throws Exception {
        UUID id = episode(false, null);
        given().get("/e/" + id + ".mp4?t=1,2&format=round").then().statusCode(400)
                .contentType("application/problem+json");
        given().get("/e/" + id + ".mp4?t=1,2&theme=neon").then().statusCode(400)
                .contentType("application/problem+json");
        given().get("/e/" + id + ".mp4?t=0,400").then().statusCode(422)
                .contentType("application/problem+json");
        given().get("/e/" + id + ".mp4?t=700,710").then().statusCode(400);
        given().get("/e/" + UUID.randomUUID() + ".mp4?t=1,2").then().statusCode(404);
        given().get("/c/nosuchclip.mp4").then().statusCode(404);
        given().get("/q/health/ready").then().statusCode(200);
    }

    private static JsonNode probe(byte[] file) throws Exception {
        Path input = Files.createTempFile("clip", ".mp4");
        try {
            Files.write(input, file);
            Process ffprobe = new ProcessBuilder("ffprobe", "-v", "error", "-print_format", "json", "-show_streams",
                    "-show_format", input.toString()).start();
            byte[] out = ffprobe.getInputStream().readAllBytes();
            assertThat(ffprobe.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(ffprobe.exitValue()).isZero();
            return JSON.readTree(out);
        } finally {
            Files.deleteIfExists(input);
        }
    }

    private static JsonNode stream(JsonNode probe, String type) {
        for (JsonNode stream : probe.get("streams")) {
            if (type.equals(stream.get("codec_type").asText())) {
                return stream;
            }
        }
        throw new AssertionError("no " + type + " stream in " + probe);
    }

    /** The frame at {@code seconds} as packed RGB ints. */
    private static int[] frame(byte[] file, double seconds, int width, int height) throws Exception {
        Path input = Files.createTempFile("clip", ".mp4");
        try {
            Files.write(input, file);
            Process ffmpeg = new ProcessBuilder("ffmpeg", "-v", "error", "-ss", Double.toString(seconds), "-i",
                    input.toString(), "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "rgb24", "-").start();
            byte[] raw = ffmpeg.getInputStream().readAllBytes();
            assertThat(ffmpeg.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(raw).hasSize(width * height * 3);
            int[] pixels = new int[width * height];
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = (raw[3 * i] & 0xFF) << 16 | (raw[3 * i + 1] & 0xFF) << 8 | raw[3 * i + 2] & 0xFF;
            }
            return pixels;
        } finally {
            Files.deleteIfExists(input);
        }
    }

    /** Pixels in the box near the dark theme's text colour (white): glyphs of the captions. */
    private static int bright(int[] pixels, int width, VideoFormat.Box box) {
        int count = 0;
        for (int y = box.y(); y < box.y() + box.height(); y++) {
            for (int x = box.x(); x < box.x() + box.width(); x++) {
                int rgb = pixels[y * width + x];
                if ((rgb >> 16 & 0xFF) > 200 && (rgb >> 8 & 0xFF) > 200 && (rgb & 0xFF) > 200) {
                    count++;
                }
            }
        }
        return count;
    }

    private static int[] mean(int[] pixels, int width, VideoFormat.Box box) {
        long r = 0;
        long g = 0;
        long b = 0;
        int n = box.width() * box.height();
        for (int y = box.y(); y < box.y() + box.height(); y++) {
            for (int x = box.x(); x < box.x() + box.width(); x++) {
                int rgb = pixels[y * width + x];
                r += rgb >> 16 & 0xFF;
                g += rgb >> 8 & 0xFF;
                b += rgb & 0xFF;
            }
        }
        return new int[] {(int) (r / n), (int) (g / n), (int) (b / n)};
    }
}

package dev.podclip.clip.media;

import com.sun.net.httpserver.HttpServer;
import dev.podclip.clip.TopicsResource;
import dev.podclip.clip.clips.ReadModelRows;
import dev.podclip.support.media.SyntheticWav;
import dev.podclip.testing.KafkaResource;
import dev.podclip.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;

import static dev.podclip.clip.media.MediaRequests.rendered;
import static dev.podclip.clip.media.MediaRequests.reply;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The audio of a clip, cut by the real ffmpeg from the synthetic demo audio (a beep at the start of every second),
 * decoded again and checked where its beeps fall: start and end within 30 ms of the asked times, at the start, in
 * the middle and at the end of an episode, as MP3 and M4A. And every way it can go wrong answers a problem.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(TopicsResource.class)
class ClipAudioTest {

    static final long EPISODE_MS = 120_000;
    static final long TOLERANCE_MS = 30;
    /** Decoded samples per second (the synthetic audio's own rate). */
    static final int RATE_HZ = SyntheticWav.SAMPLE_RATE_HZ;
    static final int BEEP_THRESHOLD = 3_000;

    static HttpServer sources;

    @Inject
    ReadModelRows rows;

    @BeforeAll
    static void startSources() throws IOException {
        sources = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        sources.createContext("/wav/", exchange -> {
            String file = exchange.getRequestURI().getPath().substring("/wav/".length());
            long durationMs = Long.parseLong(file.replace(".wav", ""));
            byte[] body = SyntheticWav.range(durationMs, 0, SyntheticWav.sizeBytes(durationMs));
            reply(exchange, "audio/wav", body);
        });
        for (String ext : List.of("mp3", "vbr.mp3", "m4a", "aac")) {
            // The encoded copies of the synthetic audio from a host without ranges: fetched whole.
            sources.createContext("/" + ext + "/", exchange -> {
                String file = exchange.getRequestURI().getPath().substring(ext.length() + 2);
                reply(exchange, RangedSources.contentType(file), RangedSources.encoded(file,
                        Long.parseLong(file.substring(0, file.length() - ext.length() - 1))));
            });
        }
        sources.createContext("/page.html", exchange -> reply(exchange, "text/html", "<html>hi</html>".getBytes()));
        RangedSources.serve(sources);
        sources.start();
    }

    @AfterAll
    static void stopSources() {
        sources.stop(0);
    }


    private static String source(String path) {
        return "http://127.0.0.1:" + sources.getAddress().getPort() + path;
    }

    private UUID episode(String audioUrl, long durationMs) {
        UUID id = UUID.randomUUID();
        rows.upsert(id, 1, "Audio", List.of(), audioUrl, durationMs, null);
        return id;
    }


    @Test
    void cutsAreExactAtTheStartInTheMiddleAndAtTheEnd() throws Exception {
        UUID id = episode(source("/wav/" + EPISODE_MS + ".wav"), EPISODE_MS);
        assertCut(id, 0, 3_000, "mp3");
        assertCut(id, 10_500, 14_250, "mp3");
        assertCut(id, 60_250, 63_000, "m4a");
        assertCut(id, 116_500, 120_000, "m4a");
    }

    private void assertCut(UUID id, long startMs, long endMs, String ext) throws Exception {
        String url = "/e/" + id + "." + ext + "?t=" + AudioCut.seconds(startMs) + "," + AudioCut.seconds(endMs);
        Response response = rendered(url);
        assertThat(response.statusCode()).as(url + ": " + response.asString()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo(ext.equals("mp3") ? "audio/mpeg" : "audio/mp4");
        assertThat(response.header("ETag")).isNotBlank();
        assertThat(response.header("Accept-Ranges")).isEqualTo("bytes");
        short[] samples = decode(response.asByteArray(), ext);
        long decodedMs = samples.length * 1000L / RATE_HZ;
        assertThat(decodedMs).as(url + " length").isCloseTo(endMs - startMs, within(TOLERANCE_MS));
        List<Long> expected = new ArrayList<>();
        for (long beep = (startMs + 999) / 1000 * 1000; beep < endMs - 100; beep += 1000) {
            expected.add(beep - startMs);
        }
        List<Long> found = onsetsMs(samples);
        assertThat(found).as(url + " beeps").hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(found.get(i)).as(url + " beep " + i).isCloseTo(expected.get(i), within(TOLERANCE_MS));
        }
    }

    @Test
    void aRenderedClipIsServedWithValidatorsAndRanges() throws Exception {
        UUID id = episode(source("/wav/" + EPISODE_MS + ".wav"), EPISODE_MS);
        String url = "/e/" + id + ".mp3?t=5,8";
        Response whole = rendered(url);
        assertThat(whole.statusCode()).isEqualTo(200);
        String etag = whole.header("ETag");
        assertThat(whole.header("Cache-Control")).contains("max-age");
        assertThat(whole.header("Content-Disposition")).contains(".mp3");
        given().header("If-None-Match", etag).get(url).then().statusCode(304);
        Response part = given().header("Range", "bytes=0-99").get(url);
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.asByteArray()).hasSize(100);
        assertThat(part.header("Content-Range")).isEqualTo("bytes 0-99/" + whole.asByteArray().length);
        Response faded = rendered(url + "&fade=1");
        assertThat(faded.header("ETag")).isNotEqualTo(etag);
    }

    @Test
    void everyBadRequestOrSourceIsAProblemNeverA500() throws Exception {
        UUID id = episode(source("/wav/" + EPISODE_MS + ".wav"), EPISODE_MS);
        given().get("/e/" + id + ".mp3?t=200,210").then().statusCode(400).contentType("application/problem+json");
        given().accept("application/json").get("/e/" + id + ".ogg?t=1,2").then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/e/" + UUID.randomUUID() + ".mp3?t=1,2").then().statusCode(404);
        given().get("/c/nosuchclip.mp3").then().statusCode(404);

        UUID noAudio = episode("ftp://example.org/a.mp3", EPISODE_MS);
        given().get("/e/" + noAudio + ".mp3?t=1,2").then().statusCode(404)
                .contentType("application/problem+json");

        UUID page = episode(source("/page.html"), EPISODE_MS);
        Response notAudio = rendered("/e/" + page + ".mp3?t=1,2");
        assertThat(notAudio.statusCode()).isEqualTo(502);
        assertThat(notAudio.jsonPath().getString("type")).endsWith("/source-not-audio");

        UUID unreachable = episode("http://127.0.0.1:" + closedPort() + "/a.wav", EPISODE_MS);
        Response gone = rendered("/e/" + unreachable + ".mp3?t=1,2");
        assertThat(gone.statusCode()).isEqualTo(502);
        assertThat(gone.contentType()).startsWith("application/problem+json");

        UUID huge = episode(source("/wav/600000.wav"), 600_000);
        Response tooLarge = rendered("/e/" + huge + ".mp3?t=1,2");
        assertThat(tooLarge.statusCode()).isEqualTo(502);
        assertThat(tooLarge.jsonPath().getString("type")).endsWith("/source-too-large");

        UUID privateHost = episode("http://10.255.255.1/a.wav", EPISODE_MS);
        Response refused = rendered("/e/" + privateHost + ".mp3?t=1,2");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.jsonPath().getString("type")).endsWith("/source-private-address");

        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void aSourceWithRangesCostsTheClipsBytesAndGivesTheSameSamplesAsTheWholeFile() throws Exception {
        UUID whole = episode(source("/wav/" + EPISODE_MS + ".wav"), EPISODE_MS);
        UUID ranged = episode(source(RangedSources.PLAIN + EPISODE_MS + ".wav"), EPISODE_MS);
        RangedSources.Log all = RangedSources.log(RangedSources.PLAIN);
        for (long[] range : new long[][] {{10_500, 14_250}, {0, 2_000}, {116_500, 120_000}}) {
            String clip = AudioCut.seconds(range[0]) + "," + AudioCut.seconds(range[1]);
            short[] expected = decode(rendered("/e/" + whole + ".mp3?t=" + clip).asByteArray(), "mp3");
            RangedSources.Log log = RangedSources.log(RangedSources.PLAIN);
            short[] cut = decode(rendered("/e/" + ranged + ".mp3?t=" + clip).asByteArray(), "mp3");
            assertThat(cut).as(clip + ": the same samples").isEqualTo(expected);
            assertThat(log.ranges()).as(clip).isNotEmpty().allMatch(header -> header.startsWith("bytes="));
            long clipBytes = (range[1] - range[0] + 1_000) * RATE_HZ / 1000;
            assertThat(log.bytes()).as(clip + ": the header fetch and the clip's bytes")
                    .isLessThan(SourceFiles.MAX_HEADER_BYTES + clipBytes);
        }
        assertThat(all.ranges()).as("the header is read once an episode, then a range a clip").hasSize(1 + 3);
        assertThat(all.wholeFiles()).isZero();
        assertThat(cachedSources(ranged)).as("slices are not kept as the episode's source").isEmpty();
    }

    @Test
    void aCbrMp3SourceWithRangesCostsTheClipsFramesAndGivesTheSameSamplesAsTheWholeFile() throws Exception {
        // 48 kbit/s, and the pre-roll's frames (~26 of 26 ms) and a second's margin on top of the clip; the host
        // without ranges gives the whole file, on disk then, sliced there the same way.
        RangedSources.Log all = rangedCutsAreWholeFileCuts("mp3", "the header fetch and the clip's frames",
                range -> SourceFiles.MAX_HEADER_BYTES + (range[1] - range[0] + 2_000) * 48 / 8);
        assertThat(all.ranges()).as("the header is read once an episode, then a range a clip")
                .hasSize(1 + RANGED_CLIPS.length);
    }

    @Test
    void anM4aSourceWithRangesCostsItsIndexAndTheClipsSamplesAndGivesTheSameSamplesAsTheWholeFile()
            throws Exception {
        // ~48 kbit/s of AAC: the clip with its pre-roll, margin and the opening second (Mp4Layout), and the index.
        RangedSources.Log all = rangedCutsAreWholeFileCuts("m4a", "the index's reads and the clip's samples",
                range -> SourceFiles.MAX_HEADER_BYTES + 64 * 1024 + (range[1] - range[0] + Mp4Layout.PRE_ROLL_MS
                        + Mp4Layout.END_MARGIN_MS + Mp4Layout.OPENING_MS + 1_000) * 48 / 8);
        // The index is after the samples: the head, the box header past the mdat, the moov; then one or two ranges
        // a clip (the opening second, and the clip's own unless they meet).
        assertThat(all.ranges().size()).as("the index is read once an episode")
                .isBetween(3 + RANGED_CLIPS.length, 3 + 2 * RANGED_CLIPS.length);
    }

    @Test
    void aVbrMp3OrAdtsSourceWithRangesCostsItsStartUpToPastTheClipOnceAndGivesTheSameSamplesAsTheWholeFile()
            throws Exception {
        for (String ext : List.of("vbr.mp3", "aac")) {
            long fileBytes = RangedSources.encoded(EPISODE_MS + "." + ext, EPISODE_MS).length;
            UUID whole = episode(source("/" + ext + "/" + EPISODE_MS + "." + ext), EPISODE_MS);
            UUID ranged = episode(source(RangedSources.PLAIN + EPISODE_MS + "." + ext), EPISODE_MS);
            RangedSources.Log all = RangedSources.log(RangedSources.PLAIN);
            // In the middle: the header, then the start up to a second past the clip, projected from the bytes a
            // millisecond took (an eighth and a step more). At the start: inside what is kept, nothing fetched. At
            // the end: the rest of the file, kept then as the whole source.
            long[][] clips = {{10_500, 14_250}, {0, 2_000}, {116_500, 120_000}};
            long[] maxBytes = {SourceFiles.MAX_HEADER_BYTES + 2 * FrameWalk.MIN_STEP_BYTES
                    + fileBytes * (14_250 + FrameWalk.MARGIN_MS) / EPISODE_MS * 5 / 4, 1, fileBytes};
            for (int i = 0; i < clips.length; i++) {
                String clip = AudioCut.seconds(clips[i][0]) + "," + AudioCut.seconds(clips[i][1]);
                RangedSources.Log log = RangedSources.log(RangedSources.PLAIN);
                short[] cut = decode(rendered("/e/" + ranged + ".mp3?t=" + clip).asByteArray(), "mp3");
                assertThat(log.bytes()).as(ext + " " + clip + ": fetched").isLessThan(maxBytes[i]);
                // Where the beeps fall is the format's own timeline (ADTS keeps the AAC encoder's 1,024 priming
                // samples, which players play); the length and the samples are the whole file's clip's.
                assertThat(cut.length * 1000L / RATE_HZ).as(ext + " " + clip + " length")
                        .isCloseTo(clips[i][1] - clips[i][0], within(TOLERANCE_MS));
                short[] fromWhole = decode(rendered("/e/" + whole + ".mp3?t=" + clip).asByteArray(), "mp3");
                assertThat(cut).as(ext + " " + clip + ": the same samples as from the whole file")
                        .isEqualTo(fromWhole);
            }
            assertThat(all.wholeFiles()).as(ext).isZero();
            assertThat(all.bytes()).as(ext + ": no byte fetched twice")
                    .isLessThanOrEqualTo(SourceFiles.MAX_HEADER_BYTES + fileBytes);
            assertThat(all.ranges().size()).as(ext + ": the header once, then a few ranges a clip")
                    .isBetween(3, 1 + SourceFiles.MAX_PREFIX_FETCHES * 2);
            assertThat(cachedSources(ranged)).as(ext + ": the start grew into the whole source, kept once")
                    .singleElement().satisfies(file -> assertThat(Files.size(file)).isEqualTo(fileBytes));
        }
    }

    /** Clips in the middle, at the start and at the end of the episode. */
    private static final long[][] RANGED_CLIPS = {{10_500, 14_250}, {0, 2_000}, {116_500, 120_000}};

    /**
     * Each of {@link #RANGED_CLIPS} of the synthetic audio as {@code ext}, asked from a host with ranges: exact (beeps
     * within 30 ms), at most {@code maxBytes} fetched for it, the same samples as the clip from a host without
     * ranges; no whole file fetched and no slice kept. The host's log of all of it is returned.
     */
    private RangedSources.Log rangedCutsAreWholeFileCuts(String ext, String fetched, ToLongFunction<long[]> maxBytes)
            throws Exception {
        UUID whole = episode(source("/" + ext + "/" + EPISODE_MS + "." + ext), EPISODE_MS);
        UUID ranged = episode(source(RangedSources.PLAIN + EPISODE_MS + "." + ext), EPISODE_MS);
        RangedSources.Log all = RangedSources.log(RangedSources.PLAIN);
        for (long[] range : RANGED_CLIPS) {
            String clip = AudioCut.seconds(range[0]) + "," + AudioCut.seconds(range[1]);
            RangedSources.Log log = RangedSources.log(RangedSources.PLAIN);
            assertCut(ranged, range[0], range[1], "mp3");
            assertThat(log.bytes()).as(clip + ": " + fetched).isLessThan(maxBytes.applyAsLong(range));
            short[] fromWhole = decode(rendered("/e/" + whole + ".mp3?t=" + clip).asByteArray(), "mp3");
            short[] cut = decode(rendered("/e/" + ranged + ".mp3?t=" + clip).asByteArray(), "mp3");
            assertThat(cut).as(clip + ": the same samples as from the whole file").isEqualTo(fromWhole);
        }
        assertThat(all.wholeFiles()).isZero();
        assertThat(cachedSources(ranged)).as("slices are not kept as the episode's source").isEmpty();
        return all;
    }

    @Test
    void anUnusableRangeAnswerOrHeaderFallsBackToTheWholeFileThenUsesIt() throws Exception {
        UUID whole = episode(source("/wav/" + EPISODE_MS + ".wav"), EPISODE_MS);
        short[] expected = decode(rendered("/e/" + whole + ".mp3?t=20,23.5").asByteArray(), "mp3");
        for (String path : List.of(RangedSources.WRONG_RANGE, RangedSources.LONG_LIST)) {
            UUID episode = episode(source(path + EPISODE_MS + ".wav"), EPISODE_MS);
            RangedSources.Log log = RangedSources.log(path);
            short[] cut = decode(rendered("/e/" + episode + ".mp3?t=20,23.5").asByteArray(), "mp3");
            assertThat(cut).as(path + ": the same samples").isEqualTo(expected);
            assertThat(log.wholeFiles()).as(path + ": fetched whole").isEqualTo(1);
            assertThat(cachedSources(episode)).as(path).hasSize(1);
            RangedSources.Log next = RangedSources.log(path);
            rendered("/e/" + episode + ".m4a?t=30,31");
            assertThat(next.requests()).as(path + ": the whole source on disk is used").isZero();
        }
    }

    private static List<Path> cachedSources(UUID episode) throws IOException {
        Path dir = Path.of("target/media-cache", MediaCache.SOURCES);
        try (var files = Files.list(dir)) {
            return files.filter(file -> file.getFileName().toString().startsWith(episode.toString())).toList();
        }
    }

    private static int closedPort() throws IOException {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The file decoded by ffmpeg to 16-bit mono samples at the synthetic audio's rate. */
    static short[] decode(byte[] file, String ext) throws Exception {
        Path input = Files.createTempFile("clip", "." + ext);
        Path output = Files.createTempFile("clip", ".pcm");
        try {
            Files.write(input, file);
            Process ffmpeg = new ProcessBuilder("ffmpeg", "-v", "error", "-y", "-i", input.toString(), "-f", "s16le",
                    "-ac", "1", "-ar", Integer.toString(RATE_HZ), output.toString()).redirectErrorStream(true)
                    .start();
            String errors = new String(ffmpeg.getInputStream().readAllBytes());
            assertThat(ffmpeg.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(ffmpeg.exitValue()).as(errors).isZero();
            ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(output)).order(ByteOrder.LITTLE_ENDIAN);
            short[] samples = new short[bytes.remaining() / 2];
            bytes.asShortBuffer().get(samples);
            return samples;
        } finally {
            Files.deleteIfExists(input);
            Files.deleteIfExists(output);
        }
    }

    /** Where each beep starts: a loud sample after at least 300 ms of quiet. */
    static List<Long> onsetsMs(short[] samples) {
        List<Long> onsets = new ArrayList<>();
        int quietSamples = RATE_HZ * 300 / 1000;
        int quiet = quietSamples;
        for (int i = 0; i < samples.length; i++) {
            if (Math.abs(samples[i]) >= BEEP_THRESHOLD) {
                if (quiet >= quietSamples) {
                    onsets.add(i * 1000L / RATE_HZ);
                }
                quiet = 0;
            } else {
                quiet++;
            }
        }
        return onsets;
    }
}

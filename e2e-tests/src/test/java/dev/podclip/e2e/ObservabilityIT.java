package dev.podclip.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.podclip.testing.RepoPaths;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One trace from a catalog write to clip-service's apply, through the packaged services with tracing turned on as an
 * operator would (the SDK enabled, OTLP over HTTP to a collector, here {@link OtlpCollector}): the write's HTTP span,
 * the relay's send (its trace stored with the outbox row) and clip-service's processing of the record (continued from
 * the record's traceparent header), and the push of the change to the streams (carried by the change notification)
 * share one trace id, each span the child of the one before.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ObservabilityIT {

    static final Duration FLOW_TIMEOUT = Duration.ofSeconds(60);
    /** OTLP span kinds (trace.proto). */
    static final int SERVER = 2;
    static final int PRODUCER = 4;
    static final int CONSUMER = 5;

    OtlpCollector collector;
    Stack stack;

    @BeforeAll
    void start() {
        collector = new OtlpCollector();
        Map<String, String> tracing = Map.of(
                "OTEL_SDK_DISABLED", "false",
                "OTEL_EXPORTER_OTLP_ENDPOINT", collector.endpoint(),
                "OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf",
                "QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "100ms");
        stack = Stack.start(tracing, tracing);
    }

    @AfterAll
    void stop() {
        if (stack != null) {
            stack.close();
        }
        if (collector != null) {
            collector.close();
        }
    }

    @Test
    void oneTraceRunsFromTheCatalogWriteToTheApplyInClipService() throws Exception {
        String traceId = hex(16);
        String callerSpanId = hex(8);
        createEpisode("traced", "00-" + traceId + "-" + callerSpanId + "-01");

        await().atMost(FLOW_TIMEOUT).untilAsserted(() -> {
            List<OtlpCollector.ReceivedSpan> trace = collector.spans().stream()
                    .filter(span -> span.traceId().equals(traceId)).toList();
            OtlpCollector.ReceivedSpan write = only(trace, "catalog-service", SERVER);
            assertThat(write.parentSpanId()).isEqualTo(callerSpanId);
            // Named by ServerSpans from the matched resource's template; one SERVER span only, so Quarkus' own
            // Vert.x HTTP instrumentation stays off.
            assertThat(write.name()).isEqualTo("POST /api/episodes");
            OtlpCollector.ReceivedSpan send = only(trace, "catalog-service", PRODUCER);
            assertThat(send.name()).isEqualTo("send catalog.episodes.v1");
            assertThat(send.parentSpanId()).isEqualTo(write.spanId());
            OtlpCollector.ReceivedSpan process = trace.stream()
                    .filter(span -> span.name().equals("process catalog.episodes.v1")).findFirst()
                    .orElseThrow(() -> new AssertionError("no process span in " + trace));
            assertThat(process.kind()).isEqualTo(CONSUMER);
            assertThat(process.parentSpanId()).isEqualTo(send.spanId());
            OtlpCollector.ReceivedSpan push = trace.stream().filter(span -> span.name().equals("push chapters_changed"))
                    .findFirst().orElseThrow(() -> new AssertionError("no push span in " + trace));
            assertThat(push.service()).isEqualTo("clip-service");
            assertThat(push.parentSpanId()).isEqualTo(process.spanId());
        });
        // Health polls and metrics scrapes are not traced: they would bury the traces people look for.
        assertThat(collector.spans()).noneMatch(span -> span.name().contains("/q/"));
        // Every export was taken: neither service logged a failed one.
        assertThat(Files.readString(stack.catalog.logFile())).doesNotContainIgnoringCase("failed to export");
        assertThat(Files.readString(stack.clip.logFile())).doesNotContainIgnoringCase("failed to export");
    }

    @Test
    void everyMetricTheDashboardPlotsIsExposedByAService() throws Exception {
        String episodeId = createEpisodeWithChapters("plotted");
        Api clip = stack.clipApi();
        assertThat(clip.getText("/e/" + episodeId + "?t=0,60").status()).isEqualTo(200);
        String exposed = clip.getText("/q/metrics").body() + stack.catalogApi().getText("/q/metrics").body();

        JsonNode dashboard = Api.JSON.readTree(RepoPaths.root()
                .resolve("docker/observability/grafana/dashboards/podclip-overview.json").toFile());
        Set<String> plotted = new TreeSet<>();
        for (JsonNode panel : dashboard.get("panels")) {
            for (JsonNode target : panel.get("targets")) {
                Matcher metric = METRIC.matcher(target.get("expr").asText());
                while (metric.find()) {
                    plotted.add(metric.group(1));
                }
            }
        }
        assertThat(plotted).hasSizeGreaterThanOrEqualTo(10);
        assertThat(plotted).allSatisfy(name -> assertThat(exposed)
                .as("metric %s plotted by the dashboard", name).containsPattern("(?m)^" + name + "[{ ]"));
    }

    /**
     * Reads that come without a trace start one in 100 (clip-service's default, drawn by ServerSpans before any span
     * is made), so a collector receives few share-page traces, and the pages not drawn cost nothing of tracing
     * (BENCHMARKS.md §9). The traced write above still reaches its apply.
     */
    @Test
    void readsWithoutATraceAreSampledNotAllRecorded() throws Exception {
        String episodeId = createEpisodeWithChapters("sampled");
        Api clip = stack.clipApi();
        int reads = 100;
        for (int i = 0; i < reads; i++) {
            assertThat(clip.getText("/e/" + episodeId + "?t=0," + (60 + i)).status()).isEqualTo(200);
        }
        Thread.sleep(1_000); // the exporter sends every 100 ms here
        long recorded = collector.spans().stream()
                .filter(span -> span.service().equals("clip-service") && span.kind() == SERVER).count();
        assertThat(recorded).as("clip-service server spans after %d untraced reads", reads).isLessThan(reads / 5);
    }

    /** An episode written with a traced POST, once clip-service serves its chapters; returns its id. */
    private String createEpisodeWithChapters(String slug) {
        String episodeId = createEpisode(slug, "00-" + hex(16) + "-" + hex(8) + "-01");
        Api clip = stack.clipApi();
        await().atMost(FLOW_TIMEOUT).untilAsserted(() ->
                assertThat(clip.get("/api/episodes/" + episodeId + "/chapters").status()).isEqualTo(200));
        return episodeId;
    }

    /** Creates a show and an episode in the catalog, the POST carrying {@code traceParent}; returns its id. */
    private String createEpisode(String slug, String traceParent) {
        Api catalog = stack.catalogApi();
        ObjectNode show = Api.JSON.createObjectNode().put("slug", slug).put("title", "Show " + slug)
                .put("author", "Try Hard Studios").put("siteUrl", "https://databaseschool.com");
        Api.Response shown = catalog.post("/api/shows", show);
        assertThat(shown.status()).as(shown.body()).isEqualTo(201);
        ObjectNode episode = Api.JSON.createObjectNode().put("showId", shown.json().get("id").asText())
                .put("guid", "e2e:" + slug).put("slug", slug).put("title", "Episode " + slug)
                .put("durationText", "15 min").put("showNotes", "00:00 - Intro05:00 - Middle10:00 - End")
                .put("audioUrl", "https://example.com/" + slug + ".mp3");
        Api.Response created = catalog.postTraced("/api/episodes", episode, traceParent);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    /** A metric a PromQL expression reads: a name followed by its label matcher or range. */
    static final Pattern METRIC = Pattern.compile("\\b([a-z][a-z0-9]*_[a-z0-9_]*)(?=\\{|\\[|\\))");

    private static OtlpCollector.ReceivedSpan only(List<OtlpCollector.ReceivedSpan> trace, String service, int kind) {
        List<OtlpCollector.ReceivedSpan> found = trace.stream()
                .filter(span -> service.equals(span.service()) && span.kind() == kind).toList();
        assertThat(found).as("%s spans of kind %d in %s", service, kind, trace).hasSize(1);
        return found.get(0);
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        random[0] |= 1; // never all zeros, which W3C calls invalid
        return HexFormat.of().formatHex(random);
    }
}

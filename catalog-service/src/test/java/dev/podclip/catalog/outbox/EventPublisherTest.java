package dev.podclip.catalog.outbox;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class EventPublisherTest {

    private static final UUID A = UUID.fromString("00000000-0000-4000-8000-00000000000a");
    private static final UUID B = UUID.fromString("00000000-0000-4000-8000-00000000000b");

    /** Fails the listed row ids with the future a metadata timeout gives, as send() does, without throwing. */
    static final class FlakyProducer extends MockProducer<String, byte[]> {
        private final Set<String> failing;
        private final Set<String> refused;

        FlakyProducer(Set<String> failingVersions) {
            this(failingVersions, Set.of());
        }

        /** @param refusedVersions fail as a broker refusing the record itself (too large) does */
        FlakyProducer(Set<String> failingVersions, Set<String> refusedVersions) {
            super(true, null, new StringSerializer(), new ByteArraySerializer());
            this.failing = failingVersions;
            this.refused = refusedVersions;
        }

        @Override
        public synchronized Future<RecordMetadata> send(ProducerRecord<String, byte[]> record) {
            String key = record.key() + "@" + new String(record.headers().lastHeader("episode-version").value(),
                    StandardCharsets.UTF_8);
            if (failing.contains(key)) {
                return CompletableFuture.failedFuture(new TimeoutException("metadata not available"));
            }
            if (refused.contains(key)) {
                return CompletableFuture.failedFuture(new RecordTooLargeException("larger than max.message.bytes"));
            }
            return super.send(record);
        }
    }

    private static final Tracer NO_TRACING = OpenTelemetry.noop().getTracer("test");
    /** A write's span, as the catalog's HTTP request would have stored it with the row. */
    private static final String WRITE = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    private static OutboxRecord row(long id, UUID episode, long version) {
        return row(id, episode, version, null);
    }

    private static OutboxRecord row(long id, UUID episode, long version, String traceParent) {
        return new OutboxRecord(id, UUID.randomUUID(), episode, version, "episode.upserted",
                "{}".getBytes(StandardCharsets.UTF_8), Instant.parse("2026-11-25T12:00:00Z"), traceParent);
    }

    private static final List<OutboxRecord> ROWS = List.of(row(1, A, 1), row(2, A, 2), row(3, B, 1), row(4, A, 3),
            row(5, B, 2));

    @Test
    void everythingGoesOutInEpisodeOrder() {
        FlakyProducer kafka = new FlakyProducer(Set.of());

        EventPublisher.Delivery delivery = EventPublisher.publish(kafka, NO_TRACING, ROWS);

        assertThat(delivery.failure()).isNull();
        assertThat(delivery.ackedIds()).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L);
        assertThat(kafka.history().stream().filter(r -> r.key().equals(A.toString())).map(EventPublisherTest::version))
                .containsExactly("1", "2", "3");
        assertThat(kafka.history().stream().filter(r -> r.key().equals(B.toString())).map(EventPublisherTest::version))
                .containsExactly("1", "2");
    }

    @Test
    void aFailedRowHoldsBackTheRestOfItsEpisodeOnly() {
        FlakyProducer kafka = new FlakyProducer(Set.of(A + "@1"));

        EventPublisher.Delivery delivery = EventPublisher.publish(kafka, NO_TRACING, ROWS);

        assertThat(delivery.failure()).isInstanceOf(TimeoutException.class);
        assertThat(delivery.rowFailures()).containsOnlyKeys(1L);
        assertThat(delivery.transientFailure()).isTrue();
        // A's later versions were never sent: sending them after a failed version 1 would reorder the episode.
        assertThat(kafka.history()).extracting(ProducerRecord::key).doesNotContain(A.toString());
        // B is not held back by A: both its versions went out, in order.
        assertThat(delivery.ackedIds()).containsExactly(3L, 5L);
    }

    @Test
    void aRefusedRecordIsTheRowsOwnFailure() {
        FlakyProducer kafka = new FlakyProducer(Set.of(), Set.of(B + "@1"));

        EventPublisher.Delivery delivery = EventPublisher.publish(kafka, NO_TRACING, ROWS);

        assertThat(delivery.rowFailures()).containsOnlyKeys(3L);
        assertThat(delivery.rowFailures().get(3L)).isInstanceOf(RecordTooLargeException.class);
        assertThat(PublishFailures.isPermanent(delivery.rowFailures().get(3L))).isTrue();
        assertThat(delivery.transientFailure()).isFalse();
        assertThat(delivery.ackedIds()).containsExactly(1L, 2L, 4L);
    }

    @Test
    void eachSendContinuesTheTraceOfItsWriteAndHandsItOnInTheHeaders() {
        InMemorySpanExporter spans = InMemorySpanExporter.create();
        Tracer tracer = SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build()
                .get("test");
        FlakyProducer kafka = new FlakyProducer(Set.of(), Set.of(B + "@1"));

        EventPublisher.publish(kafka, tracer, List.of(row(1, A, 1, WRITE), row(2, B, 1, WRITE), row(3, A, 2)));

        SpanData traced = spans.getFinishedSpanItems().stream()
                .filter(span -> span.getParentSpanId().equals("b7ad6b7169203331")).findFirst().orElseThrow();
        assertThat(traced.getName()).isEqualTo("send catalog.episodes.v1");
        assertThat(traced.getKind()).isEqualTo(SpanKind.PRODUCER);
        assertThat(traced.getTraceId()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
        assertThat(traced.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        ProducerRecord<String, byte[]> first = kafka.history().get(0);
        assertThat(header(first, "traceparent"))
                .isEqualTo("00-0af7651916cd43dd8448eb211c80319c-" + traced.getSpanId() + "-01");
        // The refused row's send is marked as failed; a row written with tracing off starts a trace of its own.
        assertThat(spans.getFinishedSpanItems()).hasSize(3)
                .anySatisfy(span -> assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR))
                .anySatisfy(span -> assertThat(span.getParentSpanContext().isValid()).isFalse());
    }

    @Test
    void withTracingOffTheWritesTraceStillTravelsAndNothingIsAddedForAnUntracedRow() {
        FlakyProducer kafka = new FlakyProducer(Set.of());

        EventPublisher.publish(kafka, NO_TRACING, List.of(row(1, A, 1, WRITE), row(2, B, 1)));

        assertThat(header(kafka.history().get(0), "traceparent")).isEqualTo(WRITE);
        assertThat(kafka.history().get(1).headers().lastHeader("traceparent")).isNull();
    }

    @Test
    void onlyRecordLevelRefusalsArePermanent() {
        assertThat(PublishFailures.isPermanent(new RecordTooLargeException("big"))).isTrue();
        assertThat(PublishFailures.isPermanent(new TimeoutException("slow"))).isFalse();
        assertThat(PublishFailures.isPermanent(new TopicAuthorizationException("no"))).isFalse();
        assertThat(PublishFailures.isPermanent(new OutOfOrderSequenceException("seq"))).isFalse();
    }

    private static String version(ProducerRecord<String, byte[]> record) {
        return header(record, "episode-version");
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    @Test
    void theRelaysProducerSettingsValueByValue() {
        assertThat(EventPublisher.producerConfig("b:9092", java.time.Duration.ofSeconds(10)))
                .containsExactlyInAnyOrderEntriesOf(java.util.Map.ofEntries(
                        java.util.Map.entry("bootstrap.servers", "b:9092"),
                        java.util.Map.entry("client.id", "catalog-outbox-relay"),
                        java.util.Map.entry("acks", "all"),
                        java.util.Map.entry("enable.idempotence", true),
                        java.util.Map.entry("max.in.flight.requests.per.connection", 5),
                        java.util.Map.entry("retries", Integer.MAX_VALUE),
                        java.util.Map.entry("max.request.size", 8 * 1024 * 1024 + 64 * 1024),
                        java.util.Map.entry("delivery.timeout.ms", 10_000),
                        java.util.Map.entry("request.timeout.ms", 5_000),
                        java.util.Map.entry("linger.ms", 5),
                        java.util.Map.entry("max.block.ms", 2_000),
                        java.util.Map.entry("reconnect.backoff.max.ms", 1_000),
                        java.util.Map.entry("key.serializer", StringSerializer.class.getName()),
                        java.util.Map.entry("value.serializer", ByteArraySerializer.class.getName())));
    }
}

package dev.podclip.clip.events;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RecordSpansTest {

    static final String SEND = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    final InMemorySpanExporter exported = InMemorySpanExporter.create();
    final Tracer tracer = SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exported)).build()
            .get("test");

    @Test
    void aRecordsSpanContinuesTheRelaysSend() {
        Span span = RecordSpans.start(tracer, record(SEND.getBytes(StandardCharsets.US_ASCII)));
        RecordSpans.outcome(span, ApplyOutcome.APPLIED.name(), null);
        span.end();

        SpanData data = exported.getFinishedSpanItems().get(0);
        assertThat(data.getName()).isEqualTo("process catalog.episodes.v1");
        assertThat(data.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(data.getTraceId()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
        assertThat(data.getParentSpanId()).isEqualTo("b7ad6b7169203331");
        assertThat(data.getAttributes().asMap().toString()).contains("messaging.kafka.offset=42", "podclip.outcome=APPLIED");
    }

    @Test
    void aMissingOversizedOrMalformedHeaderStartsATraceOfItsOwn() {
        for (byte[] header : new byte[][] {null, new byte[10_000], "00-zz".getBytes(StandardCharsets.US_ASCII)}) {
            RecordSpans.start(tracer, record(header)).end();
        }
        assertThat(exported.getFinishedSpanItems()).hasSize(3)
                .allSatisfy(span -> assertThat(span.getParentSpanContext().isValid()).isFalse());
    }

    private static ConsumerRecord<byte[], byte[]> record(byte[] traceParent) {
        RecordHeaders headers = new RecordHeaders();
        if (traceParent != null) {
            headers.add(new RecordHeader("traceparent", traceParent));
        }
        return new ConsumerRecord<>("catalog.episodes.v1", 3, 42L, 0L, TimestampType.CREATE_TIME, 36, 2,
                "00000000-0000-4000-8000-00000000000a".getBytes(StandardCharsets.UTF_8), new byte[] {'{', '}'},
                headers, Optional.empty());
    }
}

package dev.podclip.clip.events;

import dev.podclip.support.tracing.TraceParents;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;

/**
 * A span for each consumed record, continuing the trace the catalog's relay put in its
 * {@value TraceParents#HEADER} header (its send span, itself under the HTTP write that made the event): so one
 * trace runs from the catalog's write through the relay to the apply here. Names and attributes follow
 * OpenTelemetry's messaging conventions.
 */
final class RecordSpans {

    /** The attribute saying what became of the record: an {@link ApplyOutcome} name, or {@link #REWOUND}. */
    static final String OUTCOME = "podclip.outcome";
    /** The record was not done this time (the database away, or the poll's deadline): it will be polled again. */
    static final String REWOUND = "rewound";

    private RecordSpans() {
    }

    static Span start(Tracer tracer, ConsumerRecord<byte[], byte[]> record) {
        Span span = TraceParents.start(tracer, "process " + record.topic(), SpanKind.CONSUMER, traceParent(record));
        span.setAttribute("messaging.system", "kafka");
        span.setAttribute("messaging.operation.type", "process");
        span.setAttribute("messaging.destination.name", record.topic());
        span.setAttribute("messaging.destination.partition.id", Integer.toString(record.partition()));
        span.setAttribute("messaging.kafka.offset", record.offset());
        if (record.key() != null && record.key().length <= TraceParents.MAX_CHARS) {
            span.setAttribute("messaging.kafka.message.key", new String(record.key(), StandardCharsets.UTF_8));
        }
        return span;
    }

    static void outcome(Span span, String outcome, Throwable failure) {
        span.setAttribute(OUTCOME, outcome);
        if (failure != null) {
            span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
        }
    }

    /** The header's value, or null when absent or longer than a traceparent can be (a record is untrusted input). */
    static String traceParent(ConsumerRecord<byte[], byte[]> record) {
        Header header = record.headers().lastHeader(TraceParents.HEADER);
        if (header == null || header.value() == null || header.value().length > TraceParents.MAX_CHARS) {
            return null;
        }
        return new String(header.value(), StandardCharsets.US_ASCII);
    }
}

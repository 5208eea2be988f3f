package dev.podclip.support.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

import java.util.List;

/**
 * A trace's place as one W3C {@code traceparent} string: the form in which a trace crosses what OpenTelemetry does
 * not instrument here — the catalog's outbox table (stored with the row in the write's transaction) and the Kafka
 * record headers the relay writes and clip-service reads. When tracing is off (the SDK disabled, the default), no
 * span is valid, {@link #current()} is null and nothing is stored or sent.
 */
public final class TraceParents {

    /** The Kafka header, as W3C names it for HTTP. */
    public static final String HEADER = "traceparent";
    /** {@code 00-<32 hex trace id>-<16 hex span id>-<2 hex flags>}; anything longer is not a version-00 value. */
    public static final int MAX_CHARS = 55;

    private static final TextMapGetter<String> ONE_VALUE = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return List.of(HEADER);
        }

        @Override
        public String get(String carrier, String key) {
            return HEADER.equals(key) ? carrier : null;
        }
    };

    private TraceParents() {
    }

    /** The {@code traceparent} of a span, or null when the span is not recorded anywhere (tracing off). */
    public static String of(SpanContext context) {
        if (context == null || !context.isValid()) {
            return null;
        }
        return "00-" + context.getTraceId() + "-" + context.getSpanId() + "-" + context.getTraceFlags().asHex();
    }

    /** The {@code traceparent} of the span current on this thread, or null. */
    public static String current() {
        return of(Span.current().getSpanContext());
    }

    /** The remote span a {@code traceparent} names, or an invalid context when it is null or malformed. */
    public static SpanContext parse(String traceParent) {
        if (traceParent == null || traceParent.length() > MAX_CHARS) {
            return SpanContext.getInvalid();
        }
        Context context = W3CTraceContextPropagator.getInstance().extract(Context.root(), traceParent, ONE_VALUE);
        return Span.fromContext(context).getSpanContext();
    }

    /**
     * Starts a span whose parent is the remote span {@code traceParent} names; a root span when it names none (a
     * record from before tracing, or sent with tracing off), so the work is still traced from here on.
     */
    public static Span start(Tracer tracer, String name, SpanKind kind, String traceParent) {
        SpanBuilder builder = tracer.spanBuilder(name).setSpanKind(kind);
        SpanContext parent = parse(traceParent);
        if (parent.isValid()) {
            builder.setParent(Context.root().with(Span.wrap(parent)));
        } else {
            builder.setNoParent();
        }
        return builder.startSpan();
    }
}

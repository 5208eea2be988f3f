package dev.podclip.support.tracing;

import dev.podclip.support.http.HttpEdge;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.concurrent.ThreadLocalRandom;

/**
 * The server span of each traced HTTP request, in place of quarkus-opentelemetry's Vert.x HTTP instrumentation,
 * which both services turn off ({@code quarkus.otel.instrument.vertx-http=false}). That instrumentation cost a share
 * page 58 % more CPU with tracing on even with every trace dropped, and a span started for every request and left
 * unsampled by the SDK still cost more than drawing first (BENCHMARKS.md §9, paired runs): far past the 5 % a hot
 * path may move. So the sampling of requests that come without a trace is decided here, before anything of
 * OpenTelemetry is touched: one in {@code podclip.tracing.untraced-request-ratio} starts a span, the others cost a
 * random number. A request that carries a {@code traceparent} always starts one, and the SDK's parent-based sampler
 * keeps it when the caller's trace is sampled.
 * <p>
 * The span: SERVER, named by method and route, continuing the caller's trace (so a traced write's span is the
 * caller's child, and the outbox stores it: ObservabilityIT), current for the whole request (the Vert.x request
 * context carries it to the worker thread), with the method, path, route and status as attributes and an error status
 * on a 5xx. Quarkus' own endpoints ({@code /q/...}) are not traced. With the SDK disabled (the default) nothing is
 * installed.
 */
@ApplicationScoped
public class ServerSpans {

    /** Before every other route, {@link HttpEdge}'s included, so a refused request is traced too. */
    static final int ORDER = HttpEdge.ORDER - 1;
    /** Where Quarkus REST leaves the matched resource's path template on the request's context. */
    static final String ROUTE_KEY = "UrlPathTemplate";
    /** Longest path recorded as an attribute; {@link HttpEdge} refuses longer request targets anyway. */
    static final int MAX_PATH_CHARS = 2_048;

    @Inject
    Tracer tracer;
    @ConfigProperty(name = "quarkus.otel.sdk.disabled", defaultValue = "false")
    boolean sdkDisabled;
    /** The share of requests without a {@code traceparent} that start a trace: all by default. */
    @ConfigProperty(name = "podclip.tracing.untraced-request-ratio", defaultValue = "1.0")
    double untracedRequestRatio;

    void install(@Observes Router router) {
        if (!sdkDisabled) {
            router.route().order(ORDER).handler(this::trace);
        }
    }

    void trace(RoutingContext context) {
        HttpServerRequest request = context.request();
        String path = request.path();
        if (path == null || path.startsWith("/q/")) {
            context.next();
            return;
        }
        String traceParent = request.getHeader(TraceParents.HEADER);
        if (traceParent == null && !chosen(untracedRequestRatio, ThreadLocalRandom.current().nextDouble())) {
            context.next();
            return;
        }
        String method = request.method().name();
        Span span = TraceParents.start(tracer, method, SpanKind.SERVER, traceParent);
        if (span.isRecording()) {
            span.setAttribute("http.request.method", method);
            span.setAttribute("url.path", path.length() <= MAX_PATH_CHARS ? path : path.substring(0, MAX_PATH_CHARS));
            span.setAttribute("url.scheme", request.scheme());
        }
        // Current until the answer ends, not until this handler returns: the resource runs later, on a worker.
        Scope scope = span.makeCurrent();
        context.addEndHandler(ended -> {
            try {
                finish(span, method, context.response().getStatusCode());
            } finally {
                scope.close();
            }
        });
        context.next();
    }

    /** Whether a request without a trace, drawn {@code draw} in [0, 1), is one of the {@code ratio} traced. */
    static boolean chosen(double ratio, double draw) {
        return draw < ratio;
    }

    private static void finish(Span span, String method, int status) {
        if (span.isRecording()) {
            Object route = route();
            if (route instanceof String template && !template.isEmpty()) {
                span.updateName(method + " " + template);
                span.setAttribute("http.route", template);
            }
            span.setAttribute("http.response.status_code", status);
            if (status >= 500) {
                span.setStatus(StatusCode.ERROR);
            }
        }
        span.end();
    }

    /** The resource's path template, when Quarkus REST matched one (the end handler runs on the request's context). */
    private static Object route() {
        io.vertx.core.Context current = Vertx.currentContext();
        return current == null ? null : current.getLocal(ROUTE_KEY);
    }
}

package dev.podclip.support.http;

import dev.podclip.support.problem.CommonProblems;
import dev.podclip.support.problem.ProblemType;
import dev.podclip.support.problem.Problems;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/**
 * The first route of every request: security headers on every answer, and {@link EdgeRules}' refusals as
 * problem+json before a resource, the database or a template sees the request. Its failure handler turns the HTTP
 * layer's own errors (a body over the limit, a request the server could not read) into problem+json too.
 */
@ApplicationScoped
public class HttpEdge {

    /** Before Quarkus' upload limit (-2) and every application route. */
    public static final int ORDER = -100;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    Optional<MemorySize> maxBody;

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::screen);
        router.route().order(ORDER).failureHandler(this::failed);
        // A path the router cannot decode (a % not followed by two hex digits) fails before any route, this one's
        // failure handler included; the router's own answer would be a plain-text "Bad Request".
        router.errorHandler(400, this::undecodable);
    }

    void undecodable(RoutingContext context) {
        if (!context.response().headWritten()) {
            SecurityHeaders.apply(context.request().path(), context.response().headers());
            answer(context, EdgeRules.UNDECODABLE_PATH);
        }
    }

    void screen(RoutingContext context) {
        HttpServerRequest request = context.request();
        context.addHeadersEndHandler(ignored -> SecurityHeaders.apply(request.path(), context.response().headers()));
        EdgeRules.Refusal refusal = EdgeRules.check(request.uri(), headerBytes(request), contentLength(request),
                maxBody.map(MemorySize::asLongValue).orElse(0L));
        if (refusal == null) {
            context.next();
            return;
        }
        if (refusal.status() == 413 || refusal.status() == 431) {
            // The unread body or oversized headers make the connection unusable for a next request.
            context.response().putHeader(HttpHeaders.CONNECTION, "close");
        }
        answer(context, refusal);
    }

    void failed(RoutingContext context) {
        if (context.response().headWritten()) {
            context.next();
            return;
        }
        int status = context.statusCode();
        if (status == 413) {
            answer(context, CommonProblems.BODY_TOO_LARGE, 413, "The body is larger than this server takes");
        } else if (status >= 400 && status < 500) {
            answer(context, CommonProblems.forStatus(status), status, "The server could not read this request");
        } else {
            context.next();
        }
    }

    private static void answer(RoutingContext context, EdgeRules.Refusal refusal) {
        answer(context, refusal.type(), refusal.status(), refusal.detail());
    }

    private static void answer(RoutingContext context, ProblemType type, int status, String detail) {
        JsonObject body = new JsonObject().put("type", type.uri()).put("title", type.title())
                .put("status", status).put("detail", detail);
        String path = context.request().path();
        if (path != null && path.length() <= EdgeRules.URI_MAX_CHARS && EdgeRules.refusedText(path) == null) {
            body.put("instance", path);
        }
        context.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problems.MEDIA_TYPE)
                .end(body.encode());
    }

    private static long headerBytes(HttpServerRequest request) {
        long total = 0;
        for (var header : request.headers()) {
            total += header.getKey().length() + header.getValue().length() + 4;
        }
        return total;
    }

    private static long contentLength(HttpServerRequest request) {
        String value = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}

package dev.podclip.support.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.podclip.support.db.SqlFailures;
import dev.podclip.support.routes.AllowedMethods;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Every error a service answers is RFC 9457 problem+json, whichever layer raised it (types: docs/problems.md).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** A validation problem lists at most this many field errors. */
    private static final int MAX_FIELD_ERRORS = 50;

    /** The service's pages for people, when it has any (clip-service). */
    @Inject
    Instance<ProblemPages> pages;

    @Inject
    AllowedMethods allowedMethods;

    @ServerExceptionMapper
    public Response problem(ProblemException problem, UriInfo uri) {
        Response response = Problems.response(problem, path(uri));
        if (problem.retryAfterSeconds() == 0) {
            return response;
        }
        return Response.fromResponse(response)
                .header(HttpHeaders.RETRY_AFTER, Integer.toString(problem.retryAfterSeconds())).build();
    }

    @ServerExceptionMapper(priority = 1)
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<Map<String, String>> errors = e.getConstraintViolations().stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .limit(MAX_FIELD_ERRORS)
                .map(ProblemMappers::fieldError)
                .toList();
        return problem(ProblemException.invalidFields(errors, e.getConstraintViolations().size()), uri);
    }

    /** A body of the wrong shape: where and what was expected, in the client's terms (JsonShapes). */
    @ServerExceptionMapper(priority = 1)
    public Response unreadable(MismatchedInputException e, UriInfo uri) {
        String field = JsonShapes.field(e);
        return Problems.response(CommonProblems.UNREADABLE_BODY,
                "The body does not match the expected shape at " + field + ": expected "
                        + JsonShapes.expected(e.getTargetType()), path(uri),
                Map.of("errors", List.of(Map.of("field", field, "message", "must be "
                        + JsonShapes.expected(e.getTargetType())))));
    }

    @ServerExceptionMapper(priority = 1)
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        if (e instanceof MismatchedInputException mismatched) {
            return unreadable(mismatched, uri);
        }
        return Problems.response(CommonProblems.UNREADABLE_BODY,
                "The body is not valid JSON: " + JsonShapes.syntax(e), path(uri), Map.of());
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthorizedResponse(uri);
    }

    @ServerExceptionMapper
    public Response unauthorized(AuthenticationFailedException e, UriInfo uri) {
        return unauthorizedResponse(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return Problems.response(CommonProblems.FORBIDDEN,
                "Your token does not carry a role this operation needs", path(uri), Map.of());
    }

    /**
     * A query parameter the resource method cannot take ({@code page=abc}) reaches here as a 404 whose cause is the
     * conversion failure (JAX-RS' rule for query and path parameters): it is answered as the 400 {@code validation}
     * problem naming the field. A path parameter that does not convert stays a 404: no resource has that path.
     * A request no resource matched is a page for a browser where the service has pages ({@link ProblemPages}).
     */
    @ServerExceptionMapper(priority = 1)
    public Response notFound(NotFoundException e, UriInfo uri, ResourceInfo resource, HttpHeaders headers) {
        if (e.getCause() != null && uri != null && resource != null) {
            Optional<QueryParameters.Unconvertible> bad = QueryParameters.firstUnconvertible(
                    resource.getResourceMethod(), uri.getQueryParameters());
            if (bad.isPresent()) {
                return problem(ProblemException.invalidField(bad.get().name(), bad.get().message()), uri);
            }
        }
        if (e.getCause() == null && uri != null && pages.isResolvable()) {
            Optional<Response> page = pages.get().noSuchPage(path(uri),
                    headers == null ? null : headers.getHeaderString(HttpHeaders.ACCEPT));
            if (page.isPresent()) {
                return page.get();
            }
        }
        return web(e, uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status < 400) {
            return original;
        }
        // Quarkus' JSON reader wraps a body it cannot parse in a bare 400 ("Bad Request"): say what was wrong.
        if (status == 400 && e.getCause() instanceof JsonProcessingException json) {
            return unreadable(json, uri);
        }
        Response.StatusType type = original.getStatusInfo();
        String reason = type.getReasonPhrase() == null ? "HTTP " + status : type.getReasonPhrase();
        Response problem = Problems.response(CommonProblems.forStatus(status), status, detailOf(e, reason), path(uri),
                Map.of());
        Response.ResponseBuilder builder = Response.fromResponse(problem);
        original.getHeaders().forEach((name, values) -> {
            if (!HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name) && !HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        // RFC 9110 requires a 405 to say what is allowed; the framework's own 405 does not.
        if (status == 405 && original.getHeaderString(HttpHeaders.ALLOW) == null) {
            allowedMethods.header(path(uri)).ifPresent(allow -> builder.header(HttpHeaders.ALLOW, allow));
        }
        return builder.build();
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e, UriInfo uri) {
        SqlFailures.Kind database = SqlFailures.classify(e);
        if (database != SqlFailures.Kind.OTHER) {
            LOG.debugf(e, "database failure on %s", path(uri));
            return DatabaseProblems.unavailable(database, path(uri));
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected error %s on %s", incident, path(uri));
        return Problems.response(CommonProblems.INTERNAL,
                "Something went wrong on our side; quote incident " + incident, path(uri),
                Map.of("incident", incident));
    }

    private static Response unauthorizedResponse(UriInfo uri) {
        Response problem = Problems.response(CommonProblems.UNAUTHORIZED,
                "This operation needs a valid bearer token", path(uri), Map.of());
        return Response.fromResponse(problem).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    private static Map<String, String> fieldError(ConstraintViolation<?> violation) {
        String field = violation.getPropertyPath().toString();
        // Method-parameter paths read "create.arg0.title"; callers know the field, not the method.
        int dot = field.indexOf('.');
        int second = dot < 0 ? -1 : field.indexOf('.', dot + 1);
        String shown = second < 0 ? field : field.substring(second + 1);
        return Map.of("field", shown, "message", violation.getMessage());
    }

    private static String detailOf(WebApplicationException e, String title) {
        String message = e.getMessage();
        if (message == null || message.isBlank() || message.startsWith("HTTP ")) {
            return title;
        }
        return message;
    }

    /** The request's path, for a problem's {@code instance}. */
    public static String path(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getRawPath();
    }
}

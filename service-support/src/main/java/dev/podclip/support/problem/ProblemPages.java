package dev.podclip.support.problem;

import jakarta.ws.rs.core.Response;

import java.util.Optional;

/**
 * A service's page for people in place of a problem: a browser that follows a wrong link to a service with pages
 * gets a page that says so and links home, not a JSON document. A service without pages has no such bean, and
 * every problem stays problem+json.
 */
public interface ProblemPages {

    /**
     * The page for a request no resource matched, or empty to answer problem+json.
     *
     * @param path   the request's raw path
     * @param accept the request's {@code Accept} header, or null
     */
    Optional<Response> noSuchPage(String path, String accept);
}

package dev.podclip.clip.share;

import dev.podclip.support.problem.ProblemException;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The trivial route the load benchmarks compare share-page throughput with (BENCHMARKS.md); answers only where
 * {@code clip.share.ping-enabled} says so, a 404 problem elsewhere, and is not part of the documented API.
 */
@Path("/api/ping")
public class PingResource {

    @Inject
    ShareConfig config;

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(hidden = true)
    public String ping() {
        if (!config.pingEnabled()) {
            throw ProblemException.notFound("route", "/api/ping");
        }
        return "ok";
    }
}

package dev.podclip.support.limits;

import dev.podclip.support.problem.CommonProblems;
import dev.podclip.support.problem.Problems;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Map;
import java.util.OptionalLong;

/**
 * Limits per client on every public route class (LimitsConfig): over the limit is a 429 problem+json with
 * Retry-After. A caller whose bearer token verifies gets its role's multiplier; a token that does not verify counts
 * as no token, so a made-up header buys nothing. Tested by the clip-service's RateLimitTest.
 */
public class RateLimitFilter {

    // Only application-scoped beans here: filters are built at static init, before runtime config mappings exist.
    @Inject
    ClientKeys clientKeys;
    @Inject
    ClientLimits limits;
    @Inject
    CurrentIdentityAssociation identities;

    @ServerRequestFilter(preMatching = true)
    public Uni<Response> limit(HttpServerRequest request) {
        if (!limits.enabled()) {
            return Uni.createFrom().nullItem();
        }
        String path = request.path();
        var routeClass = limits.classOf(path);
        if (routeClass.isEmpty()) {
            return Uni.createFrom().nullItem();
        }
        String client = clientKeys.of(request);
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        Uni<Integer> multiplier = authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? Uni.createFrom().item(1)
                : identities.getDeferredIdentity().map(this::multiplierOf).onFailure().recoverWithItem(1);
        return multiplier.map(m -> tooMany(limits.take(routeClass.get(), client, m), path));
    }

    private int multiplierOf(SecurityIdentity identity) {
        return identity == null || identity.isAnonymous() ? 1 : limits.multiplierOf(identity.getRoles());
    }

    private static Response tooMany(OptionalLong retryAfterSeconds, String path) {
        if (retryAfterSeconds.isEmpty()) {
            return null;
        }
        long seconds = retryAfterSeconds.getAsLong();
        Response problem = Problems.response(CommonProblems.TOO_MANY_REQUESTS,
                "This client made more requests than its limit; retry after " + seconds + " s", path,
                Map.of("retryAfterSeconds", seconds));
        return Response.fromResponse(problem).header(HttpHeaders.RETRY_AFTER, seconds).build();
    }
}

package dev.podclip.catalog.common;

import dev.podclip.support.problem.ProblemMappers;
import dev.podclip.support.problem.Problems;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.StaleStateException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Map;

/**
 * Hibernate's word that a row changed or went away under a write (JPA's exception, or Hibernate's own where it is not
 * converted), as the 409 {@code stale-version} problem. Here, not among service-support's mappers: the catalog is the
 * service that writes through Hibernate ORM.
 */
public class StaleWrites {

    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
    public Response stale(PersistenceException e, UriInfo uri) {
        return Problems.response(CatalogProblems.STALE_VERSION, 409,
                "Someone else changed this resource first: read it again and retry with its current version",
                ProblemMappers.path(uri), Map.of());
    }
}

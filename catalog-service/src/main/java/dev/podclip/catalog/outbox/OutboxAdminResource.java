package dev.podclip.catalog.outbox;

import dev.podclip.support.auth.Roles;
import dev.podclip.support.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Operator view of the outbox's parked rows (role {@code admin}): what the broker refused for good, and replay. */
@Path("/admin/outbox/parked")
@Tag(name = "admin")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class OutboxAdminResource {

    @Inject
    OutboxParking parking;

    /** @param replayed rows moved back into the outbox, queued behind what waits in their slots */
    public record Replayed(int replayed) {
    }

    @GET
    @Operation(summary = "Parked outbox rows, oldest first, with the reason the broker gave (no payloads)")
    public List<OutboxParking.Parked> list(@QueryParam("limit") Integer limit) {
        return parking.list(limit == null ? 100 : limit);
    }

    @POST
    @Path("/{id}/replay")
    @Operation(summary = "Move one parked row back into the outbox; 404 when no such row is parked")
    public Replayed replayOne(@PathParam("id") long id) {
        int replayed = parking.replay(id);
        if (replayed == 0) {
            throw ProblemException.notFound("parked outbox row", id);
        }
        return new Replayed(replayed);
    }

    @POST
    @Path("/replay")
    @Operation(summary = "Move the oldest parked rows (up to 1,000 per call) back into the outbox")
    public Replayed replayAll() {
        return new Replayed(parking.replay(null));
    }
}

package dev.podclip.clip.admin;

import dev.podclip.clip.config.ClipConfig;
import dev.podclip.support.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The rebuild status rows: at most one running across all instances (a partial unique index guards it). */
@ApplicationScoped
public class RebuildService {

    /** Longest error text kept. */
    static final int MAX_ERROR_CHARS = 2_000;
    private static final SkippedJson SKIPPED_JSON = new SkippedJson();

    @Inject
    ClipConfig config;
    @Inject
    RebuildRunner runner;

    /** {@code GET /admin/rebuild/{id}}. */
    public record RebuildStatus(UUID id, String state, String requestedBy, String topic, Instant startedAt,
                                Instant updatedAt, Instant finishedAt, long recordsTotal, long recordsRead,
                                long eventsApplied, double eventsPerSecond, String error, long recordsSkipped,
                                List<Skipped> skipped) {
    }

    /** A record a rebuild could not read or apply (the first {@link RebuildRunner#MAX_SKIPPED_SAMPLE} are kept). */
    public record Skipped(int partition, long offset, String reason) {
    }

    /**
     * Records a new running rebuild and starts it in the background.
     *
     * @throws ProblemException 409 when a rebuild is running already
     */
    public RebuildStatus start(String requestedBy) {
        RebuildEntity row;
        try {
            row = QuarkusTransaction.requiringNew().call(() -> insertRunning(requestedBy));
        } catch (PersistenceException e) {
            throw conflict(); // another instance won the race for the unique index
        }
        runner.runAsync(row.id);
        return status(row);
    }

    @Transactional
    public RebuildStatus get(UUID id) {
        RebuildEntity row = RebuildEntity.findById(id);
        if (row == null) {
            throw ProblemException.notFound("Rebuild", id);
        }
        return status(row);
    }

    private RebuildEntity insertRunning(String requestedBy) {
        Instant now = Instant.now();
        RebuildEntity running = RebuildEntity.find("state", RebuildEntity.RUNNING).firstResult();
        if (running != null) {
            if (running.updatedAt.isAfter(now.minusMillis(config.rebuild().staleAfterMs()))) {
                throw conflict().with("running", running.id.toString());
            }
            running.state = RebuildEntity.FAILED;
            running.error = "abandoned: no progress for " + Duration.ofMillis(config.rebuild().staleAfterMs());
            running.finishedAt = now;
            RebuildEntity.flush();
        }
        RebuildEntity row = new RebuildEntity();
        row.id = UUID.randomUUID();
        row.state = RebuildEntity.RUNNING;
        row.requestedBy = requestedBy;
        row.topic = config.events().topic();
        row.startedAt = now;
        row.updatedAt = now;
        row.persist();
        RebuildEntity.flush();
        return row;
    }

    /** Progress of a running rebuild; committed on its own so status readers see it move. */
    public void progress(UUID id, long recordsTotal, long recordsRead, long eventsApplied) {
        QuarkusTransaction.requiringNew().run(() -> {
            RebuildEntity row = RebuildEntity.findById(id);
            row.recordsTotal = recordsTotal;
            row.recordsRead = recordsRead;
            row.eventsApplied = eventsApplied;
            row.updatedAt = Instant.now();
        });
    }

    public void finish(UUID id, String state, String error, long recordsSkipped, List<Skipped> skipped) {
        QuarkusTransaction.requiringNew().run(() -> {
            RebuildEntity row = RebuildEntity.findById(id);
            row.state = state;
            row.recordsSkipped = recordsSkipped;
            row.skippedSample = skipped.isEmpty() ? null : SKIPPED_JSON.toJson(skipped);
            row.error = error == null || error.length() <= MAX_ERROR_CHARS ? error : error.substring(0, MAX_ERROR_CHARS);
            row.updatedAt = Instant.now();
            row.finishedAt = row.updatedAt;
        });
    }

    private static ProblemException conflict() {
        return ProblemException.conflict("rebuild-running", "A rebuild is running already; follow its status");
    }

    static RebuildStatus status(RebuildEntity row) {
        Instant end = row.finishedAt == null ? Instant.now() : row.finishedAt;
        double seconds = Math.max(0.001, Duration.between(row.startedAt, end).toMillis() / 1000.0);
        double rate = Math.round(row.eventsApplied / seconds * 10) / 10.0;
        return new RebuildStatus(row.id, row.state, row.requestedBy, row.topic, row.startedAt, row.updatedAt,
                row.finishedAt, row.recordsTotal, row.recordsRead, row.eventsApplied, rate, row.error,
                row.recordsSkipped, row.skippedSample == null ? List.of() : SKIPPED_JSON.fromJson(row.skippedSample));
    }

    /** The skipped sample as stored in its text column. */
    static final class SkippedJson {
        private final com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();

        String toJson(List<Skipped> skipped) {
            try {
                return mapper.writeValueAsString(skipped);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        List<Skipped> fromJson(String json) {
            try {
                return List.of(mapper.readValue(json, Skipped[].class));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                return List.of();
            }
        }
    }
}

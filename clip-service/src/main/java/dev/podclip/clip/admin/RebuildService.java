package dev.podclip.clip.admin;

import dev.podclip.clip.config.ClipConfig;
import dev.podclip.clip.db.Database;
import dev.podclip.clip.problem.ClipServiceProblems;
import dev.podclip.support.db.SqlFailures;
import dev.podclip.support.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The rebuild status rows: at most one running across all instances (a partial unique index guards it). */
@ApplicationScoped
public class RebuildService {

    /** PostgreSQL's unique_violation. */
    private static final String UNIQUE_VIOLATION = "23505";
    /** Longest error text kept. */
    static final int MAX_ERROR_CHARS = 2_000;
    private static final SkippedJson SKIPPED_JSON = new SkippedJson();

    @Inject
    ClipConfig config;
    @Inject
    RebuildRunner runner;
    @Inject
    Database db;

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
        StoredRebuild row;
        try {
            row = QuarkusTransaction.requiringNew().call(() -> insertRunning(requestedBy));
        } catch (Database.Failure e) {
            if (UNIQUE_VIOLATION.equals(SqlFailures.sqlState(e))) {
                throw conflict(); // another instance won the race for the unique index
            }
            throw e;
        }
        runner.runAsync(row.id());
        return status(row);
    }

    @Transactional
    public RebuildStatus get(UUID id) {
        return status(db.call(c -> RebuildRows.find(c, id))
                .orElseThrow(() -> ProblemException.notFound("Rebuild", id)));
    }

    private StoredRebuild insertRunning(String requestedBy) {
        Instant now = Instant.now();
        return db.call(c -> {
            Optional<StoredRebuild> running = RebuildRows.running(c);
            if (running.isPresent()) {
                if (running.get().updatedAt().isAfter(now.minusMillis(config.rebuild().staleAfterMs()))) {
                    throw conflict().with("running", running.get().id().toString());
                }
                RebuildRows.abandon(c, running.get().id(),
                        "abandoned: no progress for " + Duration.ofMillis(config.rebuild().staleAfterMs()), now);
            }
            StoredRebuild row = StoredRebuild.running(requestedBy, config.events().topic(), now);
            RebuildRows.insert(c, row);
            return row;
        });
    }

    /** Progress of a running rebuild; committed on its own so status readers see it move. */
    public void progress(UUID id, long recordsTotal, long recordsRead, long eventsApplied) {
        QuarkusTransaction.requiringNew().run(() -> db.call(c -> {
            RebuildRows.progress(c, id, recordsTotal, recordsRead, eventsApplied);
            return null;
        }));
    }

    public void finish(UUID id, String state, String error, long recordsSkipped, List<Skipped> skipped) {
        String kept = error == null || error.length() <= MAX_ERROR_CHARS ? error : error.substring(0, MAX_ERROR_CHARS);
        String sample = skipped.isEmpty() ? null : SKIPPED_JSON.toJson(skipped);
        QuarkusTransaction.requiringNew().run(() -> db.call(c -> {
            RebuildRows.finish(c, id, state, kept, recordsSkipped, sample);
            return null;
        }));
    }

    private static ProblemException conflict() {
        return new ProblemException(ClipServiceProblems.REBUILD_RUNNING,
                "A rebuild is running already; follow its status");
    }

    static RebuildStatus status(StoredRebuild row) {
        Instant end = row.finishedAt() == null ? Instant.now() : row.finishedAt();
        double seconds = Math.max(0.001, Duration.between(row.startedAt(), end).toMillis() / 1000.0);
        double rate = Math.round(row.eventsApplied() / seconds * 10) / 10.0;
        return new RebuildStatus(row.id(), row.state(), row.requestedBy(), row.topic(), row.startedAt(),
                row.updatedAt(), row.finishedAt(), row.recordsTotal(), row.recordsRead(), row.eventsApplied(), rate,
                row.error(), row.recordsSkipped(),
                row.skippedSample() == null ? List.of() : SKIPPED_JSON.fromJson(row.skippedSample()));
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

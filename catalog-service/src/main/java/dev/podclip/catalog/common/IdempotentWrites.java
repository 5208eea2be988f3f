package dev.podclip.catalog.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podclip.catalog.config.CatalogConfig;
import dev.podclip.support.problem.ProblemException;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

/**
 * Writes a client can retry safely. A write sent with {@code Idempotency-Key: <key>} records its result in the same
 * transaction as the write itself (table {@code idempotency_keys}, per principal); the same key again returns that
 * first result (header {@code Idempotent-Replayed: true}) instead of writing again. So a client that got no answer (a
 * timeout, a 503 while the database restarted: the commit may or may not have happened) retries with the same key and
 * learns the outcome. The same key with a different request is a 422. A failed write stores nothing: its retry runs
 * again. Keys are kept {@code catalog.idempotency.retention} (24 h), pruned every {@code prune-interval}.
 *
 * <p>Concurrent requests with one key are serialized by the key's row: the second waits for the first to commit,
 * then replays its result (or, if the first rolled back, runs itself).
 */
@ApplicationScoped
public class IdempotentWrites {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    /** Longest key accepted (the column's size); a UUID is 36. */
    public static final int MAX_KEY_CHARS = 255;

    private static final Logger LOG = Logger.getLogger(IdempotentWrites.class);

    @Inject
    EntityManager entityManager;
    @Inject
    ObjectMapper json;
    @Inject
    SecurityIdentity identity;
    @Inject
    CatalogConfig config;

    /** What identifies a request besides its key: the same key with another fingerprint is a client error. */
    public record Request(String method, String path, String ifMatch, Object body) {
    }

    /**
     * Runs {@code write} (its services join this transaction) unless {@code key} already has a result; without a key
     * it just runs the write.
     */
    @Transactional
    public Response run(String key, Request request, Supplier<Response> write) {
        if (key == null) {
            return write.get();
        }
        checkKey(key);
        String principal = identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
        String fingerprint = fingerprint(request);
        int claimed = entityManager.createNativeQuery("INSERT INTO idempotency_keys (principal, idem_key,"
                        + " request_sha256, status, created_at) VALUES (:principal, :key, :sha, 0, :now)"
                        + " ON CONFLICT DO NOTHING")
                .setParameter("principal", principal).setParameter("key", key).setParameter("sha", fingerprint)
                .setParameter("now", Instant.now()).executeUpdate();
        if (claimed == 0) {
            return replay(principal, key, fingerprint);
        }
        Response response = write.get();
        Stored stored = store(response);
        entityManager.createNativeQuery("UPDATE idempotency_keys SET status = :status, location = :location,"
                        + " etag = :etag, body = :body WHERE principal = :principal AND idem_key = :key")
                .setParameter("status", stored.status()).setParameter("location", stored.location())
                .setParameter("etag", stored.etag()).setParameter("body", stored.body())
                .setParameter("principal", principal).setParameter("key", key).executeUpdate();
        return stored.toResponse(false);
    }

    /** Deletes keys past their retention; with several instances each prunes, harmlessly. */
    @Scheduled(every = "${catalog.idempotency.prune-interval:10m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void prune() {
        int deleted = entityManager.createNativeQuery("DELETE FROM idempotency_keys WHERE created_at < :before")
                .setParameter("before", Instant.now().minus(config.idempotency().retention())).executeUpdate();
        if (deleted > 0) {
            LOG.debugf("pruned %d idempotency keys", deleted);
        }
    }

    /** Visible ASCII only, 1 to {@link #MAX_KEY_CHARS} characters (a UUID is the usual choice). */
    static void checkKey(String key) {
        boolean printable = !key.isEmpty() && key.length() <= MAX_KEY_CHARS
                && key.chars().allMatch(c -> c >= 0x21 && c <= 0x7E);
        if (!printable) {
            throw new ProblemException(CatalogProblems.INVALID_IDEMPOTENCY_KEY, HEADER + " must be 1 to "
                    + MAX_KEY_CHARS + " visible ASCII characters (a UUID, for example)");
        }
    }

    private Response replay(String principal, String key, String fingerprint) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("SELECT request_sha256, status, location, etag, body"
                        + " FROM idempotency_keys WHERE principal = :principal AND idem_key = :key")
                .setParameter("principal", principal).setParameter("key", key).getResultList();
        if (rows.isEmpty()) {
            // Pruned between our insert attempt and this read: too old to replay, and a retry will run it again.
            throw new ProblemException(CatalogProblems.IDEMPOTENCY_KEY_EXPIRED,
                    "The result kept for this " + HEADER + " has just expired; send the request again");
        }
        Object[] row = rows.get(0);
        if (!fingerprint.equals(row[0])) {
            throw new ProblemException(CatalogProblems.IDEMPOTENCY_KEY_REUSED,
                    "This " + HEADER + " was used for a different request; use a new key for a new request");
        }
        Stored stored = new Stored(((Number) row[1]).intValue(), (String) row[2], (String) row[3], (byte[]) row[4]);
        return stored.toResponse(true);
    }

    private Stored store(Response response) {
        Object entity = response.getEntity();
        byte[] body;
        try {
            body = entity == null ? null : entity instanceof byte[] bytes ? bytes : json.writeValueAsBytes(entity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot keep the result of an idempotent write", e);
        }
        Object location = response.getHeaders().getFirst(HttpHeaders.LOCATION);
        Object etag = response.getHeaders().getFirst(HttpHeaders.ETAG);
        return new Stored(response.getStatus(), location == null ? null : location.toString(),
                etag == null ? null : etag.toString(), body);
    }

    /** A result as kept: the status, the headers a client acts on, the JSON body. */
    private record Stored(int status, String location, String etag, byte[] body) {
        Response toResponse(boolean replayed) {
            Response.ResponseBuilder builder = Response.status(status);
            if (location != null) {
                builder.header(HttpHeaders.LOCATION, location);
            }
            if (etag != null) {
                builder.header(HttpHeaders.ETAG, etag);
            }
            if (body != null) {
                builder.entity(body).type(MediaType.APPLICATION_JSON_TYPE);
            }
            if (replayed) {
                builder.header(REPLAYED_HEADER, "true");
            }
            return builder.build();
        }
    }

    private String fingerprint(Request request) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((request.method() + "\n" + request.path() + "\n" + request.ifMatch() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            Object body = request.body();
            if (body instanceof String text) {
                sha.update(text.getBytes(StandardCharsets.UTF_8));
            } else if (body != null) {
                sha.update(json.writeValueAsBytes(body));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("cannot fingerprint a request", e);
        }
    }
}

package dev.podclip.catalog.common;

import dev.podclip.support.net.FetchRefused.Reason;
import dev.podclip.support.net.FetchRefused;
import dev.podclip.support.problem.ProblemType;

import java.util.EnumSet;

/**
 * The problem types only catalog-service answers (both services': {@code CommonProblems}). docs/problems.md lists
 * them, generated from here ({@code ProblemTypesTest}).
 */
public final class CatalogProblems {

    // Writes and their preconditions
    public static final ProblemType STALE_VERSION = ProblemType.of("stale-version", "Stale version",
            "Someone changed the resource since you read it: 412 when `If-Match` does not match, 409 when the body's "
                    + "`version` does not (`currentVersion` says which is current). Read it again and retry.",
            409, 412);
    public static final ProblemType VERSION_REQUIRED = ProblemType.of("version-required", "Version required",
            "A change needs the version you read, as `If-Match: \"<version>\"` or `version` in the body.", 428);
    public static final ProblemType BAD_IF_MATCH = ProblemType.of("bad-if-match", "Unreadable If-Match",
            "`If-Match` is not an entity tag like `\"3\"`, or is too long.", 400);
    public static final ProblemType INVALID_IDEMPOTENCY_KEY = ProblemType.of("invalid-idempotency-key",
            "Invalid idempotency key", "`Idempotency-Key` must be 1 to " + IdempotentWrites.MAX_KEY_CHARS
                    + " visible ASCII characters.", 400);
    public static final ProblemType IDEMPOTENCY_KEY_EXPIRED = ProblemType.of("idempotency-key-expired",
            "Idempotency key expired", "The result kept for this key has just expired; send the request again.",
            409);
    public static final ProblemType IDEMPOTENCY_KEY_REUSED = ProblemType.of("idempotency-key-reused",
            "Idempotency key reused", "The key was used for a different request; use a new key.", 422);
    public static final ProblemType DUPLICATE_SLUG = ProblemType.of("duplicate-slug", "Slug taken",
            "Another show, or another episode of the show, has this slug.", 409);
    public static final ProblemType DUPLICATE_GUID = ProblemType.of("duplicate-guid", "GUID taken",
            "The show has an episode with this guid already.", 409);
    public static final ProblemType SHOW_HAS_EPISODES = ProblemType.of("show-has-episodes", "Show has episodes",
            "A show is deleted only once its episodes are.", 409);
    public static final ProblemType EVENT_TOO_LARGE = ProblemType.of("event-too-large", "Event too large",
            "The episode's change event would be larger than a Kafka record may be: shorten the transcript or show "
                    + "notes.", 413);
    public static final ProblemType OUTBOX_FULL = ProblemType.of("outbox-full", "Outbox full",
            "Too many events wait for the broker; writes resume when it takes them. Retry after `Retry-After` "
                    + "seconds.", 503);

    // Transcript uploads
    public static final ProblemType UNSUPPORTED_TRANSCRIPT_TYPE = ProblemType.of("unsupported-transcript-type",
            "Unsupported transcript type", "Send a transcript as text/vtt, application/x-subrip (text/srt), "
                    + "application/json or text/html, or name it with `?format=`.", 415);
    public static final ProblemType TRANSCRIPT_TOO_LARGE = ProblemType.of("transcript-too-large",
            "Transcript too large", "The transcript has more bytes or cues than one may (`limitBytes` or `code`).",
            413);
    public static final ProblemType EMPTY_TRANSCRIPT = ProblemType.of("empty-transcript", "Empty transcript",
            "The transcript holds no text.", 400);

    // Feeds
    public static final ProblemType DUPLICATE_FEED = ProblemType.of("duplicate-feed", "Feed registered already",
            "This feed URL is registered already.", 409);
    public static final ProblemType FEED_IMPORTS_BUSY = ProblemType.of("feed-imports-busy", "Feed imports busy",
            "This instance imports as many feeds as it may; retry after `Retry-After` seconds.", 503);
    /** A feed that cannot be fetched or read; never a range, never audio. */
    public static final FetchRefused.Family FEED_FETCH = FetchRefused.Family.of("feed", "Unusable feed",
            EnumSet.complementOf(EnumSet.of(Reason.BAD_RANGE, Reason.NOT_AUDIO)));

    private CatalogProblems() {
    }
}

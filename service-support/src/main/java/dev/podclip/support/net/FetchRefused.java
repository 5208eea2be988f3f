package dev.podclip.support.net;

import dev.podclip.support.problem.ProblemException;
import dev.podclip.support.problem.ProblemType;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An outbound fetch that was refused or failed, with a named {@link Reason}. 422 when the URL or what it names is
 * unacceptable, 502 when the remote host misbehaved.
 */
public final class FetchRefused extends RuntimeException {

    /** Why a fetch failed; the wire name ({@code private-address}) is the problem slug's second half. */
    public enum Reason {
        BAD_SCHEME(422, "The URL is not http or https."),
        BAD_URL(422, "The URL does not parse, is too long, or has no host or has user info."),
        PRIVATE_ADDRESS(422, "The host resolves to a private, loopback, link-local or otherwise reserved address."),
        MALFORMED_FEED(422, "The document is not an RSS feed that can be read; the detail gives the first error."),
        TOO_LARGE(502, "The host sent, or announced, more bytes than the limit."),
        UNKNOWN_HOST(502, "The host name does not resolve."),
        HTTP_STATUS(502, "The host answered an HTTP error status."),
        BAD_REDIRECT(502, "The host redirected without a readable `Location`."),
        TOO_MANY_REDIRECTS(502, "The host redirected more times than followed."),
        TIMEOUT(502, "No complete answer came within the deadline."),
        INTERRUPTED(502, "The fetch was stopped (the service is shutting down)."),
        IO_ERROR(502, "The connection failed, or the fetched file could not be stored."),
        BAD_RANGE(502, "The host answered a range request with other bytes than asked for."),
        NOT_AUDIO(502, "The host answered something other than audio.");

        private final int status;
        private final String meaning;

        Reason(int status, String meaning) {
            this.status = status;
            this.meaning = meaning;
        }

        public String wireName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final Reason reason;

    private FetchRefused(int status, Reason reason, String detail) {
        super(detail);
        this.reason = Objects.requireNonNull(reason, "reason");
        if (reason.status != status) {
            throw new IllegalArgumentException(reason + " is answered " + reason.status + ", not " + status);
        }
    }

    /** The URL, or what it names, is unacceptable: 422. */
    public static FetchRefused url(Reason reason, String detail) {
        return new FetchRefused(422, reason, detail);
    }

    /** The remote host misbehaved: 502. */
    public static FetchRefused remote(Reason reason, String detail) {
        return new FetchRefused(502, reason, detail);
    }

    public int status() {
        return reason.status;
    }

    public Reason reason() {
        return reason;
    }

    /** "reason: detail", the form stored as a feed's last error. */
    public String summary() {
        return reason.wireName() + ": " + getMessage();
    }

    /** This failure as a problem of {@code family}, the types of what was fetched. */
    public ProblemException problem(Family family) {
        ProblemType type = family.types.get(reason);
        if (type == null) {
            throw new IllegalStateException(family.subject + " fetches do not fail with " + reason.wireName(), this);
        }
        return new ProblemException(type, getMessage()).with("reason", reason.wireName());
    }

    /**
     * The problem types of fetching one kind of thing ({@code feed-private-address}, {@code source-timeout}, ...):
     * one per reason such a fetch can fail with. Declared as a constant of a service's problem registry.
     */
    public static final class Family {

        private final String subject;
        private final Map<Reason, ProblemType> types;

        private Family(String subject, Map<Reason, ProblemType> types) {
            this.subject = subject;
            this.types = Collections.unmodifiableMap(types);
        }

        /** @param title the title of every type of the family, such as "Unusable feed" */
        public static Family of(String subject, String title, Set<Reason> reasons) {
            Map<Reason, ProblemType> types = new EnumMap<>(Reason.class);
            for (Reason reason : reasons) {
                types.put(reason, ProblemType.of(subject + "-" + reason.wireName(), title, reason.meaning,
                        reason.status));
            }
            return new Family(subject, types);
        }

        public List<ProblemType> types() {
            return List.copyOf(types.values());
        }
    }
}

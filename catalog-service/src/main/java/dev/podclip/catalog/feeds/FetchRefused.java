package dev.podclip.catalog.feeds;

import dev.podclip.support.problem.ProblemException;

/**
 * An outbound fetch that was refused or failed, with a named reason ({@code private-address}, {@code too-large},
 * {@code timeout}, ...). 422 when the URL itself is unacceptable, 502 when the remote host misbehaved.
 */
public final class FetchRefused extends RuntimeException {

    private final int status;
    private final String reason;

    public FetchRefused(int status, String reason, String detail) {
        super(detail);
        assert status == 422 || status == 502 : "a refusal is 422 or 502";
        this.status = status;
        this.reason = reason;
    }

    public static FetchRefused url(String reason, String detail) {
        return new FetchRefused(422, reason, detail);
    }

    public static FetchRefused remote(String reason, String detail) {
        return new FetchRefused(502, reason, detail);
    }

    public int status() {
        return status;
    }

    public String reason() {
        return reason;
    }

    /** "reason: detail", the form stored as a feed's last error. */
    public String summary() {
        return reason + ": " + getMessage();
    }

    public ProblemException problem() {
        return new ProblemException(status, "feed-" + reason, status == 422 ? "Unacceptable feed URL or content"
                : "Feed host failed", getMessage()).with("reason", reason);
    }
}

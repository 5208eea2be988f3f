package dev.podclip.support.net;

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

    /** @param subject what was fetched, in the problem's type and title: "feed", "source", ... */
    public ProblemException problem(String subject) {
        String title = status == 422 ? "Unacceptable " + subject + " URL or content"
                : Character.toUpperCase(subject.charAt(0)) + subject.substring(1) + " host failed";
        return new ProblemException(status, subject + "-" + reason, title, getMessage()).with("reason", reason);
    }
}

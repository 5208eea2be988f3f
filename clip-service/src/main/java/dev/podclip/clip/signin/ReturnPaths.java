package dev.podclip.clip.signin;

import dev.podclip.support.problem.ProblemException;

/**
 * Where a sign-in may send the browser back to: a path of this service only, so the sign-in cannot be used to
 * bounce a person to another site with this service's name on the link (an open redirect).
 */
final class ReturnPaths {

    /** Longer than any page path of this service with its query. */
    static final int MAX_LENGTH = 512;

    private ReturnPaths() {
    }

    /** The path to go back to: {@code /} when absent; 400 unless a plain path of this service. Pure. */
    static String check(String returnPath) {
        if (returnPath == null || returnPath.isEmpty()) {
            return "/";
        }
        if (returnPath.length() > MAX_LENGTH) {
            throw ProblemException.invalidField("return", "must be at most " + MAX_LENGTH + " characters");
        }
        boolean local = returnPath.charAt(0) == '/'
                && (returnPath.length() == 1 || (returnPath.charAt(1) != '/' && returnPath.charAt(1) != '\\'));
        if (!local || returnPath.chars().anyMatch(c -> c < 0x21 || c > 0x7e || c == '\\')) {
            throw ProblemException.invalidField("return", "must be a path of this service, such as /episodes/{id}");
        }
        return returnPath;
    }
}

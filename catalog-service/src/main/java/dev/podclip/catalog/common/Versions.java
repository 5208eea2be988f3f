package dev.podclip.catalog.common;

import dev.podclip.support.problem.ProblemException;

import java.util.Locale;

/**
 * Optimistic concurrency: a write names the version it read, as {@code If-Match: "<version>"} or as {@code version}
 * in the body. Pure functions.
 */
public final class Versions {

    private static final int IF_MATCH_MAX_CHARS = 64;

    private Versions() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /**
     * Checks the client's expectation against the current version.
     *
     * @param required whether a write without any expectation is refused (updates), or allowed (deletes)
     * @throws ProblemException 412 when If-Match does not match, 409 when the body's version does not, 428 when
     *                          nothing was sent but {@code required}, 400 for an unreadable If-Match
     */
    public static void check(long current, String ifMatch, Long bodyVersion, boolean required) {
        if (ifMatch != null && !ifMatch.isBlank()) {
            if (!ifMatchAccepts(ifMatch, current)) {
                throw new ProblemException(CatalogProblems.STALE_VERSION, 412,
                        "If-Match " + ifMatch.trim() + " does not match the current version " + etag(current)
                                + ": read it again and retry").with("currentVersion", current);
            }
        }
        if (bodyVersion != null && bodyVersion != current) {
            throw new ProblemException(CatalogProblems.STALE_VERSION, 409,
                    "version " + bodyVersion + " is not the current version " + current + ": read it again and retry")
                    .with("currentVersion", current);
        }
        if (required && (ifMatch == null || ifMatch.isBlank()) && bodyVersion == null) {
            throw new ProblemException(CatalogProblems.VERSION_REQUIRED,
                    "Send the version you read, as If-Match: \"<version>\" or as version in the body");
        }
    }

    /** {@code *}, {@code "3"}, {@code W/"3"}, {@code 3}, or a list of those. */
    static boolean ifMatchAccepts(String ifMatch, long current) {
        if (ifMatch.length() > IF_MATCH_MAX_CHARS) {
            throw new ProblemException(CatalogProblems.BAD_IF_MATCH, "If-Match is longer than " + IF_MATCH_MAX_CHARS);
        }
        for (String tag : ifMatch.split(",")) {
            String t = tag.trim();
            if (t.equals("*")) {
                return true;
            }
            if (t.toUpperCase(Locale.ROOT).startsWith("W/")) {
                t = t.substring(2);
            }
            if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
                t = t.substring(1, t.length() - 1);
            }
            try {
                if (Long.parseLong(t) == current) {
                    return true;
                }
            } catch (NumberFormatException e) {
                throw new ProblemException(CatalogProblems.BAD_IF_MATCH, "If-Match must be an entity tag like \"3\"");
            }
        }
        return false;
    }
}

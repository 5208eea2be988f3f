package dev.podclip.support.http;

/** Conditional GETs: whether an If-None-Match header names a validator. Pure. */
public final class ETags {

    /** Longest If-None-Match read; a longer one matches nothing (the answer is then a full 200, never wrong). */
    static final int IF_NONE_MATCH_MAX_CHARS = 2_048;

    private ETags() {
    }

    /** If-None-Match lists validators (or {@code *}); weak ones compare by their opaque part (RFC 9110 §13.1.2). */
    public static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.length() > IF_NONE_MATCH_MAX_CHARS) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }
}

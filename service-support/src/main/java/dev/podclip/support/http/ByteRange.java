package dev.podclip.support.http;

import java.util.Optional;

/**
 * One HTTP byte range (RFC 9110 14.1.2) resolved against a representation's length. Pure.
 *
 * @param first first byte, inclusive
 * @param last  last byte, inclusive
 */
public record ByteRange(long first, long last) {

    private static final int HEADER_MAX_CHARS = 200;

    public ByteRange {
        if (first < 0 || last < first) {
            throw new IllegalArgumentException("bad range " + first + "-" + last);
        }
    }

    public long length() {
        return last - first + 1;
    }

    /** The Content-Range value of a 206 for this range of a representation of {@code size} bytes. */
    public String contentRange(long size) {
        return "bytes " + first + "-" + last + "/" + size;
    }

    /** Outcome of reading a Range header: the whole file, one satisfiable range, or unsatisfiable (416). */
    public sealed interface Resolution permits Whole, Partial, Unsatisfiable {
    }

    public record Whole() implements Resolution {
    }

    public record Partial(ByteRange range) implements Resolution {
    }

    public record Unsatisfiable() implements Resolution {
    }

    /**
     * Reads {@code bytes=a-b}, {@code bytes=a-} or {@code bytes=-n}. An absent, malformed, non-bytes or multi-range
     * header means the whole file (the server may ignore a Range it does not support); a syntactically valid range
     * starting past the end is unsatisfiable.
     */
    public static Resolution resolve(String header, long size) {
        if (size < 1) {
            throw new IllegalArgumentException("size must be positive: " + size);
        }
        if (header == null || header.length() > HEADER_MAX_CHARS) {
            return new Whole();
        }
        String value = header.trim();
        if (!value.regionMatches(true, 0, "bytes=", 0, 6) || value.indexOf(',') >= 0) {
            return new Whole();
        }
        String spec = value.substring(6).trim();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return new Whole();
        }
        Optional<Long> start = number(spec.substring(0, dash).trim());
        Optional<Long> end = number(spec.substring(dash + 1).trim());
        if (start.isEmpty() && end.isEmpty()) {
            return new Whole();
        }
        if (start.isEmpty()) {
            long suffix = end.get();
            if (suffix == 0) {
                return new Unsatisfiable();
            }
            return new Partial(new ByteRange(Math.max(0, size - suffix), size - 1));
        }
        long first = start.get();
        if (end.isPresent() && end.get() < first) {
            return new Whole();
        }
        if (first >= size) {
            return new Unsatisfiable();
        }
        long last = end.map(e -> Math.min(e, size - 1)).orElse(size - 1);
        return new Partial(new ByteRange(first, last));
    }

    private static Optional<Long> number(String text) {
        if (text.isEmpty() || text.length() > 18 || !text.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(text));
    }
}

package dev.podclip.support.paging;

import dev.podclip.support.problem.ProblemException;

/**
 * A page of a listing as both services read it from the query parameters {@code page} (from 0) and {@code size}:
 * absent means the first page of the default size; out of range is a 400 {@code validation} problem naming the
 * field, never a silent correction, so a client asking for 1,000 items learns it gets at most the maximum. Pure.
 */
public record PageRequest(int page, int size) {

    /** The deepest page: the database skips {@code page × size} rows to reach it (OFFSET), so it is bounded. */
    public static final int MAX_PAGE_INDEX = 10_000;

    public PageRequest {
        if (page < 0 || page > MAX_PAGE_INDEX || size < 1) {
            throw new IllegalArgumentException("bad page " + page + " / size " + size);
        }
    }

    /**
     * @throws ProblemException 400 {@code validation} when {@code page} or {@code size} is out of range
     */
    public static PageRequest of(Integer page, Integer size, int defaultSize, int maxSize) {
        assert defaultSize >= 1 && defaultSize <= maxSize : "default page size out of range";
        int index = page == null ? 0 : page;
        int wanted = size == null ? defaultSize : size;
        if (index < 0 || index > MAX_PAGE_INDEX) {
            throw ProblemException.invalidField("page", "must be between 0 and " + MAX_PAGE_INDEX);
        }
        if (wanted < 1 || wanted > maxSize) {
            throw ProblemException.invalidField("size", "must be between 1 and " + maxSize);
        }
        return new PageRequest(index, wanted);
    }
}

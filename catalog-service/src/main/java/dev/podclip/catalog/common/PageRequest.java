package dev.podclip.catalog.common;

import dev.podclip.support.problem.ProblemException;

/** A page index and an effective size: the requested size capped at the hard limit. Pure. */
public record PageRequest(int page, int size) {

    public PageRequest {
        if (page < 0 || size < 1) {
            throw new IllegalArgumentException("bad page " + page + " / size " + size);
        }
    }

    public static PageRequest of(Integer page, Integer size, int defaultSize, int maxSize) {
        int index = page == null ? 0 : page;
        int wanted = size == null ? defaultSize : size;
        if (index < 0 || index > CatalogLimits.PAGE_MAX_INDEX) {
            throw ProblemException.badRequest("bad-page",
                    "page must be within 0.." + CatalogLimits.PAGE_MAX_INDEX + ", was " + index);
        }
        if (wanted < 1) {
            throw ProblemException.badRequest("bad-page", "size must be at least 1, was " + wanted);
        }
        return new PageRequest(index, Math.min(wanted, maxSize));
    }
}

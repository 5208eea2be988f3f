package dev.podclip.support.paging;

import java.util.List;

/**
 * One page of a listing, the shape every list of both services answers (clip-service's search adds its query and how
 * exact the total is).
 *
 * @param items the items, at most {@code size}
 * @param page  the page index, from 0
 * @param size  the page size used (the requested one, or the default)
 * @param total how many items match in all
 */
public record Page<T>(List<T> items, int page, int size, long total) {

    public Page {
        items = List.copyOf(items);
        if (items.size() > size) {
            throw new IllegalArgumentException("page of " + items.size() + " items exceeds its size " + size);
        }
    }
}

package dev.podclip.clip.events;

import java.util.Locale;

/** What consuming one record did; the {@code outcome} tag of {@code clip_events_consumed_total}. */
public enum ApplyOutcome {
    /** The read model changed. */
    APPLIED,
    /** The event id was applied before: nothing changed. */
    DUPLICATE,
    /** The episode is already at this version or newer: nothing changed. */
    STALE,
    /** The record could not be read or applied and went to the dead-letter topic. */
    DLQ,
    /** A tombstone (null value): the delete event before it did the work. */
    TOMBSTONE;

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package dev.podclip.catalog.common;

import dev.podclip.events.Topics;

/** Named limits of the catalog's inputs; V1__catalog.sql mirrors the column sizes. */
public final class CatalogLimits {

    public static final int SLUG_MAX_CHARS = 200;
    /** Lower-case words joined by single hyphens: {@code database-school}. */
    public static final String SLUG_PATTERN = "[a-z0-9]+(-[a-z0-9]+)*";
    public static final int TITLE_MAX_CHARS = 500;
    public static final int AUTHOR_MAX_CHARS = 500;
    public static final int GUID_MAX_CHARS = 1_000;
    public static final int URL_MAX_CHARS = 2_048;
    /** Show notes as pasted from feeds: generous, yet a small part of {@link Topics#MAX_RECORD_BYTES}. */
    public static final int SHOW_NOTES_MAX_CHARS = 100_000;
    public static final int DURATION_TEXT_MAX_CHARS = 100;
    public static final int CHAPTERS_JSON_MAX_CHARS = 256 * 1024;
    /** A transcript rides inside every event of its episode; 2 M chars keeps the event under the record limit. */
    public static final int TRANSCRIPT_MAX_CHARS = 2_000_000;
    public static final String TRANSCRIPT_FORMAT_PATTERN = "vtt|srt|json|html";

    private CatalogLimits() {
    }
}

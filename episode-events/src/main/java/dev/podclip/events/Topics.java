package dev.podclip.events;

/** Topic names and record headers of the contract. */
public final class Topics {

    /** Episode events, keyed by episode id (UUID text), compacted. */
    public static final String EPISODES = "catalog.episodes.v1";

    /** Header: the event id (UUID text), so tools can see it without parsing the value. */
    public static final String HEADER_EVENT_ID = "event-id";
    /** Header: the event type's wire name. */
    public static final String HEADER_EVENT_TYPE = "event-type";
    /** Header: the episode version (decimal text). */
    public static final String HEADER_EPISODE_VERSION = "episode-version";
    /** Header: the schema version (decimal text). */
    public static final String HEADER_SCHEMA_VERSION = "schema-version";

    /**
     * The most a record value may weigh: a transcript rides in the snapshot. Topic {@code max.message.bytes} and
     * producer {@code max.request.size} are set from this.
     */
    public static final int MAX_RECORD_BYTES = 8 * 1024 * 1024;

    private Topics() {
    }
}

package dev.podclip.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What happened to the episode. On the wire: {@code episode.upserted}, {@code episode.deleted}. */
public enum EpisodeEventType {
    UPSERTED("episode.upserted"),
    DELETED("episode.deleted");

    private final String wireName;

    EpisodeEventType(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static EpisodeEventType fromWire(String value) {
        for (EpisodeEventType type : values()) {
            if (type.wireName.equals(value)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown event type: " + value);
    }
}

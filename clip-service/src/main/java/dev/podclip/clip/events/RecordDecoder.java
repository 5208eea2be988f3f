package dev.podclip.clip.events;

import dev.podclip.events.EpisodeEvent;
import dev.podclip.events.EpisodeEventCodec;
import dev.podclip.events.EventFormatException;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Turns record bytes into an event, or says precisely why not. Pure. */
public final class RecordDecoder {

    /** Longest key read: a UUID's text is 36 chars. */
    static final int MAX_KEY_BYTES = 64;

    private RecordDecoder() {
    }

    /**
     * @return the event; never null (tombstones are the caller's to skip)
     * @throws PoisonRecordException when the key or value is not a valid episode event for that key
     */
    public static EpisodeEvent decode(byte[] key, byte[] value) {
        if (value == null) {
            throw new IllegalArgumentException("a tombstone has no event");
        }
        EpisodeEvent event;
        try {
            event = EpisodeEventCodec.fromJson(value);
        } catch (EventFormatException e) {
            throw new PoisonRecordException(e.getMessage(), e);
        }
        if (key == null) {
            throw new PoisonRecordException("record has no key; episode events are keyed by episode id");
        }
        if (key.length > MAX_KEY_BYTES) {
            throw new PoisonRecordException("record key of " + key.length + " bytes is no episode id");
        }
        String keyText = new String(key, StandardCharsets.UTF_8);
        UUID keyId;
        try {
            keyId = UUID.fromString(keyText);
        } catch (IllegalArgumentException e) {
            throw new PoisonRecordException("record key '" + keyText + "' is no UUID", e);
        }
        if (!keyId.equals(event.episodeId())) {
            throw new PoisonRecordException("record key " + keyId + " differs from episodeId " + event.episodeId());
        }
        return event;
    }
}

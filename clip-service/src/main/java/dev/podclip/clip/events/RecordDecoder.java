package dev.podclip.clip.events;

import dev.podclip.events.EpisodeEvent;
import dev.podclip.events.EpisodeEventCodec;
import dev.podclip.events.EventFormatException;
import dev.podclip.events.Topics;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/** Turns record bytes into an event, or says precisely why not. Pure. */
public final class RecordDecoder {

    /** Longest key read: a UUID's text is 36 chars. */
    static final int MAX_KEY_BYTES = 64;

    private RecordDecoder() {
    }

    /**
     * A tombstone (null value) read as the delete it stands for: the catalog writes one after every
     * {@code episode.deleted}, with the same key and {@code episode-version} header. Compaction may remove the
     * {@code episode.deleted} record before a lagging consumer reads it, leaving only the tombstone, so the tombstone
     * must delete on its own. Its event id is derived from episode and version: the same tombstone read twice is the
     * same event, and after the delete event it is a stale no-op.
     *
     * @throws PoisonRecordException when the key is no episode id or the version header is missing or malformed
     */
    public static EpisodeEvent decodeTombstone(byte[] key, Headers headers, long timestampMs) {
        UUID episodeId = episodeId(key);
        Header version = headers.lastHeader(Topics.HEADER_EPISODE_VERSION);
        if (version == null) {
            throw new PoisonRecordException("tombstone of episode " + episodeId + " has no "
                    + Topics.HEADER_EPISODE_VERSION + " header");
        }
        long episodeVersion;
        try {
            episodeVersion = Long.parseLong(new String(version.value(), StandardCharsets.UTF_8));
        } catch (NumberFormatException | NullPointerException e) {
            throw new PoisonRecordException("tombstone of episode " + episodeId + " has a malformed "
                    + Topics.HEADER_EPISODE_VERSION + " header", e);
        }
        if (episodeVersion < 1) {
            throw new PoisonRecordException("tombstone of episode " + episodeId + " has version " + episodeVersion);
        }
        UUID eventId = UUID.nameUUIDFromBytes(("tombstone:" + episodeId + ":" + episodeVersion)
                .getBytes(StandardCharsets.UTF_8));
        return EpisodeEvent.deleted(eventId, Instant.ofEpochMilli(Math.max(0, timestampMs)), episodeId,
                episodeVersion);
    }

    /**
     * @return the event; never null (tombstones go to {@link #decodeTombstone})
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
        UUID keyId = episodeId(key);
        if (!keyId.equals(event.episodeId())) {
            throw new PoisonRecordException("record key " + keyId + " differs from episodeId " + event.episodeId());
        }
        return event;
    }

    private static UUID episodeId(byte[] key) {
        if (key == null) {
            throw new PoisonRecordException("record has no key; episode events are keyed by episode id");
        }
        if (key.length > MAX_KEY_BYTES) {
            throw new PoisonRecordException("record key of " + key.length + " bytes is no episode id");
        }
        String keyText = new String(key, StandardCharsets.UTF_8);
        try {
            return UUID.fromString(keyText);
        } catch (IllegalArgumentException e) {
            throw new PoisonRecordException("record key '" + keyText + "' is no UUID", e);
        }
    }
}

package dev.podclip.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One change of one episode, as catalog-service publishes it to {@link Topics#EPISODES} keyed by
 * {@code episodeId}. The value always carries the episode's full state after the change, so the latest record per
 * key is all a new consumer needs (the topic is compacted).
 *
 * @param schemaVersion  {@link #SCHEMA_VERSION}; consumers refuse versions they do not know
 * @param eventId        unique per event; consumers apply each id at most once
 * @param type           upserted or deleted
 * @param episodeId      the record key
 * @param episodeVersion the episode's version after the change, from 1, ascending per episode
 * @param occurredAt     when the change committed in the catalog (the outbox row's time)
 * @param episode        the episode after the change; null for {@link EpisodeEventType#DELETED}
 */
public record EpisodeEvent(int schemaVersion, UUID eventId, EpisodeEventType type, UUID episodeId,
                           long episodeVersion, Instant occurredAt, EpisodeSnapshot episode) {

    public static final int SCHEMA_VERSION = 1;

    public EpisodeEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(episodeId, "episodeId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        if (episodeVersion < 1) {
            throw new IllegalArgumentException("episodeVersion must be >= 1: " + episodeVersion);
        }
        if (type == EpisodeEventType.UPSERTED) {
            Objects.requireNonNull(episode, "an upsert carries the episode");
            if (!episode.id().equals(episodeId)) {
                throw new IllegalArgumentException("snapshot id " + episode.id() + " is not episodeId " + episodeId);
            }
            if (episode.version() != episodeVersion) {
                throw new IllegalArgumentException("snapshot version differs from episodeVersion");
            }
        } else if (episode != null) {
            throw new IllegalArgumentException("a delete carries no episode");
        }
    }

    public static EpisodeEvent upserted(UUID eventId, Instant occurredAt, EpisodeSnapshot episode) {
        return new EpisodeEvent(SCHEMA_VERSION, eventId, EpisodeEventType.UPSERTED, episode.id(), episode.version(),
                occurredAt, episode);
    }

    public static EpisodeEvent deleted(UUID eventId, Instant occurredAt, UUID episodeId, long episodeVersion) {
        return new EpisodeEvent(SCHEMA_VERSION, eventId, EpisodeEventType.DELETED, episodeId, episodeVersion,
                occurredAt, null);
    }
}

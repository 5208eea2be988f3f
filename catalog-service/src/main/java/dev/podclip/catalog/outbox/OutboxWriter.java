package dev.podclip.catalog.outbox;

import dev.podclip.catalog.common.CatalogProblems;
import dev.podclip.events.EpisodeEvent;
import dev.podclip.events.EpisodeEventCodec;
import dev.podclip.events.EpisodeSnapshot;
import dev.podclip.events.Topics;
import dev.podclip.support.problem.ProblemException;
import dev.podclip.support.tracing.TraceParents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Writes an episode's events into the outbox. Only inside the transaction of the change ({@code MANDATORY}): the
 * event exists if and only if the change committed.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class OutboxWriter {

    @Inject
    OutboxLayout layout;
    @Inject
    OutboxCapacity capacity;
    @Inject
    Event<OutboxWritten> written;

    /** The time a change happens, at the database's precision, so the row and the payload agree. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** An {@code episode.upserted} carrying the episode as it is now (its version already bumped). */
    public void upserted(EpisodeSnapshot episode, Instant at) {
        capacity.check();
        EpisodeEvent event = EpisodeEvent.upserted(UUID.randomUUID(), at, episode);
        insert(event.eventId(), episode.id(), episode.version(), event.type().wireName(), encode(event), at);
        written.fire(new OutboxWritten(1));
    }

    /**
     * An {@code episode.deleted}, then a tombstone with the same key, so compaction eventually forgets the episode.
     *
     * @param version the version the delete gives the episode (its last version + 1)
     */
    public void deleted(UUID episodeId, long version, Instant at) {
        capacity.check();
        EpisodeEvent event = EpisodeEvent.deleted(UUID.randomUUID(), at, episodeId, version);
        insert(event.eventId(), episodeId, version, event.type().wireName(), encode(event), at);
        insert(UUID.randomUUID(), episodeId, version, OutboxRow.TYPE_TOMBSTONE, null, at);
        written.fire(new OutboxWritten(2));
    }

    private static byte[] encode(EpisodeEvent event) {
        byte[] payload = EpisodeEventCodec.toJson(event);
        if (payload.length > Topics.MAX_RECORD_BYTES) {
            throw new ProblemException(CatalogProblems.EVENT_TOO_LARGE,
                    "The episode's event would weigh " + payload.length + " bytes, more than the "
                            + Topics.MAX_RECORD_BYTES + " a record may: shorten the transcript or show notes");
        }
        return payload;
    }

    private void insert(UUID eventId, UUID episodeId, long version, String type, byte[] payload, Instant at) {
        OutboxRow row = new OutboxRow();
        row.eventId = eventId;
        row.episodeId = episodeId;
        row.episodeVersion = version;
        row.type = type;
        row.payload = payload;
        row.slot = layout.slotOf(episodeId);
        row.createdAt = at;
        row.traceParent = TraceParents.current();
        row.persist();
    }
}

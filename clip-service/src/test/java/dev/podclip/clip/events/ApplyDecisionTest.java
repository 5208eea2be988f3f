package dev.podclip.clip.events;

import dev.podclip.events.EpisodeEvent;
import dev.podclip.events.EpisodeSnapshot;
import dev.podclip.events.ShowSnapshot;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static dev.podclip.clip.events.ApplyOutcome.APPLIED;
import static dev.podclip.clip.events.ApplyOutcome.DUPLICATE;
import static dev.podclip.clip.events.ApplyOutcome.STALE;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The batch applier's decision rule: outcomes as if the events were applied one by one, newest write per episode. */
class ApplyDecisionTest {

    private static final ShowSnapshot SHOW = new ShowSnapshot(UUID.randomUUID(), "s", "Show", null, null, null);
    private static final UUID A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID B = UUID.fromString("00000000-0000-0000-0000-00000000000b");

    private static EpisodeEvent upsert(UUID id, long version) {
        return EpisodeEvent.upserted(UUID.randomUUID(), Instant.EPOCH, new EpisodeSnapshot(id, version, "g", "e",
                "t", null, null, null, null, "https://cdn.example.com/a.mp3", null, null, null, SHOW, null));
    }

    private static EpisodeEventApplier.Input in(EpisodeEvent event) {
        return new EpisodeEventApplier.Input(event, new RecordRef("t", 0, 0));
    }

    @Test
    void newestVersionPerEpisodeIsWrittenAndOlderOnesAreStale() {
        EpisodeEvent a1 = upsert(A, 1);
        EpisodeEvent a3 = upsert(A, 3);
        EpisodeEvent a2 = upsert(A, 2);
        EpisodeEvent b5 = upsert(B, 5);
        List<ApplyOutcome> outcomes = new ArrayList<>();
        Map<UUID, EpisodeEvent> newest = EpisodeEventApplier.decide(List.of(in(a1), in(a3), in(a2), in(b5)), false,
                Set.of(), Map.of(B, 5L), outcomes);
        assertEquals(List.of(APPLIED, APPLIED, STALE, STALE), outcomes);
        assertEquals(Map.of(A, a3), newest);
    }

    @Test
    void anEventIdSeenBeforeOrEarlierInTheBatchIsADuplicate() {
        EpisodeEvent a1 = upsert(A, 1);
        EpisodeEvent a2 = upsert(A, 2);
        List<ApplyOutcome> outcomes = new ArrayList<>();
        Map<UUID, EpisodeEvent> newest = EpisodeEventApplier.decide(List.of(in(a1), in(a2), in(a2)), false,
                Set.of(a1.eventId()), Map.of(), outcomes);
        assertEquals(List.of(DUPLICATE, APPLIED, DUPLICATE), outcomes);
        assertEquals(Map.of(A, a2), newest);
    }

    @Test
    void aRebuildReappliesTheStoredVersionAndIgnoresTheLog() {
        EpisodeEvent a2 = upsert(A, 2);
        EpisodeEvent a1 = upsert(A, 1);
        List<ApplyOutcome> outcomes = new ArrayList<>();
        Map<UUID, EpisodeEvent> newest = EpisodeEventApplier.decide(List.of(in(a2), in(a1)), true,
                Set.of(a2.eventId()), Map.of(A, 2L), outcomes);
        assertEquals(List.of(APPLIED, STALE), outcomes);
        assertEquals(Map.of(A, a2), newest);
    }

    @Test
    void writesFollowTheBatchOrderOfEachEpisodesNewestEvent() {
        EpisodeEvent a1 = upsert(A, 1);
        EpisodeEvent b1 = upsert(B, 1);
        EpisodeEvent a2 = upsert(A, 2);
        List<ApplyOutcome> outcomes = new ArrayList<>();
        Map<UUID, EpisodeEvent> newest = EpisodeEventApplier.decide(List.of(in(a1), in(b1), in(a2)), false,
                Set.of(), Map.of(), outcomes);
        assertEquals(List.of(B, A), List.copyOf(newest.keySet()));
    }
}

package dev.podclip.catalog.outbox;

import java.util.UUID;

/** Which outbox slot an episode's rows go to. Pure; every instance must agree, so it depends on the id only. */
public final class OutboxSlots {

    public static final int MAX_SLOTS = 1_024;

    private OutboxSlots() {
    }

    public static int slotOf(UUID episodeId, int slots) {
        if (slots < 1 || slots > MAX_SLOTS) {
            throw new IllegalArgumentException("slots must be within 1.." + MAX_SLOTS + ": " + slots);
        }
        return Math.floorMod(episodeId.hashCode(), slots);
    }
}

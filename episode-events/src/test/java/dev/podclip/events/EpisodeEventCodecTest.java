package dev.podclip.events;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EpisodeEventCodecTest {

    private static final ShowSnapshot SHOW = new ShowSnapshot(UUID.randomUUID(), "database-school", "Database School",
            "Try Hard Studios", "https://databaseschool.com", null);

    private static EpisodeSnapshot episode(UUID id, long version) {
        return new EpisodeSnapshot(id, version, "guid-1", "planetscale-metal", "PlanetScale Metal",
                "Chapters: 00:00 - Intro", Instant.parse("2025-06-27T00:00:00Z"), "50 min", 3_000_000L,
                "https://cdn.example.com/ep.mp3", null, null, null, SHOW, null);
    }

    @Test
    void anUpsertSurvivesTheRoundTrip() {
        UUID id = UUID.randomUUID();
        EpisodeEvent event = EpisodeEvent.upserted(UUID.randomUUID(), Instant.parse("2026-11-24T10:00:00.123Z"),
                episode(id, 3));

        EpisodeEvent back = EpisodeEventCodec.fromJson(EpisodeEventCodec.toJson(event));

        assertThat(back).isEqualTo(event);
        assertThat(new String(EpisodeEventCodec.toJson(event), StandardCharsets.UTF_8))
                .contains("\"type\":\"episode.upserted\"", "\"occurredAt\":\"2026-11-24T10:00:00.123Z\"");
    }

    @Test
    void aDeleteCarriesNoEpisode() {
        EpisodeEvent event = EpisodeEvent.deleted(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), 7);

        assertThat(EpisodeEventCodec.fromJson(EpisodeEventCodec.toJson(event))).isEqualTo(event);
    }

    @Test
    void refusesWhatIsNoEvent() {
        assertThatThrownBy(() -> EpisodeEventCodec.fromJson("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EventFormatException.class);
        assertThatThrownBy(() -> EpisodeEventCodec.fromJson("{\"schemaVersion\":1}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EventFormatException.class);
        assertThatThrownBy(() -> EpisodeEventCodec.fromJson(null)).isInstanceOf(EventFormatException.class);
    }

    @Test
    void refusesAnUnknownSchemaVersion() {
        String json = new String(EpisodeEventCodec.toJson(
                EpisodeEvent.deleted(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), 1)), StandardCharsets.UTF_8)
                .replace("\"schemaVersion\":1", "\"schemaVersion\":2");

        assertThatThrownBy(() -> EpisodeEventCodec.fromJson(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EventFormatException.class).hasMessageContaining("schema version 2");
    }

    @Test
    void refusesAnUpsertWhoseSnapshotIsAnotherEpisode() {
        String json = new String(EpisodeEventCodec.toJson(EpisodeEvent.upserted(UUID.randomUUID(), Instant.now(),
                episode(UUID.randomUUID(), 1))), StandardCharsets.UTF_8);
        String other = json.replaceFirst("\"episodeId\":\"[^\"]+\"", "\"episodeId\":\"" + UUID.randomUUID() + "\"");

        assertThatThrownBy(() -> EpisodeEventCodec.fromJson(other.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EventFormatException.class);
    }
}

package dev.podclip.clip;

import dev.podclip.chapters.StatedDuration;
import dev.podclip.clip.chapters.ChapterChange;
import dev.podclip.clip.chapters.ChapterComputation;
import dev.podclip.clip.chapters.ChapterSource;
import dev.podclip.clip.events.PoisonRecordException;
import dev.podclip.clip.events.RecordDecoder;
import dev.podclip.events.EpisodeEventCodec;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Pure rules, no application. */
class UnitRulesTest {

    @Test
    void decoderChecksKeyAndValue() {
        UUID id = UUID.randomUUID();
        byte[] value = EpisodeEventCodec.toJson(Fixtures.upsert(id, 1, "T"));
        assertThat(RecordDecoder.decode(Fixtures.utf8(id.toString()), value).episodeId()).isEqualTo(id);
        assertThatThrownBy(() -> RecordDecoder.decode(Fixtures.utf8(UUID.randomUUID().toString()), value))
                .isInstanceOf(PoisonRecordException.class).hasMessageContaining("differs");
        assertThatThrownBy(() -> RecordDecoder.decode(null, value)).isInstanceOf(PoisonRecordException.class);
        assertThatThrownBy(() -> RecordDecoder.decode(Fixtures.utf8("nope"), value))
                .isInstanceOf(PoisonRecordException.class);
        assertThatThrownBy(() -> RecordDecoder.decode(Fixtures.utf8(id.toString()), Fixtures.utf8("{}")))
                .isInstanceOf(PoisonRecordException.class);
        assertThatThrownBy(() -> RecordDecoder.decode(Fixtures.utf8(id.toString()), new byte[] {1, 2, 3}))
                .isInstanceOf(PoisonRecordException.class);
    }

    @Test
    void notificationPayloads() {
        UUID id = UUID.randomUUID();
        assertThat(ChapterChange.parse(id + ":7")).isEqualTo(new ChapterChange(id, 7));
        assertThat(ChapterChange.parse("nonsense")).isNull();
        assertThat(ChapterChange.parse(id + ":0")).isNull();
        assertThat(ChapterChange.parse(id + ":x")).isNull();
        assertThat(ChapterChange.parse(null)).isNull();
        assertThat(ChapterChange.parse(id + ":7 " + "x".repeat(200))).isNull();
    }

    @Test
    void notificationPayloadsCarryTheTraceOfTheirChange() {
        UUID id = UUID.randomUUID();
        String traceParent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        ChapterChange traced = new ChapterChange(id, 7, traceParent, null);
        assertThat(traced.payload()).isEqualTo(id + ":7 " + traceParent);
        assertThat(ChapterChange.parse(traced.payload())).isEqualTo(traced);
        assertThat(new ChapterChange(id, 7).payload()).isEqualTo(id + ":7");
        // A malformed trace loses the trace, never the change.
        assertThat(ChapterChange.parse(id + ":7 00-not-a-trace")).isEqualTo(new ChapterChange(id, 7));
    }

    @Test
    void notificationPayloadsCarryTheCatalogCommitTime() {
        UUID id = UUID.randomUUID();
        String traceParent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        ChapterChange both = new ChapterChange(id, 7, traceParent, 1_764_088_800_123L);
        assertThat(both.payload()).isEqualTo(id + ":7 " + traceParent + " committed=1764088800123");
        assertThat(ChapterChange.parse(both.payload())).isEqualTo(both);
        ChapterChange untraced = new ChapterChange(id, 7, null, 1_764_088_800_123L);
        assertThat(untraced.payload()).isEqualTo(id + ":7 committed=1764088800123");
        assertThat(ChapterChange.parse(untraced.payload())).isEqualTo(untraced);
        // The older format (no commit time) still reads; a malformed time loses the time, never the change.
        assertThat(ChapterChange.parse(id + ":7 " + traceParent)).isEqualTo(new ChapterChange(id, 7, traceParent,
                null));
        assertThat(ChapterChange.parse(id + ":7 committed=soon")).isEqualTo(new ChapterChange(id, 7));
        assertThat(ChapterChange.parse(id + ":7 committed=-5")).isEqualTo(new ChapterChange(id, 7));
        assertThat(ChapterChange.parse("nonsense committed=1764088800123")).isNull();
    }

    @Test
    void durationIsTheNumberWithTheSlackOfItsText() {
        StatedDuration d = ChapterComputation.statedDuration(Fixtures.FORTY_NINE_MINUTES_MS, "49 min");
        assertThat(d.valueMs()).isEqualTo(Fixtures.FORTY_NINE_MINUTES_MS);
        assertThat(d.slackMs()).isEqualTo(60_000);
        assertThat(ChapterComputation.statedDuration(1_000L, null)).isEqualTo(StatedDuration.exactMs(1_000));
        assertThat(ChapterComputation.statedDuration(null, "1h 18m").valueMs()).isEqualTo(78 * 60_000L);
        assertThat(ChapterComputation.statedDuration(null, "soon")).isNull();
        assertThat(ChapterComputation.statedDuration(null, null)).isNull();
    }

    @Test
    void explicitChaptersWinUnlessUnreadable() {
        StatedDuration d = ChapterComputation.statedDuration(Fixtures.FORTY_NINE_MINUTES_MS, "49 min");
        ChapterComputation.Computed explicit = ChapterComputation.compute(Fixtures.NOTES, Fixtures.EXPLICIT, d);
        assertThat(explicit.source()).isEqualTo(ChapterSource.EXPLICIT);
        assertThat(explicit.list().chapters()).hasSize(3);

        ChapterComputation.Computed broken = ChapterComputation.compute(Fixtures.NOTES, "<<not json>>", d);
        assertThat(broken.source()).isEqualTo(ChapterSource.NOTES);
        assertThat(broken.list().chapters()).hasSize(4);
        assertThat(broken.list().warnings().get(0).message()).contains("explicit chapters unreadable");

        ChapterComputation.Computed notes = ChapterComputation.compute(Fixtures.NOTES, null, d);
        assertThat(notes.source()).isEqualTo(ChapterSource.NOTES);
        assertThat(notes.list().chapters().get(3).endMs()).isEqualTo(Fixtures.FORTY_NINE_MINUTES_MS);

        ChapterComputation.Computed none = ChapterComputation.compute(null, null, null);
        assertThat(none.list().chapters()).isEmpty();
    }
}

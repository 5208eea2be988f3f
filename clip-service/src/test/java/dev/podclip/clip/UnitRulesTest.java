package dev.podclip.clip;

import dev.podclip.clip.chapters.ChapterChange;
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
    }
}

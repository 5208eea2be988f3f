package dev.podclip.clip.share;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class EpisodeChangeListenerTest {

    @Test
    void readsPayloads() {
        UUID id = UUID.randomUUID();
        assertThat(EpisodeChangeListener.parse(id + ":7")).isEqualTo(new EpisodeChangeListener.Change(id, 7));
        assertThat(EpisodeChangeListener.parse(id.toString()))
                .isEqualTo(new EpisodeChangeListener.Change(id, Long.MAX_VALUE));
        assertThat(EpisodeChangeListener.parse("nonsense:1")).isNull();
        assertThat(EpisodeChangeListener.parse(id + ":x")).isNull();
        assertThat(EpisodeChangeListener.parse(null)).isNull();
    }
}

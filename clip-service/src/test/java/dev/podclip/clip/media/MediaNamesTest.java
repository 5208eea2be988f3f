package dev.podclip.clip.media;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A kept start's name: the source's episode and version (so a new version drops it), its own per file state. */
class MediaNamesTest {

    @Test
    void aKeptStartIsNamedByItsSourceAndByTheFilesValidatorAndSize() {
        UUID episode = UUID.randomUUID();
        String source = MediaNames.source(episode, 3, "https://cdn.example.com/a.mp3");
        String kept = MediaNames.prefix(source, "\"v1\"", 1_000);
        assertThat(kept).startsWith(source + ".prefix");
        MediaNames.Parsed parsed = MediaNames.parse(kept);
        assertThat(parsed).isNotNull();
        assertThat(parsed.episodeId()).isEqualTo(episode);
        assertThat(parsed.version()).isEqualTo(3);
        assertThat(MediaNames.prefix(source, "\"v1\"", 1_000)).isEqualTo(kept);
        assertThat(MediaNames.prefix(source, "\"v2\"", 1_000)).as("the host changed the file").isNotEqualTo(kept);
        assertThat(MediaNames.prefix(source, "\"v1\"", 1_001)).isNotEqualTo(kept);
        assertThat(MediaNames.prefix(source, null, 1_000)).isNotEqualTo(kept);
    }
}

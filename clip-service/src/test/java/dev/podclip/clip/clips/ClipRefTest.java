package dev.podclip.clip.clips;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ClipRefTest {

    static final String BASE = "http://127.0.0.1:8082";
    static final UUID EPISODE = UUID.fromString("7d3f0a3e-5b1c-4a57-9a55-2f7a3b1e9c01");

    @Test
    void links() {
        ClipRef stored = ClipRef.stored("Ab3dEf6hIj9");
        assertThat(stored.shareUrl(BASE)).isEqualTo(BASE + "/c/Ab3dEf6hIj9");
        assertThat(stored.embedUrl(BASE)).isEqualTo(BASE + "/c/Ab3dEf6hIj9/embed");
        assertThat(stored.playUrl(BASE)).isEqualTo(BASE + "/c/Ab3dEf6hIj9/play");
        ClipRef range = ClipRef.range(EPISODE, 773_000, 1_347_500);
        assertThat(range.shareUrl(BASE)).isEqualTo(BASE + "/e/" + EPISODE + "?t=773,1347.5");
        assertThat(range.embedUrl(BASE)).isEqualTo(BASE + "/e/" + EPISODE + "/embed?t=773,1347.5");
        ClipRef chapter = ClipRef.chapter(EPISODE, 0);
        assertThat(chapter.shareUrl(BASE)).isEqualTo(BASE + "/e/" + EPISODE + "/chapters/0");
        assertThat(chapter.playUrl(BASE)).isEqualTo(BASE + "/e/" + EPISODE + "/chapters/0/play");
        assertThat(ClipRef.range(EPISODE, 1, 2)).isEqualTo(ClipRef.range(EPISODE, 1, 2));
    }
}

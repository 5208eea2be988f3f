package dev.podclip.clip.clips;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MediaLinksTest {

    static final ClipRange RANGE = new ClipRange(773_000, 1_347_500);

    @Test
    void mediaFragment() {
        assertThat(MediaLinks.fragment(RANGE)).isEqualTo("t=773,1347.5");
        assertThat(MediaLinks.mediaUrl("https://cdn.example/ep.mp3?x=1", RANGE))
                .isEqualTo("https://cdn.example/ep.mp3?x=1#t=773,1347.5");
        assertThat(MediaLinks.mediaUrl("https://cdn.example/ep.mp3#t=5", RANGE))
                .isEqualTo("https://cdn.example/ep.mp3#t=773,1347.5");
    }

    @Test
    void youtubeLinks() {
        assertThat(MediaLinks.youtubeUrl("https://www.youtube.com/watch?v=abc123&t=5s", RANGE))
                .isEqualTo("https://www.youtube.com/watch?v=abc123&t=773");
        assertThat(MediaLinks.youtubeUrl("https://youtu.be/abc123", RANGE)).isEqualTo("https://youtu.be/abc123?t=773");
        assertThat(MediaLinks.youtubeUrl("https://vimeo.com/123", RANGE)).isNull();
        assertThat(MediaLinks.youtubeUrl(null, RANGE)).isNull();
        assertThat(MediaLinks.youtubeUrl("javascript:alert(1)", RANGE)).isNull();
    }

    @Test
    void soundbite() {
        assertThat(MediaLinks.soundbite(new ClipRange(73_000, 133_500), "Tom & <Jerry>"))
                .isEqualTo("<podcast:soundbite startTime=\"73\" duration=\"60.5\">Tom &amp; &lt;Jerry&gt;"
                        + "</podcast:soundbite>");
        // Characters XML cannot hold would make the element, and any feed embedding it, unreadable.
        assertThat(MediaLinks.soundbite(new ClipRange(0, 1_000), "a\u0001b\uFFFE<c>"))
                .isEqualTo("<podcast:soundbite startTime=\"0\" duration=\"1\">ab&lt;c&gt;</podcast:soundbite>");
    }

    @Test
    void webUrls() {
        assertThat(MediaLinks.isWebUrl("https://a.example/x")).isTrue();
        assertThat(MediaLinks.isWebUrl("http://127.0.0.1:8081/media/x.wav")).isTrue();
        assertThat(MediaLinks.isWebUrl("javascript:alert(1)")).isFalse();
        assertThat(MediaLinks.isWebUrl("/relative")).isFalse();
        assertThat(MediaLinks.isWebUrl(null)).isFalse();
    }
}

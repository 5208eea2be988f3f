package dev.podclip.clip.share;

import dev.podclip.clip.clips.ClipRef;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class OEmbedTest {

    static final String BASE = "https://clips.example";
    static final UUID EPISODE = UUID.fromString("7d3f0a3e-5b1c-4a57-9a55-2f7a3b1e9c01");

    @Test
    void readsThisServicesShareUrls() {
        assertThat(OEmbed.parse(BASE + "/c/Ab3dEf6hIj9", BASE)).contains(ClipRef.stored("Ab3dEf6hIj9"));
        assertThat(OEmbed.parse("https://CLIPS.example:443/c/Ab3dEf6hIj9/", BASE))
                .contains(ClipRef.stored("Ab3dEf6hIj9"));
        assertThat(OEmbed.parse(BASE + "/e/" + EPISODE + "?t=773,1347.5", BASE))
                .contains(ClipRef.range(EPISODE, 773_000, 1_347_500));
        assertThat(OEmbed.parse(BASE + "/e/" + EPISODE + "?t=12%3A53%2C22%3A27", BASE))
                .contains(ClipRef.range(EPISODE, 773_000, 1_347_000));
        assertThat(OEmbed.parse(BASE + "/e/" + EPISODE + "/chapters/3", BASE)).contains(ClipRef.chapter(EPISODE, 3));
    }

    @Test
    void refusesOtherUrls() {
        assertThat(OEmbed.parse("https://evil.example/c/Ab3dEf6hIj9", BASE)).isEmpty();
        assertThat(OEmbed.parse("http://clips.example/c/Ab3dEf6hIj9", BASE)).isEmpty();
        assertThat(OEmbed.parse("https://clips.example:8443/c/Ab3dEf6hIj9", BASE)).isEmpty();
        assertThat(OEmbed.parse(BASE + "/c/short", BASE)).isEmpty();
        assertThat(OEmbed.parse(BASE + "/api/clips", BASE)).isEmpty();
        assertThat(OEmbed.parse(BASE + "/e/" + EPISODE, BASE)).isEmpty();
        assertThat(OEmbed.parse("not a url at all", BASE)).isEmpty();
        assertThat(OEmbed.parse(null, BASE)).isEmpty();
    }

    @Test
    void fitsTheConsumersBounds() {
        assertThat(OEmbed.fit(480, null)).isEqualTo(480);
        assertThat(OEmbed.fit(480, 600)).isEqualTo(480);
        assertThat(OEmbed.fit(480, 300)).isEqualTo(300);
        assertThat(OEmbed.fit(480, 10)).isEqualTo(OEmbed.MIN_SIZE_PX);
    }
}

package dev.podclip.clip.media;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AudioCutTest {

    private static AudioCut cut(long startMs, long endMs, long fadeMs, Map<String, String> tags) {
        return new AudioCut(Path.of("/cache/sources/src"), startMs, endMs, AudioFormat.MP3, fadeMs, tags, 1_000_000,
                Path.of("/cache/tmp/out.mp3"));
    }

    @Test
    void seekBeforeTheInputExactMillisecondsTagsAndLimitsAsSeparateArguments() {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("title", "Covering indexes; rm -rf / `x` $(y)");
        tags.put("artist", "Database School");
        tags.put("grouping", null);
        assertThat(cut(773_250, 1_347_000, 0, tags).ffmpegArgs()).containsExactly(
                "-hide_banner", "-nostdin", "-loglevel", "error", "-y",
                "-protocol_whitelist", "file", "-format_whitelist", "mp3,mov,mp4,m4a,wav,ogg,flac,aac,matroska,webm",
                "-ss", "773.250", "-i", "/cache/sources/src", "-t", "573.750",
                "-map", "0:a:0", "-vn", "-sn", "-dn", "-map_metadata", "-1",
                "-metadata", "title=Covering indexes; rm -rf / `x` $(y)",
                "-metadata", "artist=Database School",
                "-c:a", "libmp3lame", "-q:a", "4", "-id3v2_version", "3", "-f", "mp3",
                "-fs", "1000000", "/cache/tmp/out.mp3");
    }

    @Test
    void fadesInAndOutOnlyWhenTheClipHasRoomForBoth() {
        assertThat(cut(0, 3_000, 50, Map.of()).ffmpegArgs())
                .containsSequence("-af", "afade=t=in:st=0:d=0.050,afade=t=out:st=2.950:d=0.050");
        assertThat(cut(0, 80, 50, Map.of()).ffmpegArgs()).doesNotContain("-af");
    }

    @Test
    void tagsLoseControlCharactersAndAreBounded() {
        var args = cut(0, 1_000, 0, Map.of("title", "a\nb\u0000c" + "x".repeat(2_000))).ffmpegArgs();
        String title = args.get(args.indexOf("-metadata") + 1);
        assertThat(title).startsWith("title=a b c").hasSize("title=".length() + AudioCut.TAG_MAX_CHARS);
    }

    @Test
    void anEmptyOrBackwardRangeIsRefused() {
        assertThatThrownBy(() -> cut(5_000, 5_000, 0, Map.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cut(-1, 5_000, 0, Map.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void namesCarryEpisodeAndVersionAndRefuseAnythingElse() {
        java.util.UUID episode = java.util.UUID.randomUUID();
        String name = MediaNames.render(episode, 7, "audio|0|1000", "mp3");
        MediaNames.Parsed parsed = MediaNames.parse(name);
        assertThat(parsed.episodeId()).isEqualTo(episode);
        assertThat(parsed.version()).isEqualTo(7);
        assertThat(MediaNames.render(episode, 7, "audio|0|1001", "mp3")).isNotEqualTo(name);
        assertThat(MediaNames.parse("../../etc/passwd")).isNull();
        assertThat(MediaNames.parse(episode + "_7_abc/../x.mp3")).isNull();
    }
}

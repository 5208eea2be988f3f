package dev.podclip.clip.media;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VideoCutTest {

    private static VideoCut cut(VideoCut.Artwork artwork) {
        return new VideoCut(Path.of("/cache/sources/src"), 773_250, 833_250, VideoFormat.PORTRAIT, VideoTheme.DARK,
                artwork, "0b5f3a1e-still.ass", "0b5f3a1e-moving.ass", 50_000_000, Path.of("/cache/tmp/out.mp4"));
    }

    @Test
    void theAudioIsCutAsTheClipsAudioIsAndOnlyLocalContainerFilesAreRead() {
        List<String> args = cut(null).ffmpegArgs();
        assertThat(args).containsSequence("-protocol_whitelist", "file", "-format_whitelist",
                "mp3,mov,mp4,m4a,wav,ogg,flac,aac,matroska,webm", "-ss", "773.250", "-i", "/cache/sources/src");
        assertThat(args).containsSequence("-f", "lavfi", "-i", "color=c=0x111827:s=720x1280:r=24");
        assertThat(args).containsSequence("-t", "60.000");
        assertThat(args).containsSequence("-c:v", "libx264", "-preset", "veryfast", "-tune", "stillimage",
                        "-x264-params", "me=dia:subme=1").containsSequence("-c:a", "aac")
                .containsSequence("-movflags", "+faststart").containsSequence("-fs", "50000000");
        assertThat(args.get(args.size() - 1)).isEqualTo("/cache/tmp/out.mp4");
    }

    @Test
    void theGraphDrawsTheStillFrameOnceThenWaveformAndMovingLayerByNumbersAndTheScriptsNamesOnly() {
        VideoCut.Artwork art = new VideoCut.Artwork(Path.of("/cache/sources/art"), VideoCut.Artwork.Kind.JPEG);
        VideoCut withArt = cut(art);
        assertThat(withArt.ffmpegArgs()).containsSequence("-protocol_whitelist", "file", "-f", "jpeg_pipe", "-i",
                "/cache/sources/art");
        assertThat(withArt.filterGraph()).isEqualTo("[0:a]aresample=44100,asplit=2[a][w];"
                + "[w]showwaves=s=720x190:mode=cline:scale=sqrt:rate=24:colors=0x38BDF8[wave];"
                + "[1:v]trim=end_frame=1[card];"
                + "[2:v]scale=360:360:force_original_aspect_ratio=increase,crop=360:360,setsar=1[art];"
                + "[card][art]overlay=180:96[withart];"
                + "[withart]ass=0b5f3a1e-still.ass,loop=loop=-1:size=1:start=0,setpts=N/24/TB[still];"
                + "[still][wave]overlay=0:786:shortest=1[base];"
                + "[base]ass=0b5f3a1e-moving.ass[v]");
        assertThat(cut(null).filterGraph()).doesNotContain("[2:v]")
                .contains("[card]ass=0b5f3a1e-still.ass,loop=").endsWith("[base]ass=0b5f3a1e-moving.ass[v]");
    }

    @Test
    void aScriptNameThatTheGraphWouldHaveToQuoteIsRefused() {
        for (String name : List.of("a:b.ass", "../x.ass", "x.ass,drawtext=text=hi", "X.ASS", "x.txt")) {
            assertThatThrownBy(() -> new VideoCut(Path.of("s"), 0, 1_000, VideoFormat.SQUARE, VideoTheme.DARK, null,
                    name, "m.ass", 1_000, Path.of("o"))).as(name).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new VideoCut(Path.of("s"), 0, 1_000, VideoFormat.SQUARE, VideoTheme.DARK, null,
                    "s.ass", name, 1_000, Path.of("o"))).as(name).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void artworkIsRecognisedByItsFirstBytesOnly() {
        assertThat(SourceFiles.imageKind(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}))
                .contains(VideoCut.Artwork.Kind.PNG);
        assertThat(SourceFiles.imageKind(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}))
                .contains(VideoCut.Artwork.Kind.JPEG);
        assertThat(SourceFiles.imageKind("RIFF\0\0\0\0WEBPVP8 ".getBytes()))
                .contains(VideoCut.Artwork.Kind.WEBP);
        assertThat(SourceFiles.imageKind("<svg xmlns=".getBytes())).isEmpty();
        assertThat(SourceFiles.imageKind("#EXTM3U\n".getBytes())).isEmpty();
        assertThat(SourceFiles.imageKind(new byte[0])).isEmpty();
    }

    @Test
    void formatsAndThemesAreNamedOnTheWireInLowerCase() {
        assertThat(VideoFormat.ofWireName("square")).contains(VideoFormat.SQUARE);
        assertThat(VideoFormat.ofWireName("SQUARE")).isEmpty();
        assertThat(VideoTheme.ofWireName("contrast")).contains(VideoTheme.CONTRAST);
        assertThat(VideoTheme.ofWireName("neon")).isEmpty();
        assertThat(VideoTexts.initials("Database School")).isEqualTo("DS");
        assertThat(VideoTexts.initials("  the")).isEqualTo("T");
        assertThat(VideoTexts.initials("")).isEqualTo("?");
    }
}

package dev.podclip.clip.media;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FfmpegTest {

    @Test
    void aMissingBinaryIsAnIoErrorWithOrWithoutNice() {
        for (int niceness : new int[] {0, 19}) {
            assertThatThrownBy(() -> Ffmpeg.run("/nonexistent/ffmpeg", List.of("-version"), 5_000, null, niceness))
                    .as("niceness " + niceness).isInstanceOf(IOException.class);
        }
    }

    @Test
    void runsNicedWhenTheSystemHasNice() throws Exception {
        assertThat(Ffmpeg.nice(0)).isEmpty();
        if (!Ffmpeg.nice(19).isEmpty()) {
            assertThat(Ffmpeg.nice(19)).endsWith("-n", "19");
            // "nice" with no arguments prints the niceness it runs at: the child's, here.
            Ffmpeg.Result result = Ffmpeg.run("sh", List.of("-c", "nice >&2"), 5_000, null, 19);
            assertThat(result.ok()).isTrue();
            assertThat(result.stderr()).isEqualTo("19");
        }
    }

    @Test
    void aRunPastItsDeadlineIsKilledAndSaysSo() throws Exception {
        Ffmpeg.Result result = Ffmpeg.run("sleep", List.of("30"), 200, null, 0);
        assertThat(result.timedOut()).isTrue();
        assertThat(result.ok()).isFalse();
    }
}

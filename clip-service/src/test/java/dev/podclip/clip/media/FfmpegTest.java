package dev.podclip.clip.media;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FfmpegTest {

    static final Predicate<Path> EVERYTHING = path -> true;
    static final Predicate<Path> NOTHING = path -> false;

    @Test
    void theLauncherIsChrtIdleThenNiceThenNothing() {
        assertThat(Ffmpeg.launcher(true, 19, EVERYTHING)).containsExactly("/usr/bin/chrt", "--idle", "0");
        assertThat(Ffmpeg.launcher(true, 19, Set.of(Path.of("/bin/chrt"), Path.of("/bin/nice"))::contains))
                .as("chrt elsewhere").containsExactly("/bin/chrt", "--idle", "0");
        assertThat(Ffmpeg.launcher(true, 19, Set.of(Path.of("/usr/bin/nice"))::contains)).as("no chrt")
                .containsExactly("/usr/bin/nice", "-n", "19");
        assertThat(Ffmpeg.launcher(false, 10, EVERYTHING)).as("idle off").containsExactly("/usr/bin/nice", "-n", "10");
        assertThat(Ffmpeg.launcher(true, 0, Set.of(Path.of("/usr/bin/nice"))::contains)).as("no chrt, niceness 0")
                .isEmpty();
        assertThat(Ffmpeg.launcher(false, 0, EVERYTHING)).as("both off").isEmpty();
        assertThat(Ffmpeg.launcher(true, 19, NOTHING)).as("neither installed").isEmpty();
    }

    @Test
    void aMissingBinaryIsAnIoErrorWhateverTheLauncher() {
        for (List<String> launcher : List.of(List.<String>of(), Ffmpeg.nice(19),
                Ffmpeg.launcher(true, 19, java.nio.file.Files::isExecutable))) {
            assertThatThrownBy(() -> Ffmpeg.run("/nonexistent/ffmpeg", List.of("-version"), 5_000, null, launcher))
                    .as("launcher " + launcher).isInstanceOf(IOException.class);
        }
    }

    @Test
    void runsNicedWhenTheSystemHasNice() throws Exception {
        assertThat(Ffmpeg.nice(0)).isEmpty();
        if (!Ffmpeg.nice(19).isEmpty()) {
            assertThat(Ffmpeg.nice(19)).endsWith("-n", "19");
            // "nice" with no arguments prints the niceness it runs at: the child's, here.
            Ffmpeg.Result result = Ffmpeg.run("sh", List.of("-c", "nice >&2"), 5_000, null, Ffmpeg.nice(19));
            assertThat(result.ok()).isTrue();
            assertThat(result.stderr()).isEqualTo("19");
        }
    }

    @Test
    void runsUnderSchedIdleWhenTheSystemHasChrt() throws Exception {
        List<String> idle = Ffmpeg.launcher(true, 0, java.nio.file.Files::isExecutable);
        if (!idle.isEmpty()) {
            // "chrt -p PID" prints a process' policy: the child's own, here.
            Ffmpeg.Result result = Ffmpeg.run("sh", List.of("-c", "chrt -p $$ >&2"), 5_000, null, idle);
            assertThat(result.ok()).as(result.stderr()).isTrue();
            assertThat(result.stderr()).contains("SCHED_IDLE");
        }
    }

    @Test
    void aRunPastItsDeadlineIsKilledAndSaysSo() throws Exception {
        Ffmpeg.Result result = Ffmpeg.run("sleep", List.of("30"), 200, null, List.of());
        assertThat(result.timedOut()).isTrue();
        assertThat(result.ok()).isFalse();
    }
}

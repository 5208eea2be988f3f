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
    void renderCpusPinTheLauncherWithTaskset() {
        List<String> idle = List.of("/usr/bin/chrt", "--idle", "0");
        assertThat(Ffmpeg.pinned("1", idle, EVERYTHING))
                .containsExactly("/usr/bin/taskset", "-c", "1", "/usr/bin/chrt", "--idle", "0");
        assertThat(Ffmpeg.pinned("0,2-3", List.of(), Set.of(Path.of("/bin/taskset"))::contains))
                .as("taskset elsewhere, no other launcher").containsExactly("/bin/taskset", "-c", "0,2-3");
        assertThat(Ffmpeg.pinned("1", idle, NOTHING)).as("no taskset").isEqualTo(idle);
        for (String notAList : List.of("", " 1", "a", "1;reboot", "1-", "-1", "1,,2", "1 2", "0x3", "12345")) {
            assertThatThrownBy(() -> Ffmpeg.pinned(notAList, idle, EVERYTHING)).as(notAList)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("render-cpus");
        }
    }

    @Test
    void aPinnedRunStaysOnItsCpusAndACpuTheSystemLacksIsLeftOut() throws Exception {
        List<String> pinned = RenderLauncher.pinnedIfAllowed("0", List.of());
        if (!pinned.isEmpty()) {
            // The child's own allowed CPUs, as the kernel reports them.
            Ffmpeg.Result result = Ffmpeg.run("sh", List.of("-c", "grep Cpus_allowed_list /proc/self/status >&2"),
                    5_000, null, pinned);
            assertThat(result.ok()).as(result.stderr()).isTrue();
            assertThat(result.stderr()).matches("Cpus_allowed_list:\\s+0");
            assertThat(RenderLauncher.pinnedIfAllowed("4095", List.of())).as("no CPU 4095 here").isEmpty();
        }
    }

    @Test
    void aRunPastItsDeadlineIsKilledAndSaysSo() throws Exception {
        Ffmpeg.Result result = Ffmpeg.run("sleep", List.of("30"), 200, null, List.of());
        assertThat(result.timedOut()).isTrue();
        assertThat(result.ok()).isFalse();
    }
}

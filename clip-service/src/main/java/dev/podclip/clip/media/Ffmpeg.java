package dev.podclip.clip.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Runs ffmpeg as a child process with arguments (never a shell), a wall-time limit and a bounded error text, started
 * through a launcher that lowers its CPU priority ({@link #launcher}, chosen once by {@link RenderLauncher}).
 */
final class Ffmpeg {

    /** Where coreutils' {@code nice} lives on the systems this runs on; absent, ffmpeg runs at normal priority. */
    static final List<Path> NICE_BINARIES = List.of(Path.of("/usr/bin/nice"), Path.of("/bin/nice"));
    /** Where util-linux's {@code chrt} lives (Debian's util-linux package, always installed). */
    static final List<Path> CHRT_BINARIES = List.of(Path.of("/usr/bin/chrt"), Path.of("/bin/chrt"));
    /** Where util-linux's {@code taskset} lives. */
    static final List<Path> TASKSET_BINARIES = List.of(Path.of("/usr/bin/taskset"), Path.of("/bin/taskset"));
    /** A CPU list as taskset reads it: numbers and ranges, comma-separated ({@code 1}, {@code 2-3}, {@code 0,4-7}). */
    static final Pattern CPU_LIST = Pattern.compile("\\d{1,4}(-\\d{1,4})?(,\\d{1,4}(-\\d{1,4})?){0,63}");

    /** What {@code nice} and {@code chrt} exit with when the command is missing, or is not executable (POSIX). */
    static final int LAUNCHER_NOT_FOUND = 127;
    static final int LAUNCHER_NOT_EXECUTABLE = 126;

    /** Most bytes of ffmpeg's error output kept for a failure's detail. */
    static final int STDERR_MAX_BYTES = 4 * 1024;

    /** How a run ended: its exit code (-1 when killed at the deadline) and the start of its error output. */
    record Result(int exitCode, boolean timedOut, String stderr) {
        boolean ok() {
            return exitCode == 0 && !timedOut;
        }
    }

    private Ffmpeg() {
    }

    /**
     * @param workDir  the folder ffmpeg runs in (relative file names in its arguments resolve there), or null
     * @param launcher what goes before the binary ({@link #launcher}); empty to run it directly
     * @throws IOException when the binary cannot be started (not installed)
     */
    static Result run(String binary, List<String> args, long timeoutMs, Path workDir, List<String> launcher)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(launcher.size() + args.size() + 1);
        command.addAll(launcher);
        command.add(binary);
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        if (workDir != null) {
            builder.directory(workDir.toFile());
        }
        Process process = builder.start();
        StringBuilder stderr = new StringBuilder();
        Thread reader = new Thread(() -> drain(process, stderr), "ffmpeg-stderr");
        reader.setDaemon(true);
        reader.start();
        boolean finished = process.waitFor(timeoutMs, TimeUnit.MILLISECONDS);
        if (!finished) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
        reader.join(1_000);
        int exitCode = finished ? process.exitValue() : -1;
        synchronized (stderr) {
            if (!launcher.isEmpty() && (exitCode == LAUNCHER_NOT_FOUND || exitCode == LAUNCHER_NOT_EXECUTABLE)) {
                // The launcher could not start the binary: the same as ProcessBuilder failing to start it directly.
                throw new IOException(stderr.toString().strip());
            }
            return new Result(exitCode, !finished, stderr.toString().strip());
        }
    }

    /**
     * What goes before the binary, pure but for {@code executable}: {@code chrt --idle 0} (the SCHED_IDLE policy)
     * when {@code idle} and the system has chrt, else {@code nice -n N} when N &gt; 0 and it has nice, else nothing.
     */
    static List<String> launcher(boolean idle, int niceness, Predicate<Path> executable) {
        if (idle) {
            Optional<Path> chrt = installed(CHRT_BINARIES, executable);
            if (chrt.isPresent()) {
                return List.of(chrt.get().toString(), "--idle", "0");
            }
        }
        if (niceness <= 0) {
            return List.of();
        }
        return installed(NICE_BINARIES, executable)
                .map(nice -> List.of(nice.toString(), "-n", Integer.toString(niceness))).orElse(List.of());
    }

    /**
     * {@code taskset -c CPUS} before {@code launcher}, so ffmpeg and every thread it starts run on those CPUs only
     * (x264 sizes its thread pool by the CPUs it may use); {@code launcher} alone when the system has no taskset.
     *
     * @throws IllegalArgumentException when {@code cpus} is not a CPU list
     */
    static List<String> pinned(String cpus, List<String> launcher, Predicate<Path> executable) {
        if (!CPU_LIST.matcher(cpus).matches()) {
            throw new IllegalArgumentException("clip.media.render-cpus: \"" + cpus
                    + "\" is not a CPU list such as 1, 2-3 or 0,4-7");
        }
        return installed(TASKSET_BINARIES, executable).map(taskset -> {
            List<String> pinned = new ArrayList<>(List.of(taskset.toString(), "-c", cpus));
            pinned.addAll(launcher);
            return List.copyOf(pinned);
        }).orElse(launcher);
    }

    /** The first of a tool's usual places that holds it. */
    private static Optional<Path> installed(List<Path> places, Predicate<Path> executable) {
        return places.stream().filter(executable).findFirst();
    }

    /** {@code nice -n N} before the binary, or nothing when N is 0 or the system has no {@code nice}. */
    static List<String> nice(int niceness) {
        return launcher(false, niceness, Files::isExecutable);
    }

    private static void drain(Process process, StringBuilder stderr) {
        byte[] buffer = new byte[1024];
        int kept = 0;
        try (InputStream in = process.getErrorStream()) {
            int read;
            while ((read = in.read(buffer)) > 0) {
                int keep = Math.min(read, STDERR_MAX_BYTES - kept);
                if (keep > 0) {
                    synchronized (stderr) {
                        stderr.append(new String(buffer, 0, keep, StandardCharsets.UTF_8));
                    }
                    kept += keep;
                }
            }
        } catch (IOException ignored) {
            // The process ended or was killed; what was read is what there is.
        }
    }
}

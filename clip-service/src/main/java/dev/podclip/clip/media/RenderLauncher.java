package dev.podclip.clip.media;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * How every ffmpeg of this instance is started, decided once at start-up: under SCHED_IDLE with {@code chrt --idle 0}
 * when {@code clip.media.render-idle} is on, the system has chrt and it may set the policy (a container's seccomp
 * profile or a missing capability can refuse it), else at {@code clip.media.render-niceness} with nice; and on the
 * CPUs of {@code clip.media.render-cpus} with taskset, when that is set and allowed.
 */
@ApplicationScoped
public class RenderLauncher {

    private static final Logger LOG = Logger.getLogger(RenderLauncher.class);
    /** Longest the start-up check of chrt may take; it runs chrt under itself, a few milliseconds. */
    static final long PROBE_TIMEOUT_MS = 5_000;

    @Inject
    MediaConfig config;

    private volatile List<String> launcher;

    void decide(@Observes StartupEvent event) {
        launcher();
    }

    /** What goes before the ffmpeg binary. */
    List<String> launcher() {
        List<String> current = launcher;
        if (current == null) {
            synchronized (this) {
                if (launcher == null) {
                    launcher = choose();
                    LOG.infof("ffmpeg runs as: %s", launcher.isEmpty() ? "itself" : String.join(" ", launcher));
                }
                current = launcher;
            }
        }
        return current;
    }

    private List<String> choose() {
        List<String> priority = lowered();
        return config.renderCpus().map(cpus -> pinnedIfAllowed(cpus, priority)).orElse(priority);
    }

    private List<String> lowered() {
        List<String> idle = Ffmpeg.launcher(config.renderIdle(), config.renderNiceness(), Files::isExecutable);
        List<String> nice = Ffmpeg.launcher(false, config.renderNiceness(), Files::isExecutable);
        if (idle.equals(nice) || works(idle)) {
            return idle;
        }
        LOG.infof("%s is refused here; ffmpeg runs at niceness %d instead", String.join(" ", idle),
                config.renderNiceness());
        return nice;
    }

    /**
     * {@code launcher} pinned to {@code cpus} when the system lets a process be (taskset fails on a CPU it does not
     * have, or outside the instance's cpuset); else {@code launcher}, logged, so renders still run.
     *
     * @throws IllegalArgumentException when {@code cpus} is not a CPU list: a setting to correct, not to skip
     */
    static List<String> pinnedIfAllowed(String cpus, List<String> launcher) {
        List<String> pinned = Ffmpeg.pinned(cpus, launcher, Files::isExecutable);
        if (pinned.equals(launcher)) {
            LOG.warnf("clip.media.render-cpus is %s, but this system has no taskset: ffmpeg runs on any CPU", cpus);
            return launcher;
        }
        if (works(pinned)) {
            return pinned;
        }
        LOG.warnf("%s is refused here (no such CPU?): ffmpeg runs on any CPU", String.join(" ", pinned));
        return launcher;
    }

    /**
     * Whether the launcher works here: it runs its own first program (chrt, taskset) under itself, which fails when
     * setting the policy or the CPUs fails.
     */
    private static boolean works(List<String> launcher) {
        List<String> command = new ArrayList<>(launcher);
        command.addAll(List.of(launcher.get(0), "--version"));
        try {
            Ffmpeg.Result result = Ffmpeg.run(command.get(0), command.subList(1, command.size()), PROBE_TIMEOUT_MS,
                    null, List.of());
            return result.ok();
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

package dev.podclip.faults;

import dev.podclip.testing.RepoPaths;
import dev.podclip.testing.ServiceProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every fault a production system meets, against the packaged services, a real broker JVM and a PostgreSQL cluster
 * of the suite's own, under a steady write load; after each, the whole product is checked against the catalog
 * ({@link Checker}) and the recovery is measured ({@link Recovery}). The schedule comes from a seed (printed; set
 * {@code -Dfaults.seed=} to replay it). Figures go to {@code build-artifacts/faults/} and are printed.
 *
 * <p>The suite fails on anything lost, duplicated, out of order, dead-lettered or stuck, and on a recovery slower than
 * {@link #RECOVERY_BOUND}; the 5 s aim is reported, not enforced (BENCHMARKS.md records the misses and their causes).
 */
class FaultSuiteIT {

    static final Duration RECOVERY_BOUND = Duration.ofSeconds(60);
    static final long AIM_MS = 5_000;
    static final int WRITERS = 2;
    static final long WRITE_PAUSE_MS = 40;

    private static FaultStack stack;
    private static String showId;
    private static long seed;
    private static final List<Result> results = new ArrayList<>();

    /** One scenario's outcome; {@code downAfterMs} per kind, -1 when it stayed ready through the fault. */
    record Result(String scenario, int round, long faultMs, Map<String, Long> downAfterMs, Recovery.Figures recovery,
                  Checker.Verdict verdict, long acked, long refused, long unknown, long retried, List<String> readiness,
                  List<String> internalErrors) {
    }

    /**
     * A fault: what starts it, what ends it (the clock of recovery starts when {@code end} begins), which service
     * kinds must go unready while it lasts (they cannot do their job) and which must stay ready (they can).
     */
    record Fault(String name, Runnable begin, Runnable end, Set<String> down, Set<String> up) {
        Fault(String name, Runnable begin, Runnable end) {
            this(name, begin, end, Set.of(), Set.of());
        }
    }

    static final Set<String> CATALOG = Set.of("catalog");
    static final Set<String> CLIP = Set.of("clip");
    static final Set<String> BOTH = Set.of("catalog", "clip");
    static final Set<String> NONE = Set.of();

    @BeforeAll
    static void startStack() {
        String given = System.getProperty("faults.seed", "");
        seed = given.isBlank() ? new Random().nextLong() : Long.parseLong(given);
        System.out.println("fault suite seed " + seed + " (replay with -Dfaults.seed=" + seed + ")");
        Map<String, String> clipExtra = new LinkedHashMap<>();
        String protocol = System.getProperty("faults.group-protocol", "");
        if (!protocol.isBlank()) {
            clipExtra.put("CLIP_EVENTS_GROUP_PROTOCOL", protocol);
        }
        stack = FaultStack.start(clipExtra);
        showId = Workload.createShow(stack::runningCatalogs, FaultStack.token("editor"), "faults-" + (seed & 0xffff));
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.keepLogs(RepoPaths.artifacts().resolve("faults"));
            stack.close();
        }
    }

    @Test
    void nothingIsLostAndEveryFaultRecovers() throws Exception {
        int rounds = Integer.getInteger("faults.rounds", 1);
        long faultMs = Long.getLong("faults.fault-seconds", 6) * 1000;
        long loadMs = Long.getLong("faults.load-seconds", 6) * 1000;
        Random schedule = new Random(seed);
        for (int round = 1; round <= rounds; round++) {
            for (Fault fault : singleInstanceFaults()) {
                results.add(run(fault, round, faultMs, loadMs, schedule.nextLong()));
            }
        }
        for (Fault fault : scaleFaults()) {
            results.add(run(fault, 1, faultMs, loadMs, schedule.nextLong()));
        }
        results.add(run(rebuildUnderLoad(), 1, faultMs, loadMs, schedule.nextLong()));
        String report = report();
        System.out.println(report);
        Path out = RepoPaths.artifacts().resolve("faults");
        Files.createDirectories(out);
        Files.writeString(out.resolve("report.md"), report, StandardCharsets.UTF_8);

        for (Result result : results) {
            assertThat(result.verdict().violations()).as(result.scenario() + " round " + result.round()).isEmpty();
            assertThat(result.readiness()).as(result.scenario() + ": readiness during the fault").isEmpty();
            assertThat(result.internalErrors()).as(result.scenario() + ": writes answered 500").isEmpty();
            assertThat(result.recovery().appliedMs()).as(result.scenario() + ": first new event applied")
                    .isBetween(0L, RECOVERY_BOUND.toMillis());
            assertThat(result.recovery().worstReadyMs()).as(result.scenario() + ": readiness")
                    .isBetween(0L, RECOVERY_BOUND.toMillis());
        }
    }

    private List<Fault> singleInstanceFaults() {
        ServiceProcess clip = stack.clips.get(0);
        ServiceProcess catalog = stack.catalogs.get(0);
        return List.of(
                new Fault("kill -9 clip-service", clip::kill, clip::spawn, CLIP, CATALOG),
                new Fault("kill -9 catalog-service", catalog::kill, catalog::spawn, CATALOG, CLIP),
                new Fault("kill -9 broker JVM", stack.broker::kill, stack.broker::start, CLIP, CATALOG),
                new Fault("broker stop and start", stack.broker::stop, stack.broker::start, CLIP, CATALOG),
                new Fault("PostgreSQL restart", stack.postgres::stop, stack.postgres::startServer, BOTH, NONE),
                new Fault("kill -9 PostgreSQL", stack.postgres::killPostmaster, stack.postgres::startServer, BOTH,
                        NONE),
                new Fault("slow network clip-service to Kafka", () -> stack.clipKafka.latency(250),
                        stack.clipKafka::heal),
                new Fault("cut network clip-service to Kafka", stack.clipKafka::partition, stack.clipKafka::heal,
                        CLIP, CATALOG),
                new Fault("cut network catalog-service to Kafka", stack.catalogKafka::partition,
                        stack.catalogKafka::heal, NONE, BOTH),
                new Fault("slow network clip-service to PostgreSQL", () -> stack.clipDb.latency(100),
                        stack.clipDb::heal),
                new Fault("cut network clip-service to PostgreSQL", stack.clipDb::partition, stack.clipDb::heal,
                        CLIP, CATALOG),
                new Fault("slow network catalog-service to PostgreSQL", () -> stack.catalogDb.latency(100),
                        stack.catalogDb::heal),
                new Fault("cut network catalog-service to PostgreSQL", stack.catalogDb::partition,
                        stack.catalogDb::heal, CATALOG, CLIP));
    }

    /** Two catalog and three clip instances, instances killed and added while the load runs (rebalances). */
    private List<Fault> scaleFaults() {
        return List.of(
                new Fault("add catalog-b, clip-b and clip-c", () -> { }, () -> {
                    stack.addCatalog("catalog-b").spawn();
                    stack.addClip("clip-b").spawn();
                    stack.addClip("clip-c").spawn();
                }),
                new Fault("kill -9 clip-a for good (3 clip instances)", () -> stack.clips.get(0).kill(), () -> { }),
                new Fault("kill -9 catalog-a, restart (2 catalog instances)", () -> stack.catalogs.get(0).kill(),
                        () -> stack.catalogs.get(0).spawn()),
                new Fault("add clip-a back (3 clip instances)", () -> { }, () -> stack.clips.get(0).spawn()));
    }

    /** A full rebuild while live updates arrive; recovery counts from the rebuild's start. */
    private Fault rebuildUnderLoad() {
        return new Fault("full rebuild while live updates arrive", () -> {
            ServiceProcess clip = stack.runningClips().get(0);
            Http.Answer answer = new Http().send("POST", clip.baseUrl() + "/admin/rebuild",
                    FaultStack.token("admin"), Map.of(), null).orElseThrow();
            assertThat(answer.status()).as("rebuild accepted").isEqualTo(202);
        }, () -> { }, NONE, BOTH);
    }

    private Result run(Fault fault, int round, long faultMs, long loadMs, long scenarioSeed) throws Exception {
        System.out.println("fault: " + fault.name() + " (round " + round + ")");
        Workload load = new Workload(stack::runningCatalogs, showId, FaultStack.token("editor"));
        long stopAtNs = System.nanoTime() + (loadMs + faultMs) * 1_000_000L;
        List<Thread> writers = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            Thread writer = new Thread(load.writer(scenarioSeed, i, stopAtNs, WRITE_PAUSE_MS), "writer-" + i);
            writer.start();
            writers.add(writer);
        }
        Random timing = new Random(scenarioSeed);
        Workload.sleep(loadMs / 3 + timing.nextInt((int) Math.max(1, loadMs / 3)));
        Map<String, Long> downAfterMs = new LinkedHashMap<>();
        // Only the instances running when the fault begins: one killed for good earlier is nobody's readiness.
        List<ServiceProcess> catalogs = stack.runningCatalogs();
        List<ServiceProcess> clips = stack.runningClips();
        try (ReadinessWatch watch = new ReadinessWatch(Map.of("catalog", () -> catalogs, "clip", () -> clips),
                System.nanoTime())) {
            fault.begin().run();
            Workload.sleep(faultMs);
            downAfterMs.put("catalog", watch.downAfterMs("catalog"));
            downAfterMs.put("clip", watch.downAfterMs("clip"));
        }
        long endNs = System.nanoTime();
        // The recovery clocks run from here while the fault's end is still under way (a broker starting, a JVM).
        Thread ending = new Thread(fault.end(), "fault-end");
        ending.start();
        Recovery.Figures recovery = new Recovery(stack::runningCatalogs, stack::runningClips, showId,
                FaultStack.token("editor")).measure(endNs, scenarioSeed);
        ending.join();
        for (Thread writer : writers) {
            writer.join(Workload.WRITE_DEADLINE.toMillis() + 30_000);
        }
        Checker.Verdict verdict = new Checker(stack).check(showId, load.acked);
        List<String> readiness = new ArrayList<>();
        for (String kind : fault.down()) {
            if (downAfterMs.get(kind) < 0) {
                readiness.add(kind + " stayed ready though it could not do its job");
            }
        }
        for (String kind : fault.up()) {
            if (downAfterMs.get(kind) >= 0) {
                readiness.add(kind + " went unready after " + downAfterMs.get(kind) + " ms though it could work");
            }
        }
        Result result = new Result(fault.name(), round, faultMs, downAfterMs, recovery, verdict,
                load.acknowledged.get(), load.refused.get(), load.unknown.get(), load.retried.get(), readiness,
                List.copyOf(load.internalErrors));
        System.out.println("  " + line(result));
        return result;
    }

    private static String report() {
        StringBuilder out = new StringBuilder("# Fault suite\n\nseed " + seed + ", " + WRITERS
                + " writers; times in ms from the end of the fault (aim " + AIM_MS + ")\n\n"
                + "| fault | round | unready during the fault (catalog / clip, ms after it began) | catalog ready |"
                + " clip ready | first new event applied | writes acked / refused / unknown (retried) | converged |"
                + " episodes | violations |\n|---|---|---|---|---|---|---|---|---|---|\n");
        for (Result result : results) {
            out.append(line(result)).append('\n');
        }
        return out.toString();
    }

    private static String line(Result r) {
        List<String> problems = new ArrayList<>(r.verdict().violations());
        problems.addAll(r.readiness());
        return "| " + r.scenario() + " | " + r.round() + " | " + down(r.downAfterMs().get("catalog")) + " / "
                + down(r.downAfterMs().get("clip")) + " | " + mark(r.recovery().readyMs().get("catalog")) + " | "
                + mark(r.recovery().readyMs().get("clip")) + " | " + mark(r.recovery().appliedMs()) + " | "
                + r.acked() + " / " + r.refused() + " / " + r.unknown() + " (" + r.retried() + ") | "
                + r.verdict().convergeMs() + " | " + r.verdict().episodes() + " | "
                + (problems.isEmpty() ? "none" : String.join("; ", problems)) + " |";
    }

    private static String down(long ms) {
        return ms < 0 ? "stayed ready" : Long.toString(ms);
    }

    private static String mark(long ms) {
        return ms < 0 ? "**never**" : ms <= AIM_MS ? Long.toString(ms) : "**" + ms + "**";
    }
}

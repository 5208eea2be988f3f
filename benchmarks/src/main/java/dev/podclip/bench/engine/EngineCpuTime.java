package dev.podclip.bench.engine;

import dev.podclip.chapters.boundary.BoundaryPolicy;
import dev.podclip.chapters.notes.ShowNotes;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.ToIntFunction;

/**
 * {@link ShowNotesBenchmark#synthetic}'s inputs timed in this thread's CPU time rather than wall time: MB per CPU
 * second is throughput per core, and other processes on a shared machine delay an op without adding to its CPU time
 * (they still share caches, so a loaded machine reads somewhat lower). Each input: 2 s of warm-up, then batches of ops
 * of at least {@link #MIN_BATCH_NANOS} of CPU each for {@link #MEASURE_NANOS}; the median batch is reported, with the
 * plain scan ({@link ShowNotesBenchmark#colons}) timed the same way.
 *
 * <p>Run from the repository root: {@code java -cp benchmarks/target/benchmarks.jar
 * dev.podclip.bench.engine.EngineCpuTime}.
 */
public final class EngineCpuTime {

    static final int[] SIZES = {1_000, 10_000, 100_000, 1_000_000, 10_000_000};
    static final long WARMUP_NANOS = 2_000_000_000L;
    static final long MEASURE_NANOS = 3_000_000_000L;
    /** A batch long enough that reading the thread's CPU clock costs nothing next to it. */
    static final long MIN_BATCH_NANOS = 5_000_000L;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private EngineCpuTime() {
    }

    public static void main(String[] args) {
        System.out.println("| shape | input | engine MB/CPU-s | plain scan MB/CPU-s | × plain scan |");
        System.out.println("|---|---|---|---|---|");
        for (String shape : new String[]{"lines", "together"}) {
            for (int size : SIZES) {
                String notes = shape.equals("lines") ? SyntheticText.lineSeparatedNotes(size, 42)
                        : SyntheticText.showNotes(size, 42);
                double engine = mbPerCpuSecond(notes,
                        n -> ShowNotes.parseChapters(n, null, BoundaryPolicy.DEFAULTS).chapters().size());
                double scan = mbPerCpuSecond(notes, ShowNotesBenchmark::colons);
                System.out.printf(Locale.ROOT, "| %s | %s | %,.0f | %,.0f | %.3f |%n", shape, label(size), engine, scan,
                        engine / scan);
            }
        }
    }

    static double mbPerCpuSecond(String notes, ToIntFunction<String> op) {
        int sink = 0;
        long warmupEnd = THREADS.getCurrentThreadCpuTime() + WARMUP_NANOS;
        int batch = 1;
        while (THREADS.getCurrentThreadCpuTime() < warmupEnd) {
            long start = THREADS.getCurrentThreadCpuTime();
            for (int i = 0; i < batch; i++) {
                sink += op.applyAsInt(notes);
            }
            if (THREADS.getCurrentThreadCpuTime() - start < MIN_BATCH_NANOS) {
                batch *= 2;
            }
        }
        long[] perOp = new long[(int) (MEASURE_NANOS / MIN_BATCH_NANOS) + 1];
        int batches = 0;
        long measureEnd = THREADS.getCurrentThreadCpuTime() + MEASURE_NANOS;
        while (batches < perOp.length && THREADS.getCurrentThreadCpuTime() < measureEnd) {
            long start = THREADS.getCurrentThreadCpuTime();
            for (int i = 0; i < batch; i++) {
                sink += op.applyAsInt(notes);
            }
            perOp[batches++] = (THREADS.getCurrentThreadCpuTime() - start) / batch;
        }
        if (sink == 42) {
            System.out.print(""); // keeps the ops' results alive
        }
        long[] measured = Arrays.copyOf(perOp, batches);
        Arrays.sort(measured);
        long medianNanos = Math.max(1, measured[batches / 2]);
        return notes.length() / 1e6 / (medianNanos / 1e9);
    }

    static String label(int size) {
        return size >= 1_000_000 ? size / 1_000_000 + " MB" : size / 1_000 + " KB";
    }
}

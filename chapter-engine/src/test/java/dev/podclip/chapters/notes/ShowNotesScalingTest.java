package dev.podclip.chapters.notes;

import dev.podclip.chapters.boundary.BoundaryPolicy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cost grows linearly up to 10 MB, also on lists broken by prose and on hostile input (mis-nested tags, colon runs,
 * brackets, unclosed tags).
 * Times are this thread's CPU time. The machine is shared, so the bounds are loose: 10x the input may take at most {@link #MAX_GROWTH}x the time
 * (quadratic would be 100x), and 10 MB must go at {@link #MIN_MB_PER_S} MB/s or better. BENCHMARKS.md has the
 * real figures (JMH).
 */
class ShowNotesScalingTest {

    static final int SMALL_CHARS = 1_000_000;
    static final int LARGE_CHARS = 10_000_000;
    static final double MAX_GROWTH = 30;
    static final double MIN_MB_PER_S = 5;
    static final int REPEATS = 2;

    static String generate(String kind, int chars) {
        StringBuilder out = new StringBuilder(chars + 200);
        Random random = new Random(7);
        int i = 0;
        while (out.length() < chars) {
            switch (kind) {
                case "prose" -> {
                    out.append("We talk about replicas and the planner at ").append(random.nextInt(60)).append(':')
                            .append(10 + random.nextInt(50)).append(" and more. https://example.com/a/12:00\n");
                    if (i % 50 == 0) {
                        out.append("Chapters:00:00 - Intro02:13 - How it started1:02:01 - The end of it\n");
                    }
                }
                case "list" -> out.append(i / 3600 % 60).append(':').append(two(i / 60 % 60)).append(':')
                        .append(two(i % 60)).append(" - Chapter ").append(i).append('\n');
                case "together" -> out.append(two(i / 60 % 60)).append(':').append(two(i % 60))
                        .append(" - Chapter title ").append(i);
                case "interrupted" -> {
                    // Lists broken by sponsor lines and blank paragraphs, each list starting again at 0:00.
                    out.append("0:").append(two(i % 50)).append(" Chapter ").append(i).append(" ab\n");
                    out.append(i % 3 == 0 ? "Sponsored by Acme at 12:00.\n" : i % 7 == 0 ? "\n\n" : "");
                }
                default -> {
                    // Hostile: mis-nested formatting tags, colon runs, bracket runs, unclosed tags and quotes.
                    out.append("<b><i><u>").append(i % 7 == 0 ? "</b>" : "").append("x 1:00 ")
                            .append("1:2:3:4:5:6:7:8:9:0:12:34:56:78 ((((([[[[ 0:00 ");
                    if (i % 1000 == 999) {
                        out.append("<a <p <script x=\"");
                    }
                }
            }
            i++;
        }
        out.setLength(chars);
        return out.toString();
    }

    static String two(int value) {
        return value < 10 ? "0" + value : Integer.toString(value);
    }

    /** This thread's CPU time, not wall time: the build machine is shared, and other builds' load is not ours. */
    static long bestNanos(String notes) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long best = Long.MAX_VALUE;
        for (int r = 0; r < REPEATS; r++) {
            long t0 = threads.getCurrentThreadCpuTime();
            ShowNotes.parseChapters(notes, null, BoundaryPolicy.DEFAULTS);
            ShowNotes.findTimecodes(notes, null);
            best = Math.min(best, threads.getCurrentThreadCpuTime() - t0);
        }
        return best;
    }

    @ParameterizedTest
    @ValueSource(strings = {"prose", "list", "together", "interrupted", "hostile"})
    void cost_grows_linearly_to_ten_megabytes(String kind) {
        String small = generate(kind, SMALL_CHARS);
        String large = generate(kind, LARGE_CHARS);
        bestNanos(small); // warm up
        long smallNanos = bestNanos(small);
        long largeNanos = bestNanos(large);
        System.out.printf("scaling %s: 1 MB %d ms, 10 MB %d ms%n", kind, smallNanos / 1_000_000,
                largeNanos / 1_000_000);
        double growth = (double) largeNanos / Math.max(1, smallNanos);
        double mbPerS = LARGE_CHARS / 1e6 / (largeNanos / 1e9);
        assertThat(growth).as("%s: 1 MB %d ms, 10 MB %d ms", kind, smallNanos / 1_000_000, largeNanos / 1_000_000)
                .isLessThan(MAX_GROWTH);
        assertThat(mbPerS).as("%s: MB/s", kind).isGreaterThan(MIN_MB_PER_S);
    }
}

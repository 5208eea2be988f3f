package dev.podclip.bench.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podclip.chapters.ChapterList;
import dev.podclip.chapters.StatedDuration;
import dev.podclip.chapters.boundary.BoundaryPolicy;
import dev.podclip.chapters.notes.ShowNotes;
import dev.podclip.chapters.time.Durations;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Show-notes parse cost: the seed listing's eight descriptions (one op parses all eight), and synthetic notes of
 * 1 KB to 10 MB (one op parses one) in two shapes: {@code lines}, line-separated chapter lists broken now and then by
 * a sponsor line or a blank paragraph ({@link SyntheticText#lineSeparatedNotes}), and {@code together}, prose with
 * run-together chapter lists like the seed listing's ({@link SyntheticText#showNotes}). Time of each op sampled: on a
 * shared machine the median op is the one no other process preempted, where an average takes in every burst of load.
 *
 * <p>{@code referenceScan} and {@code seedReferenceScan} read the same chars in the same run with one plain loop
 * (counting ':'): the engine's MB/s divided by the scan's is a ratio that stays put on a loaded, shared machine, where
 * MB/s alone moves with the load, so a regression shows as a lower ratio. With {@code -prof gc},
 * {@code gc.alloc.rate.norm} is the bytes allocated per op; {@code benchmarks/engine-report.py} turns a JSON result
 * file into MB/s, the ratio and bytes allocated per MB (BENCHMARKS.md §1).
 *
 * <p>Run from the repository root: {@code java -jar benchmarks/target/benchmarks.jar ShowNotesBenchmark}.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ShowNotesBenchmark {

    /** The demo data file holding the seed listing's descriptions, relative to the repository root. */
    static final String SEED_FILE = System.getProperty("bench.seed-file", "demo/database-school.json");

    @State(Scope.Benchmark)
    public static class Seed {
        List<String> notes = new ArrayList<>();
        List<StatedDuration> durations = new ArrayList<>();
        long chars;

        @Setup
        public void load() throws IOException {
            JsonNode data = new ObjectMapper().readTree(Path.of(SEED_FILE).toFile());
            for (JsonNode episode : data.get("episodes")) {
                notes.add(episode.get("showNotes").asText());
                durations.add(Durations.parseHuman(episode.get("duration").asText()).orElse(null));
                chars += episode.get("showNotes").asText().length();
            }
            System.out.println("\nseed descriptions: " + notes.size() + " episodes, " + chars + " chars");
        }
    }

    @State(Scope.Benchmark)
    public static class Synthetic {
        @Param({"1000", "10000", "100000", "1000000", "10000000"})
        int chars;
        @Param({"lines", "together"})
        String shape;
        String notes;

        @Setup
        public void generate() {
            notes = shape.equals("lines") ? SyntheticText.lineSeparatedNotes(chars, 42)
                    : SyntheticText.showNotes(chars, 42);
        }
    }

    @Benchmark
    public int seedListing(Seed seed) {
        int chapters = 0;
        for (int i = 0; i < seed.notes.size(); i++) {
            ChapterList list = ShowNotes.parseChapters(seed.notes.get(i), seed.durations.get(i), BoundaryPolicy.DEFAULTS);
            chapters += list.chapters().size();
        }
        return chapters;
    }

    @Benchmark
    public ChapterList synthetic(Synthetic synthetic) {
        return ShowNotes.parseChapters(synthetic.notes, null, BoundaryPolicy.DEFAULTS);
    }

    @Benchmark
    public int syntheticTimecodes(Synthetic synthetic) {
        return ShowNotes.findTimecodes(synthetic.notes, null).size();
    }

    @Benchmark
    public int referenceScan(Synthetic synthetic) {
        return colons(synthetic.notes);
    }

    @Benchmark
    public int seedReferenceScan(Seed seed) {
        int colons = 0;
        for (String notes : seed.notes) {
            colons += colons(notes);
        }
        return colons;
    }

    /** The reference: one plain pass over the chars, the least any reader of them must do. */
    static int colons(String text) {
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == ':') {
                count++;
            }
        }
        return count;
    }
}

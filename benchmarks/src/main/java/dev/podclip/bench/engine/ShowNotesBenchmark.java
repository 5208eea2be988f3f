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
 * 10 KB, 1 MB and 10 MB (one op parses one). Average time per op; BENCHMARKS.md turns it into MB/s.
 *
 * <p>Run from the repository root: {@code java -jar benchmarks/target/benchmarks.jar ShowNotesBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
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
        @Param({"10000", "1000000", "10000000"})
        int chars;
        String notes;

        @Setup
        public void generate() {
            notes = SyntheticText.showNotes(chars, 42);
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
}

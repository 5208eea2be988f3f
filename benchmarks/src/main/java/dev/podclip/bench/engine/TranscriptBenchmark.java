package dev.podclip.bench.engine;

import dev.podclip.chapters.Transcript;
import dev.podclip.chapters.TranscriptFormat;
import dev.podclip.chapters.transcript.Transcripts;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** Transcript parse rate: a one-hour WebVTT file (a cue every 3–5 s, two speakers) per op. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class TranscriptBenchmark {

    static final long ONE_HOUR_MS = 3_600_000;
    byte[] oneHourVtt;

    @Setup
    public void generate() {
        oneHourVtt = SyntheticText.webVtt(ONE_HOUR_MS, 7).getBytes(StandardCharsets.UTF_8);
        System.out.println("\none-hour VTT: " + oneHourVtt.length + " bytes");
    }

    @Benchmark
    public Transcript oneHourVtt() {
        return Transcripts.read(oneHourVtt, TranscriptFormat.VTT);
    }
}

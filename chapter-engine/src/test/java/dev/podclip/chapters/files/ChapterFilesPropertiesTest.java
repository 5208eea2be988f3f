package dev.podclip.chapters.files;

import dev.podclip.chapters.Chapter;
import dev.podclip.chapters.ChapterEngineException;
import dev.podclip.chapters.ChapterList;
import dev.podclip.chapters.Limits;
import dev.podclip.chapters.StatedDuration;
import dev.podclip.chapters.boundary.BoundaryPolicy;
import dev.podclip.chapters.transcript.Transcripts;
import dev.podclip.chapters.Cue;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** Seeded generators (the seed is printed; rerun one with -Dchapterfiles.seed=N). */
class ChapterFilesPropertiesTest {

    private static final int ROUND_TRIP_RUNS = 300;
    private static final int FUZZ_RUNS = 1_500;
    private static final String STRUCTURE = "{}[],:\"'0.-/<>=&;\n ";
    private static final String[] WORDS = {"Intro", "chapter", "Grüße", "a<b", "x&y", "\"quoted\"", "'single'",
            "\\slash", "–", "\uD83C\uDF99", "1.", "0:00", "toc", "https://example.org/x?y=1&z=2"};

    private static long seed() {
        long seed = Long.getLong("chapterfiles.seed", System.nanoTime());
        System.out.println("ChapterFilesPropertiesTest seed: " + seed);
        return seed;
    }

    @Test
    void writePodcastingJsonThenReadGivesTheSameChapters() {
        long seed = seed();
        Random random = new Random(seed);
        for (int run = 0; run < ROUND_TRIP_RUNS; run++) {
            ChapterList written = chapterList(random);
            String json = ChapterFiles.writePodcastingJson(written);
            ChapterList read = ChapterFiles.read(json.getBytes(StandardCharsets.UTF_8),
                    written.durationMs() == null ? null : StatedDuration.exactMs(written.durationMs()),
                    BoundaryPolicy.DEFAULTS);
            assertThat(read.chapters()).as("seed " + seed + " run " + run + ":\n" + json)
                    .isEqualTo(written.chapters());
        }
    }

    @Test
    void writeWebVttGivesOneCuePerChapterAtTheSameTimes() {
        long seed = seed();
        Random random = new Random(seed);
        for (int run = 0; run < ROUND_TRIP_RUNS; run++) {
            ChapterList written = chapterList(random);
            List<Cue> cues = Transcripts.read(ChapterFiles.writeWebVtt(written).getBytes(StandardCharsets.UTF_8),
                    null).cues();
            assertThat(cues).as("seed " + seed + " run " + run).hasSameSizeAs(written.chapters());
            for (int i = 0; i < cues.size(); i++) {
                Chapter chapter = written.chapters().get(i);
                assertThat(cues.get(i).startMs()).isEqualTo(chapter.startMs());
                assertThat(cues.get(i).text()).isEqualTo(chapter.title());
            }
        }
    }

    private static ChapterList chapterList(Random random) {
        TreeSet<Long> starts = new TreeSet<>();
        int count = 1 + random.nextInt(12);
        starts.add(0L);
        while (starts.size() < count) {
            starts.add((long) random.nextInt(20_000_000));
        }
        List<Long> sorted = new ArrayList<>(starts);
        Long durationMs = random.nextBoolean() ? null : sorted.get(sorted.size() - 1) + random.nextInt(600_000);
        List<Chapter> chapters = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Long end = i + 1 < sorted.size() ? sorted.get(i + 1) : durationMs;
            chapters.add(new Chapter(sorted.get(i), end, words(random), random.nextInt(4) == 0 ? null : words(random),
                    random.nextBoolean() ? null : "https://example.org/" + i + ".jpg", random.nextInt(5) > 0));
        }
        return new ChapterList(chapters, List.of(), durationMs);
    }

    private static String words(Random random) {
        StringBuilder out = new StringBuilder();
        int count = 1 + random.nextInt(5);
        for (int i = 0; i < count; i++) {
            out.append(i > 0 ? " " : "").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return out.toString();
    }

    @Test
    void anyBytesGiveAChapterListOrAChapterEngineException() {
        long seed = seed();
        Random random = new Random(seed);
        List<byte[]> seeds = new ArrayList<>();
        for (String name : List.of("basic.json", "lenient.json", "mismatch.json", "skipped.json", "broken.json",
                "unreadable.json",
                "psc.xml", "plain.xml", "feed.xml", "xxe.xml", "bad.xml")) {
            seeds.add(ChapterFilesTest.fixture(name));
        }
        for (int run = 0; run < FUZZ_RUNS; run++) {
            byte[] bytes = run % 4 == 0 ? randomBytes(random) : mutate(seeds.get(random.nextInt(seeds.size())), random);
            StatedDuration duration = random.nextBoolean() ? null : StatedDuration.exactMs(random.nextInt(10_000_000));
            try {
                ChapterList list = switch (run % 3) {
                    case 0 -> ChapterFiles.read(bytes, duration, BoundaryPolicy.DEFAULTS);
                    case 1 -> ChapterFiles.readPodcastingJson(bytes, duration, BoundaryPolicy.DEFAULTS);
                    default -> ChapterFiles.readPodloveSimpleChapters(bytes, duration, BoundaryPolicy.DEFAULTS);
                };
                ChapterFiles.writePodcastingJson(list);
                ChapterFiles.writeWebVtt(list);
                ChapterFiles.writeYouTubeBlock(list);
            } catch (ChapterEngineException expected) {
                assertThat(expected.code()).isNotNull();
            } catch (RuntimeException | AssertionError | StackOverflowError bug) {
                throw new AssertionError("seed " + seed + " run " + run + " bytes " + Arrays.toString(bytes), bug);
            }
        }
    }

    @Test
    void deepNestingIsAnErrorNotACrash() {
        String deep = "[".repeat(Limits.MAX_CHAPTERS * 10) + "]".repeat(Limits.MAX_CHAPTERS * 10);
        try {
            ChapterFiles.read(deep.getBytes(StandardCharsets.UTF_8), null, BoundaryPolicy.DEFAULTS);
        } catch (ChapterEngineException expected) {
            assertThat(expected.code()).isNotNull();
        }
    }

    private static byte[] randomBytes(Random random) {
        byte[] bytes = new byte[random.nextInt(200)];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] mutate(byte[] original, Random random) {
        byte[] bytes = Arrays.copyOf(original, original.length);
        int edits = 1 + random.nextInt(6);
        for (int e = 0; e < edits && bytes.length > 0; e++) {
            int at = random.nextInt(bytes.length);
            switch (random.nextInt(3)) {
                case 0 -> bytes[at] = (byte) random.nextInt(256);
                case 1 -> bytes = Arrays.copyOf(bytes, at);
                default -> bytes[at] = (byte) STRUCTURE.charAt(random.nextInt(STRUCTURE.length()));
            }
        }
        return bytes;
    }
}

package dev.podclip.chapters.transcript;

import dev.podclip.chapters.Chapter;
import dev.podclip.chapters.ChapterEngineException;
import dev.podclip.chapters.ChapterSection;
import dev.podclip.chapters.Cue;
import dev.podclip.chapters.Limits;
import dev.podclip.chapters.Transcript;
import dev.podclip.chapters.TranscriptFormat;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** Seeded generators (the seed is printed; rerun one with -Dtranscript.seed=N). */
class TranscriptPropertiesTest {

    private static final int ASSIGN_RUNS = 300;
    private static final int ROUND_TRIP_RUNS = 300;
    private static final int FUZZ_RUNS = 1_500;
    private static final String[] WORDS = {"podcast", "chapter", "é", "Grüße", "a<b", "x&y", "-->", "<v Bob>",
            "&amp;", "NOTE", "WEBVTT", "00:01.000", "1", "–", "\uD83C\uDF99", "Zoë:", "'quote'", "\"q\""};

    /** Characters that carry structure in the formats read: the fuzzer's favourite substitutions. */
    private static final String STRUCTURE = "0:.,-> \n\r<&;{}'\"";

    private static long seed() {
        long seed = Long.getLong("transcript.seed", System.nanoTime());
        System.out.println("TranscriptPropertiesTest seed: " + seed);
        return seed;
    }

    @Test
    void assignPutsEveryCueInExactlyOneSectionInOrderAndByItsStart() {
        long seed = seed();
        Random random = new Random(seed);
        for (int run = 0; run < ASSIGN_RUNS; run++) {
            List<Chapter> chapters = chapters(random);
            List<Cue> cues = new ArrayList<>();
            int count = random.nextInt(60);
            for (int i = 0; i < count; i++) {
                long start = random.nextInt(4_000_000);
                cues.add(new Cue(start, start + random.nextInt(20_000), "cue " + i, null));
            }
            List<ChapterSection> sections = Transcripts.assign(chapters, cues);
            String context = "seed " + seed + " run " + run;
            if (chapters.isEmpty()) {
                assertThat(sections).as(context).isEmpty();
                continue;
            }
            assertThat(sections).as(context).hasSize(chapters.size());
            Map<Cue, Integer> seen = new IdentityHashMap<>();
            for (ChapterSection section : sections) {
                assertThat(section.chapter()).as(context).isSameAs(chapters.get(section.index()));
                int previousPosition = -1;
                for (Cue cue : section.cues()) {
                    int position = indexOfIdentity(cues, cue);
                    assertThat(position).as(context + ": order kept").isGreaterThan(previousPosition);
                    previousPosition = position;
                    assertThat(seen.put(cue, section.index())).as(context + ": in one section only").isNull();
                    assertOwner(chapters, section.index(), cue, context);
                }
            }
            assertThat(seen).as(context + ": nothing lost").hasSize(cues.size());
        }
    }

    /** The owner is the chapter containing the cue's start; before the first chapter, the first. */
    private static void assertOwner(List<Chapter> chapters, int index, Cue cue, String context) {
        long start = chapters.get(index).startMs();
        long firstStart = chapters.get(0).startMs();
        long nextStart = index + 1 < chapters.size() ? chapters.get(index + 1).startMs() : Long.MAX_VALUE;
        if (index == 0) {
            assertThat(cue.startMs()).as(context).isLessThan(nextStart);
        } else {
            assertThat(cue.startMs()).as(context).isBetween(start, nextStart - 1);
            assertThat(cue.startMs()).as(context).isGreaterThanOrEqualTo(firstStart);
        }
    }

    private static int indexOfIdentity(List<Cue> cues, Cue cue) {
        for (int i = 0; i < cues.size(); i++) {
            if (cues.get(i) == cue) {
                return i;
            }
        }
        return fail("cue not from the input: " + cue);
    }

    private static List<Chapter> chapters(Random random) {
        TreeSet<Long> starts = new TreeSet<>();
        int count = random.nextInt(8);
        while (starts.size() < count) {
            starts.add((long) random.nextInt(3_600_000));
        }
        List<Long> sorted = new ArrayList<>(starts);
        List<Chapter> chapters = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Long end = i + 1 < sorted.size() ? sorted.get(i + 1) : null;
            chapters.add(new Chapter(sorted.get(i), end, "chapter " + i, null, null, true));
        }
        return chapters;
    }

    @Test
    void writeVttThenReadGivesTheSameCues() {
        long seed = seed();
        Random random = new Random(seed);
        for (int run = 0; run < ROUND_TRIP_RUNS; run++) {
            List<Cue> cues = new ArrayList<>();
            int count = random.nextInt(30);
            for (int i = 0; i < count; i++) {
                long start = (long) (random.nextDouble() * Limits.MAX_TIME_MS);
                long end = Math.min(Limits.MAX_TIME_MS, start + random.nextInt(60_000));
                String speaker = random.nextBoolean() ? null : words(random, 1 + random.nextInt(3));
                cues.add(new Cue(start, end, text(random), speaker));
            }
            String vtt = Transcripts.writeVtt(cues);
            Transcript read = Transcripts.read(vtt.getBytes(StandardCharsets.UTF_8), null);
            assertThat(read.format()).isEqualTo(TranscriptFormat.VTT);
            assertThat(read.cues()).as("seed " + seed + " run " + run + ":\n" + vtt).isEqualTo(cues);
        }
    }

    private static String text(Random random) {
        int lines = random.nextInt(4);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            out.add(words(random, 1 + random.nextInt(6)));
        }
        return String.join("\n", out);
    }

    private static String words(Random random, int count) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(WORDS[random.nextInt(WORDS.length)]);
        }
        return out.toString();
    }

    @Test
    void anyBytesGiveATranscriptOrAChapterEngineException() {
        long seed = seed();
        Random random = new Random(seed);
        List<byte[]> seeds = new ArrayList<>();
        for (String name : List.of("basic.vtt", "broken.vtt", "fractions.vtt", "basic.srt", "basic.json",
                "lenient.json", "podcasting.html", "paragraphs.html")) {
            seeds.add(TranscriptsTest.fixture(name));
        }
        TranscriptFormat[] formats = {null, TranscriptFormat.VTT, TranscriptFormat.SRT, TranscriptFormat.JSON,
                TranscriptFormat.HTML};
        for (int run = 0; run < FUZZ_RUNS; run++) {
            byte[] bytes = run % 4 == 0 ? randomBytes(random) : mutate(seeds.get(random.nextInt(seeds.size())), random);
            TranscriptFormat format = formats[random.nextInt(formats.length)];
            try {
                Transcript t = Transcripts.read(bytes, format);
                assertThat(t.cues()).isNotNull();
                Transcripts.detect(bytes);
                Transcripts.writeVtt(t.cues());
            } catch (ChapterEngineException expected) {
                assertThat(expected.code()).isNotNull();
            } catch (RuntimeException | AssertionError | StackOverflowError bug) {
                throw new AssertionError("seed " + seed + " run " + run + " format " + format + " bytes "
                        + Arrays.toString(bytes), bug);
            }
        }
    }

    private static byte[] randomBytes(Random random) {
        byte[] bytes = new byte[random.nextInt(200)];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] mutate(byte[] original, Random random) {
        byte[] bytes = Arrays.copyOf(original, original.length);
        int edits = 1 + random.nextInt(8);
        byte[][] inserts = {"-->".getBytes(StandardCharsets.UTF_8), "\n\n".getBytes(StandardCharsets.UTF_8),
                "<v ".getBytes(StandardCharsets.UTF_8), "&#x".getBytes(StandardCharsets.UTF_8),
                "99:99:99.999".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xFF, (byte) 0xFE},
                "{\"".getBytes(StandardCharsets.UTF_8), "<p>".getBytes(StandardCharsets.UTF_8)};
        for (int e = 0; e < edits && bytes.length > 0; e++) {
            int at = random.nextInt(bytes.length);
            switch (random.nextInt(4)) {
                case 0 -> bytes[at] = (byte) random.nextInt(256);
                case 1 -> bytes = Arrays.copyOf(bytes, at);
                case 2 -> {
                    byte[] insert = inserts[random.nextInt(inserts.length)];
                    byte[] grown = new byte[bytes.length + insert.length];
                    System.arraycopy(bytes, 0, grown, 0, at);
                    System.arraycopy(insert, 0, grown, at, insert.length);
                    System.arraycopy(bytes, at, grown, at + insert.length, bytes.length - at);
                    bytes = grown;
                }
                default -> bytes[at] = (byte) STRUCTURE.charAt(random.nextInt(STRUCTURE.length()));
            }
        }
        return bytes;
    }

    @Test
    void aOneHourVttOfAThousandCuesParsesInAFewMilliseconds() {
        StringBuilder vtt = new StringBuilder("WEBVTT\n\n");
        for (int i = 0; i < 1_000; i++) {
            long start = i * 3_600L;
            vtt.append(i + 1).append('\n').append(CueTimes.format(start, '.')).append(" --> ")
                    .append(CueTimes.format(start + 3_500, '.')).append('\n')
                    .append("<v Speaker ").append(i % 3).append(">This is what was said in cue number ")
                    .append(i).append(", <i>more or less</i>.\n\n");
        }
        byte[] bytes = vtt.toString().getBytes(StandardCharsets.UTF_8);
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 30; i++) {
            long t0 = System.nanoTime();
            Transcript t = Transcripts.read(bytes, null);
            best = Math.min(best, System.nanoTime() - t0);
            assertThat(t.cues()).hasSize(1_000);
        }
        System.out.println("one-hour VTT (" + bytes.length + " bytes, 1000 cues): best of 30 " + best / 1_000 + " µs");
        assertThat(best / 1_000_000).as("ms for a one-hour VTT").isLessThan(50);
    }
}

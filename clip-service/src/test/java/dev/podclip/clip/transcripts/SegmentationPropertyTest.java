package dev.podclip.clip.transcripts;

import dev.podclip.chapters.Chapter;
import dev.podclip.chapters.ChapterSection;
import dev.podclip.chapters.Cue;
import dev.podclip.chapters.transcript.Transcripts;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Seeded property tests of the projector's segmentation against the engine's assign rule. */
class SegmentationPropertyTest {

    private static final long SEED = 0x5EC7_10_2026L;
    private static final int CASES = 2_000;
    private static final int MAX_CHAPTERS = 12;
    private static final int MAX_CUES = 80;
    private static final long MAX_TIME_MS = 3_600_000L;

    @Test
    void everyCueLandsInExactlyOneChapterInOrderNothingLost() {
        Random random = new Random(SEED);
        for (int n = 0; n < CASES; n++) {
            List<Chapter> chapters = chapters(random);
            List<Cue> cues = cues(random);
            int[] indexes = Transcripts.chapterIndexes(chapters, cues);
            assertThat(indexes).hasSize(cues.size());
            if (chapters.isEmpty()) {
                assertThat(java.util.Arrays.stream(indexes).allMatch(i -> i == Transcripts.NO_CHAPTER)).isTrue();
                continue;
            }
            List<ChapterSection> sections = Transcripts.assign(chapters, cues);
            int total = 0;
            for (ChapterSection section : sections) {
                List<Cue> mine = new ArrayList<>();
                for (int c = 0; c < cues.size(); c++) {
                    if (indexes[c] == section.index()) {
                        mine.add(cues.get(c));
                    }
                }
                assertThat(mine).as("case %d chapter %d", n, section.index()).isEqualTo(section.cues());
                total += mine.size();
            }
            assertThat(total).as("nothing lost, nothing twice").isEqualTo(cues.size());
            for (int c = 0; c < cues.size(); c++) {
                Chapter home = chapters.get(indexes[c]);
                long cueStartMs = cues.get(c).startMs();
                boolean beforeAll = chapters.stream().allMatch(ch -> ch.startMs() > cueStartMs);
                assertThat(beforeAll || home.startMs() <= cueStartMs).isTrue();
            }
        }
    }

    @Test
    void sectionsBuiltFromStoredIndexesKeepOrderAndCount() {
        Random random = new Random(SEED + 1);
        for (int n = 0; n < CASES; n++) {
            List<Chapter> chapters = chapters(random);
            List<Cue> cues = cues(random);
            int[] indexes = Transcripts.chapterIndexes(chapters, cues);
            List<TranscriptViews.StoredCue> stored = new ArrayList<>();
            for (int c = 0; c < cues.size(); c++) {
                Cue cue = cues.get(c);
                stored.add(new TranscriptViews.StoredCue(new TranscriptViews.CueView(cue.startMs(), cue.endMs(),
                        cue.speaker(), cue.text()), indexes[c] < 0 ? null : indexes[c]));
            }
            var heads = new ArrayList<TranscriptViews.ChapterHead>();
            for (int i = 0; i < chapters.size(); i++) {
                heads.add(new TranscriptViews.ChapterHead(i, chapters.get(i).title(), chapters.get(i).startMs(), null));
            }
            var sections = TranscriptViews.sections(heads, stored, null);
            assertThat(sections).hasSize(Math.max(1, chapters.size()));
            int total = sections.stream().mapToInt(s -> s.cues().size()).sum();
            assertThat(total).isEqualTo(cues.size());
        }
    }

    @Test
    void changedChaptersReSegmentTheSameCues() {
        List<Cue> cues = List.of(new Cue(0, 5_000, "a", null), new Cue(61_000, 66_000, "b", null),
                new Cue(299_000, 301_000, "c", null), new Cue(400_000, 405_000, "d", null));
        List<Chapter> v1 = List.of(Chapter.mark(0, "Cold open"), Chapter.mark(60_000, "WAL"),
                Chapter.mark(300_000, "Outro"));
        List<Chapter> v2 = List.of(Chapter.mark(0, "Intro"), Chapter.mark(200_000, "Rest"));
        assertThat(Transcripts.chapterIndexes(v1, cues)).containsExactly(0, 1, 1, 2);
        assertThat(Transcripts.chapterIndexes(v2, cues)).containsExactly(0, 0, 1, 1);
        // Before the first chapter: the first chapter.
        assertThat(Transcripts.chapterIndexes(List.of(Chapter.mark(10_000, "Late")), cues)).containsOnly(0);
    }

    private static List<Chapter> chapters(Random random) {
        int count = random.nextInt(MAX_CHAPTERS + 1);
        List<Chapter> chapters = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            // Unsorted and with duplicate starts on purpose: the rule must not depend on list order.
            long startMs = random.nextInt(4) == 0 && !chapters.isEmpty()
                    ? chapters.get(random.nextInt(chapters.size())).startMs()
                    : (long) (random.nextDouble() * MAX_TIME_MS);
            chapters.add(Chapter.mark(startMs, "chapter " + i));
        }
        return chapters;
    }

    private static List<Cue> cues(Random random) {
        int count = random.nextInt(MAX_CUES + 1);
        List<Cue> cues = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long startMs = (long) (random.nextDouble() * MAX_TIME_MS);
            long endMs = startMs + random.nextInt(20_000);
            cues.add(new Cue(startMs, endMs, "cue " + i, random.nextBoolean() ? "Speaker" : null));
        }
        return cues;
    }
}

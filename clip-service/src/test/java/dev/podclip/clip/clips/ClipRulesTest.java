package dev.podclip.clip.clips;

import dev.podclip.chapters.Chapter;
import dev.podclip.clip.problem.ClipServiceProblems;
import dev.podclip.support.problem.ProblemException;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ClipRulesTest {

    static final List<Chapter> CHAPTERS = List.of(
            new Chapter(0, 60_000L, "Intro", null, null, true),
            new Chapter(60_000, 773_000L, "Indexes", null, null, true),
            new Chapter(773_000, 1_347_000L, "Covering indexes", null, null, true),
            new Chapter(1_347_000, 4_680_000L, "Wrap up", null, null, true));

    static EpisodeContext episode(Long durationMs, long slackMs, List<Chapter> chapters) {
        return new EpisodeContext(UUID.randomUUID(), 3, false, "Database School", "Indexes <3",
                "https://cdn.example/ep.mp3", null, null, durationMs, slackMs, chapters, null);
    }

    static final EpisodeContext EPISODE = episode(4_680_000L, 60_000, CHAPTERS);

    private static ClipRange resolve(ClipRules.Ask ask) {
        return ClipRules.resolve(ask, EPISODE, TestLimits.DEFAULTS);
    }

    private static void assertReason(String reason, ThrowableAssert.ThrowingCallable call) {
        ProblemException problem = catchThrowableOfType(ProblemException.class, call);
        assertThat(problem).as("expected problem %s", reason).isNotNull();
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.slug()).isEqualTo(ClipServiceProblems.INVALID_CLIP.slug());
        assertThat(problem.extensions()).containsEntry("reason", reason);
    }

    @Test
    void rangeFromMilliseconds() {
        assertThat(resolve(ClipRules.Ask.ofMs(773_000, 1_347_000))).isEqualTo(new ClipRange(773_000, 1_347_000));
    }

    @Test
    void rangeFromText() {
        ClipRange range = resolve(new ClipRules.Ask(null, null, "12:53", "22:27", null, null));
        assertThat(range).isEqualTo(new ClipRange(773_000, 1_347_000));
        assertThat(resolve(new ClipRules.Ask(null, null, "1:02:01.5", "1:03:00", null, null)).startMs())
                .isEqualTo(3_721_500);
        assertThat(resolve(new ClipRules.Ask(773_000L, null, null, "22:27", null, null)).endMs())
                .isEqualTo(1_347_000);
    }

    @Test
    void rangeFromChapterIndexOrTitle() {
        assertThat(resolve(new ClipRules.Ask(null, null, null, null, 2, null)))
                .isEqualTo(new ClipRange(773_000, 1_347_000));
        assertThat(resolve(new ClipRules.Ask(null, null, null, null, null, "covering INDEXES")))
                .isEqualTo(new ClipRange(773_000, 1_347_000));
        // An exact title wins over a title that contains it.
        assertThat(resolve(new ClipRules.Ask(null, null, null, null, null, "Indexes")))
                .isEqualTo(new ClipRange(60_000, 773_000));
        assertThat(resolve(new ClipRules.Ask(null, null, null, null, null, "wrap")).startMs()).isEqualTo(1_347_000);
    }

    @Test
    void chapterProblems() {
        assertReason(ClipProblems.UNKNOWN_CHAPTER, () -> resolve(ClipRules.Ask.ofChapter(4)));
        assertReason(ClipProblems.UNKNOWN_CHAPTER,
                () -> resolve(new ClipRules.Ask(null, null, null, null, null, "nothing like it")));
        assertReason(ClipProblems.AMBIGUOUS_CHAPTER,
                () -> resolve(new ClipRules.Ask(null, null, null, null, null, "dex")));
        assertReason(ClipProblems.AMBIGUOUS_RANGE,
                () -> resolve(new ClipRules.Ask(1L, null, null, null, 1, null)));
        EpisodeContext openEnded = episode(null, 0, List.of(new Chapter(0, 10_000L, "A", null, null, true),
                new Chapter(10_000, null, "B", null, null, true)));
        assertReason(ClipProblems.CHAPTER_END_UNKNOWN,
                () -> ClipRules.resolve(ClipRules.Ask.ofChapter(1), openEnded, TestLimits.DEFAULTS));
    }

    @Test
    void timeProblems() {
        assertReason(ClipProblems.MISSING_RANGE, () -> resolve(new ClipRules.Ask(1L, null, null, null, null, null)));
        assertReason(ClipProblems.MISSING_RANGE, () -> resolve(new ClipRules.Ask(null, null, null, null, null, null)));
        assertReason(ClipProblems.AMBIGUOUS_RANGE,
                () -> resolve(new ClipRules.Ask(1L, 5_000L, "0:01", null, null, null)));
        assertReason(ClipProblems.UNREADABLE_TIME,
                () -> resolve(new ClipRules.Ask(null, null, "12:60", "22:27", null, null)));
        assertReason(ClipProblems.NEGATIVE_START, () -> resolve(ClipRules.Ask.ofMs(-1, 5_000)));
        assertReason(ClipProblems.START_NOT_BEFORE_END, () -> resolve(ClipRules.Ask.ofMs(5_000, 5_000)));
        assertReason(ClipProblems.START_NOT_BEFORE_END, () -> resolve(ClipRules.Ask.ofMs(6_000, 5_000)));
        assertReason(ClipProblems.TOO_SHORT, () -> resolve(ClipRules.Ask.ofMs(5_000, 5_999)));
        assertReason(ClipProblems.TOO_LONG, () -> resolve(ClipRules.Ask.ofMs(0, 3_600_001)));
        assertThat(resolve(ClipRules.Ask.ofMs(5_000, 6_000)).durationMs()).isEqualTo(1_000);
        assertThat(resolve(ClipRules.Ask.ofMs(0, 3_600_000)).durationMs()).isEqualTo(3_600_000);
    }

    @Test
    void endInsideTheEpisodeWithTheStatedDurationsSlack() {
        // Stated "1h 18m" (4,680,000 ms) may really be up to a minute longer.
        assertThat(resolve(ClipRules.Ask.ofMs(4_700_000, 4_740_000)).endMs()).isEqualTo(4_740_000);
        assertReason(ClipProblems.PAST_EPISODE_END, () -> resolve(ClipRules.Ask.ofMs(4_700_000, 4_740_001)));
        EpisodeContext exact = episode(4_680_000L, 0, CHAPTERS);
        assertReason(ClipProblems.PAST_EPISODE_END,
                () -> ClipRules.resolve(ClipRules.Ask.ofMs(4_670_000, 4_680_001), exact, TestLimits.DEFAULTS));
        EpisodeContext unknown = episode(null, 0, List.of());
        assertThat(ClipRules.resolve(ClipRules.Ask.ofMs(9_000_000, 9_060_000), unknown, TestLimits.DEFAULTS))
                .isNotNull();
    }

    @Test
    void titles() {
        assertThat(ClipRules.cleanTitle("  a\tb\n\u0007c  ", TestLimits.DEFAULTS)).isEqualTo("a b c");
        assertThat(ClipRules.cleanTitle("a\u0007b", TestLimits.DEFAULTS)).isEqualTo("ab");
        assertThat(ClipRules.cleanTitle("   ", TestLimits.DEFAULTS)).isNull();
        assertThat(ClipRules.cleanTitle(null, TestLimits.DEFAULTS)).isNull();
        assertThat(ClipRules.cleanTitle("x".repeat(200), TestLimits.DEFAULTS)).hasSize(200);
        assertReason(ClipProblems.TITLE_TOO_LONG, () -> ClipRules.cleanTitle("x".repeat(201), TestLimits.DEFAULTS));
    }

    @Test
    void spannedChapters() {
        List<ChapterSpan> spans = ChapterSpan.spanned(CHAPTERS, new ClipRange(700_000, 1_400_000));
        assertThat(spans).extracting(ChapterSpan::index).containsExactly(1, 2, 3);
        assertThat(spans.get(0).overlapMs()).isEqualTo(73_000);
        assertThat(spans.get(1).overlapStartMs()).isEqualTo(773_000);
        assertThat(spans.get(1).overlapMs()).isEqualTo(574_000);
        assertThat(spans.get(2).overlapEndMs()).isEqualTo(1_400_000);
        assertThat(ChapterSpan.spanned(CHAPTERS, new ClipRange(773_000, 1_347_000)))
                .extracting(ChapterSpan::index).containsExactly(2);
    }
}

package dev.podclip.chapters.boundary;

import dev.podclip.chapters.Chapter;
import dev.podclip.chapters.ChapterList;
import dev.podclip.chapters.Limits;
import dev.podclip.chapters.StatedDuration;
import dev.podclip.chapters.Warning;
import dev.podclip.chapters.WarningCode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BoundariesTest {

    static final BoundaryPolicy RULES = BoundaryPolicy.DEFAULTS;

    static List<Chapter> marks(Object... startAndTitle) {
        List<Chapter> marks = new ArrayList<>();
        for (int i = 0; i < startAndTitle.length; i += 2) {
            marks.add(Chapter.mark(((Number) startAndTitle[i]).longValue(), (String) startAndTitle[i + 1]));
        }
        return marks;
    }

    static List<WarningCode> codes(ChapterList list) {
        return list.warnings().stream().map(Warning::code).toList();
    }

    @Test
    void each_chapter_ends_where_the_next_starts_and_the_last_at_the_duration() {
        ChapterList list = Boundaries.close(marks(0, "Intro", 60_000, "Two", 120_000, "Three"),
                StatedDuration.exactMs(200_000), RULES);
        assertThat(list.chapters()).extracting(Chapter::endMs).containsExactly(60_000L, 120_000L, 200_000L);
        assertThat(list.chapters()).extracting(Chapter::durationMs).containsExactly(60_000L, 60_000L, 80_000L);
        assertThat(list.durationMs()).isEqualTo(200_000L);
        assertThat(list.warnings()).isEmpty();
    }

    @Test
    void unknown_duration_leaves_the_last_end_null_with_a_warning() {
        ChapterList list = Boundaries.close(marks(0, "A", 60_000, "B", 120_000, "C"), null, RULES);
        assertThat(list.chapters().get(2).endMs()).isNull();
        assertThat(list.durationMs()).isNull();
        assertThat(codes(list)).containsExactly(WarningCode.DURATION_UNKNOWN);
    }

    @Test
    void no_chapter_at_zero_is_kept_as_listed_with_a_warning() {
        ChapterList list = Boundaries.close(marks(36_000, "A", 162_000, "B", 413_000, "C"),
                StatedDuration.exactMs(1_477_000), RULES);
        assertThat(list.chapters().get(0).startMs()).isEqualTo(36_000);
        assertThat(list.chapters()).hasSize(3);
        assertThat(list.warnings()).containsExactly(list.warnings().get(0));
        assertThat(list.warnings().get(0).code()).isEqualTo(WarningCode.NO_CHAPTER_AT_ZERO);
        assertThat(list.warnings().get(0).index()).isZero();
    }

    @Test
    void starts_past_the_duration_and_its_slack_are_kept_and_the_last_end_becomes_unknown() {
        StatedDuration fortyNine = new StatedDuration(2_940_000, 60_000, "49 min");
        ChapterList list = Boundaries.close(marks(0, "A", 1_000_000, "B", 3_000_001, "C", 3_600_000, "D"),
                fortyNine, RULES);
        assertThat(list.chapters()).hasSize(4);
        assertThat(list.chapters().get(3).endMs()).isNull();
        assertThat(list.durationMs()).isNull();
        assertThat(list.warnings()).extracting(Warning::code, Warning::index).containsExactly(
                org.assertj.core.groups.Tuple.tuple(WarningCode.START_PAST_DURATION, 2),
                org.assertj.core.groups.Tuple.tuple(WarningCode.START_PAST_DURATION, 3));
    }

    @Test
    void a_last_start_inside_the_rounding_slack_ends_at_value_plus_slack() {
        StatedDuration rounded = new StatedDuration(4_680_000, 60_000, "1h 18m");
        ChapterList list = Boundaries.close(marks(0, "A", 2_000_000, "B", 4_700_000, "C"), rounded, RULES);
        assertThat(list.chapters().get(2).endMs()).isEqualTo(4_740_000L);
        assertThat(list.durationMs()).isEqualTo(4_740_000L);
        assertThat(list.warnings()).isEmpty();
    }

    @Test
    void a_start_exactly_at_the_duration_is_a_short_last_chapter() {
        ChapterList list = Boundaries.close(marks(0, "A", 60_000, "B", 100_000, "End"),
                StatedDuration.exactMs(100_000), RULES);
        assertThat(list.chapters().get(2).durationMs()).isZero();
        assertThat(codes(list)).containsExactly(WarningCode.SHORT_CHAPTER);
        assertThat(list.warnings().get(0).index()).isEqualTo(2);
    }

    @Test
    void duplicates_keep_the_first_listed() {
        ChapterList list = Boundaries.close(marks(0, "A", 60_000, "B", 60_000, "B again", 120_000, "C"),
                StatedDuration.exactMs(300_000), RULES);
        assertThat(list.chapters()).extracting(Chapter::title).containsExactly("A", "B", "C");
        assertThat(codes(list)).containsExactly(WarningCode.DUPLICATE_START);
        assertThat(list.warnings().get(0).index()).isEqualTo(1);
    }

    @Test
    void out_of_order_marks_are_sorted_stably_with_one_warning() {
        ChapterList list = Boundaries.close(marks(0, "One", 4_953_000, "Five", 3_720_000, "Six", 3_750_000, "Seven"),
                null, RULES);
        assertThat(list.chapters()).extracting(Chapter::title).containsExactly("One", "Six", "Seven", "Five");
        assertThat(codes(list)).containsExactly(WarningCode.OUT_OF_ORDER, WarningCode.DURATION_UNKNOWN);
    }

    @Test
    void short_chapters_are_kept_with_a_warning_each() {
        ChapterList list = Boundaries.close(marks(0, "A", 5_000, "B", 9_000, "C", 60_000, "D"),
                StatedDuration.exactMs(120_000), RULES);
        assertThat(list.chapters()).hasSize(4);
        assertThat(list.warnings()).extracting(Warning::index).containsExactly(0, 1);
        assertThat(codes(list)).containsOnly(WarningCode.SHORT_CHAPTER);
    }

    @Test
    void fewer_than_three_chapters_warns_and_none_says_no_chapters() {
        ChapterList two = Boundaries.close(marks(0, "A", 60_000, "B"), StatedDuration.exactMs(120_000), RULES);
        assertThat(codes(two)).containsExactly(WarningCode.FEWER_THAN_THREE);
        ChapterList none = Boundaries.close(List.of(), StatedDuration.exactMs(120_000), RULES);
        assertThat(none.isEmpty()).isTrue();
        assertThat(codes(none)).containsExactly(WarningCode.NO_CHAPTERS);
        assertThat(codes(Boundaries.close(null, null, null)))
                .containsExactly(WarningCode.NO_CHAPTERS, WarningCode.DURATION_UNKNOWN);
    }

    @Test
    void too_many_chapters_are_cut_to_the_policy() {
        List<Chapter> many = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            many.add(Chapter.mark(i * 60_000L, "C" + i));
        }
        ChapterList list = Boundaries.close(many, StatedDuration.exactMs(20 * 60_000L),
                new BoundaryPolicy(10_000, 3, 5));
        assertThat(list.chapters()).hasSize(5);
        assertThat(list.chapters().get(4).endMs()).isEqualTo(20 * 60_000L);
        assertThat(codes(list)).containsExactly(WarningCode.TOO_MANY_CHAPTERS);
    }

    @Test
    void empty_titles_are_kept_with_a_warning_and_titles_are_cleaned() {
        ChapterList list = Boundaries.close(marks(0, "  Intro \t\n  part   one ", 60_000, "   ", 120_000, "C"),
                StatedDuration.exactMs(180_000), RULES);
        assertThat(list.chapters()).extracting(Chapter::title).containsExactly("Intro part one", "", "C");
        assertThat(list.warnings()).extracting(Warning::code, Warning::index)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(WarningCode.EMPTY_TITLE, 1));
    }

    @Test
    void long_titles_are_cut_on_a_code_point_boundary() {
        String title = "a".repeat(Limits.MAX_TITLE_CHARS - 1) + "\uD83C\uDFA7" + "tail";
        ChapterList list = Boundaries.close(marks(0, title, 60_000, "B", 120_000, "C"), null, RULES);
        String cut = list.chapters().get(0).title();
        assertThat(cut.length()).isLessThanOrEqualTo(Limits.MAX_TITLE_CHARS);
        assertThat(Character.isHighSurrogate(cut.charAt(cut.length() - 1))).isFalse();
    }

    @Test
    void given_ends_that_disagree_with_the_next_start_are_replaced_with_a_warning() {
        List<Chapter> marks = Arrays.asList(new Chapter(0, 50_000L, "A", null, null, true),
                new Chapter(60_000, 120_000L, "B", "https://example.com", null, false),
                Chapter.mark(120_000, "C"));
        ChapterList list = Boundaries.close(marks, StatedDuration.exactMs(180_000), RULES);
        assertThat(list.chapters().get(0).endMs()).isEqualTo(60_000L);
        assertThat(list.chapters().get(1).url()).isEqualTo("https://example.com");
        assertThat(list.chapters().get(1).toc()).isFalse();
        assertThat(list.warnings()).extracting(Warning::code, Warning::index)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(WarningCode.END_TIME_MISMATCH, 0));
    }

    @Test
    void null_marks_inside_the_list_are_skipped() {
        ChapterList list = Boundaries.close(Arrays.asList(Chapter.mark(0, "A"), null, Chapter.mark(60_000, "B"),
                Chapter.mark(120_000, "C")), StatedDuration.exactMs(180_000), RULES);
        assertThat(list.chapters()).hasSize(3);
    }

    @Test
    void a_repeated_problem_lists_at_most_a_hundred_warnings_and_counts_the_rest() {
        List<Chapter> many = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            many.add(Chapter.mark(i * 1_000L, "C" + i));
        }
        ChapterList list = Boundaries.close(many, StatedDuration.exactMs(300_000), RULES);
        assertThat(list.warnings()).filteredOn(w -> w.code() == WarningCode.SHORT_CHAPTER)
                .hasSize(Boundaries.MAX_WARNINGS_PER_CODE + 1);
        Warning summary = list.warnings().get(list.warnings().size() - 1);
        assertThat(summary.message()).startsWith("200 more short-chapter");
        assertThat(summary.index()).isNull();
    }

    @Test
    void an_absurd_stated_duration_does_not_overflow() {
        ChapterList list = Boundaries.close(marks(0, "A", 60_000, "B", 120_000, "C"),
                new StatedDuration(Long.MAX_VALUE, Long.MAX_VALUE, "forever"), RULES);
        assertThat(list.chapters().get(2).endMs()).isEqualTo(Long.MAX_VALUE);
        assertThat(list.warnings()).isEmpty();
    }
}

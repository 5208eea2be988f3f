package dev.podclip.chapters.notes;

import dev.podclip.chapters.Chapter;
import dev.podclip.chapters.ChapterEngineException;
import dev.podclip.chapters.ChapterList;
import dev.podclip.chapters.Limits;
import dev.podclip.chapters.StatedDuration;
import dev.podclip.chapters.Timecode;
import dev.podclip.chapters.Warning;
import dev.podclip.chapters.WarningCode;
import dev.podclip.chapters.boundary.BoundaryPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShowNotesTest {

    static ChapterList parse(String notes) {
        return ShowNotes.parseChapters(notes, null, BoundaryPolicy.DEFAULTS);
    }

    static List<Long> starts(ChapterList list) {
        return list.chapters().stream().map(Chapter::startMs).toList();
    }

    static List<String> titles(ChapterList list) {
        return list.chapters().stream().map(Chapter::title).toList();
    }

    static List<Long> timecodes(String notes, Long durationMs) {
        return ShowNotes.findTimecodes(notes, durationMs).stream().map(Timecode::startMs).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "0:00 Welcome\n4:10 Garden news\n1:02:30 Listener mail",
        "00:00 - Welcome\n04:10 - Garden news\n1:02:30 - Listener mail",
        "00:00 – Welcome\n04:10 — Garden news\n01:02:30 | Listener mail",
        "0:00: Welcome\n4:10: Garden news\n1:02:30: Listener mail",
        "[0:00] Welcome\n[4:10] Garden news\n[1:02:30] Listener mail",
        "(00:00) Welcome\n(04:10) Garden news\n(1:02:30) Listener mail",
        "( 00:00 ) Welcome\n(04:10 ) Garden news\n( 1:02:30) Listener mail",
        "1. 00:00 Welcome\n2. 04:10 Garden news\n3. 1:02:30 Listener mail",
        "Welcome 0:00\nGarden news 4:10\nListener mail 1:02:30",
        "1. Welcome 0:00\n2. Garden news 4:10\n3. Listener mail 1:02:30",
        "01 - Welcome (00:00)\n02 - Garden news (04:10)\n03 - Listener mail (01:02:30)",
        "Welcome - 00:00\nGarden news - 04:10\nListener mail - 1:02:30",
        "• 0:00 Welcome\n• 4:10 Garden news\n• 1:02:30 Listener mail",
        "00:00-Welcome\n04:10-Garden news\n01:02:30-Listener mail",
        "00:00:00.000 Welcome\n00:04:10.000 Garden news\n01:02:30.000 Listener mail",
        "Chapters:00:00 - Welcome04:10 - Garden news1:02:30 - Listener mail",
        "Chapters 0:00 – Welcome4:10 – Garden news1:02:30 – Listener mail",
        "Chapters: \u00a000:00 - Welcome \u00a004:10 - Garden news \u00a01:02:30 - Listener mail",
        "<p>Chapters</p><ul><li>0:00 Welcome</li><li>4:10 Garden news</li><li>1:02:30 Listener mail</li></ul>",
        "<p>0:00 Welcome<br>4:10 Garden news<br/>1:02:30 Listener mail</p>",
        "<p><strong>00:00</strong> - Welcome</p><p><strong>04:10</strong> - Garden news</p>"
                + "<p><strong>1:02:30</strong> - Listener mail</p>",
        "(00:00)\n\nWelcome\n\n(04:10)\n\nGarden news\n\n(1:02:30)\n\nListener mail",
        "0:00 Welcome\r\n4:10 Garden news\r\n1:02:30 Listener mail\r\n",
        "0:00 Welcome\r4:10 Garden news\r1:02:30 Listener mail",
        "\tSome intro text.\n\nTimestamps\n0:00 Welcome\n4:10 Garden news\n1:02:30 Listener mail\n\nThanks to our sponsor!",
        "**0:00** Welcome\n**4:10** Garden news\n**1:02:30** Listener mail",
        "0:00 Welcome, 4:10 Garden news, 1:02:30 Listener mail",
        "Timestamps: 0:00 Welcome | 4:10 Garden news | 1:02:30 Listener mail",
        "Welcome (0:00)\nGarden news (4:10)\nListener mail (1:02:30)",
        "1) 0:00 Welcome\n2) 4:10 Garden news\n3) 1:02:30 Listener mail",
        "- [00:00] Welcome\n- [04:10] Garden news\n- [1:02:30] Listener mail",
        "Welcome \u2013 0:00\nGarden news \u2013 4:10\nListener mail \u2013 1:02:30",
    })
    void one_list_in_many_real_formats(String notes) {
        ChapterList list = parse(notes);
        assertThat(titles(list)).as(notes).containsExactly("Welcome", "Garden news", "Listener mail");
        assertThat(starts(list)).as(notes).containsExactly(0L, 250_000L, 3_750_000L);
    }

    @Test
    void run_together_titles_ending_in_digits_take_the_reading_that_keeps_starts_ascending() {
        ChapterList list = parse("Chapters 0:00 – Intro2:12 – Building F13:42 – How F1 works4:01 – Wrap");
        assertThat(titles(list)).containsExactly("Intro", "Building F1", "How F1 works", "Wrap");
        assertThat(starts(list)).containsExactly(0L, 132_000L, 222_000L, 241_000L);
    }

    @Test
    void a_glued_two_digit_field_goes_to_the_time_when_that_keeps_the_order() {
        ChapterList list = parse("Chapters:00:00 - Intro05:00 - The top 1012:13 - Outro");
        assertThat(titles(list)).containsExactly("Intro", "The top 10", "Outro");
        assertThat(starts(list)).containsExactly(0L, 300_000L, 733_000L);
    }

    @Test
    void padding_style_decides_when_both_readings_give_the_same_time() {
        ChapterList padded = parse("Chapters:00:00 - Intro01:00 - The top 1002:13 - Outro");
        assertThat(titles(padded)).containsExactly("Intro", "The top 10", "Outro");
        ChapterList unpadded = parse("Chapters: 0:00 - Intro 1:00 - The top 1002:13 - Outro 9:00 - End");
        assertThat(titles(unpadded)).containsExactly("Intro", "The top 100", "Outro", "End");
    }

    @Test
    void a_digit_ending_title_with_a_space_is_unambiguous() {
        ChapterList list = parse("00:00 Episode 2 recap\n03:15 Next\n05:00 Last");
        assertThat(titles(list)).containsExactly("Episode 2 recap", "Next", "Last");
        ChapterList together = parse("00:00 Episode 2 03:15 Next 05:00 Last");
        assertThat(titles(together)).containsExactly("Episode 2", "Next", "Last");
        assertThat(starts(together)).containsExactly(0L, 195_000L, 300_000L);
    }

    @Test
    void title_first_lines_keep_notes_after_the_time() {
        ChapterList list = parse("Opening 0:45\nSecond song 4:26  (acoustic)\nThird song 1:13:40(first time live)");
        assertThat(titles(list)).containsExactly("Opening", "Second song (acoustic)",
                "Third song (first time live)");
        assertThat(starts(list)).containsExactly(45_000L, 266_000L, 4_420_000L);
        assertThat(list.warnings()).extracting(Warning::code).contains(WarningCode.NO_CHAPTER_AT_ZERO);
    }

    @Test
    void a_time_range_starts_at_its_first_time() {
        ChapterList list = ShowNotes.parseChapters("00:00 - 05:10  warm-up\n05:10 - 12:00  main set\n"
                + "12:00 - 20:00  encore", StatedDuration.exactMs(1_200_000), BoundaryPolicy.DEFAULTS);
        assertThat(titles(list)).containsExactly("warm-up", "main set", "encore");
        assertThat(list.chapters()).extracting(Chapter::endMs).containsExactly(310_000L, 720_000L, 1_200_000L);
        assertThat(list.warnings()).isEmpty();
    }

    @Test
    void urls_in_titles_and_mp4chaps_links() {
        ChapterList list = parse("00:00:00.000 Start\n00:02:00.500 Our sponsor https://example.com/a?b=1 is great\n"
                + "00:05:00.000 Docs <https://docs.example.org/x>");
        assertThat(titles(list)).containsExactly("Start", "Our sponsor https://example.com/a?b=1 is great", "Docs");
        assertThat(starts(list)).containsExactly(0L, 120_500L, 300_000L);
        assertThat(list.chapters().get(2).url()).isEqualTo("https://docs.example.org/x");
    }

    @Test
    void timestamps_inside_urls_are_no_chapters() {
        ChapterList list = parse("See https://example.com/watch/00:10 and https://x.example/12:00\n"
                + "0:00 A\n1:00 B\n2:00 C");
        assertThat(starts(list)).containsExactly(0L, 60_000L, 120_000L);
    }

    @Test
    void track_numbers_are_dropped_only_when_the_list_numbers_its_lines() {
        assertThat(titles(parse("1. Alpha 0:00\n2. Beta 3:00\n3. Gamma 6:00"))).containsExactly("Alpha", "Beta",
                "Gamma");
        assertThat(titles(parse("0:00 Intro\n3:00 7 Habits - review\n6:00 Outro"))).containsExactly("Intro",
                "7 Habits - review", "Outro");
        assertThat(titles(parse("Intro 0:00\n10. Things we loved 3:00\nOutro 6:00"))).containsExactly("Intro",
                "10. Things we loved", "Outro");
    }

    @Test
    void timestamps_in_prose_are_no_chapter_list() {
        assertThat(parse("At 12:30 we get into the weeds, and from 45:10 on it is all questions.").isEmpty())
                .isTrue();
        assertThat(parse("We talk about it at 12:30\nand come back to it at 45:10").isEmpty()).isTrue();
        assertThat(parse("Grizzlies win (8:52), then the Lakers (25:32), then more (35:35).").isEmpty()).isTrue();
        assertThat(parse("Live: Saturday from 13:30 outside the venue!").isEmpty()).isTrue();
        assertThat(parse("Only one 0:00 Intro").isEmpty()).isTrue();
        assertThat(parse("").warnings()).extracting(Warning::code)
                .containsExactly(WarningCode.NO_CHAPTERS, WarningCode.DURATION_UNKNOWN);
        assertThat(parse(null).isEmpty()).isTrue();
    }

    @Test
    void the_longest_block_is_the_chapter_list() {
        ChapterList list = parse("Recorded 10:00 - 11:00 (CET)\n\nSome words.\n\n0:00 A\n1:00 B\n2:00 C\n\n"
                + "More words.\n5:00 stray\n6:00 stray");
        assertThat(titles(list)).containsExactly("A", "B", "C");
    }

    @Test
    void out_of_order_lines_are_sorted() {
        ChapterList list = parse("(00:00) One\n(00:12) Two\n(01:22:33) Five\n(01:02:00) Three\n(01:03:00) Four");
        assertThat(titles(list)).containsExactly("One", "Two", "Three", "Four", "Five");
        assertThat(list.warnings()).extracting(Warning::code).contains(WarningCode.OUT_OF_ORDER);
    }

    @Test
    void a_time_inside_a_title_stays_in_the_title() {
        ChapterList list = parse("12:00 - Intro\n14:00 - The 9:30 meeting\n20:00 - Outro");
        assertThat(titles(list)).containsExactly("Intro", "The 9:30 meeting", "Outro");
    }

    @Test
    void html_entities_and_non_breaking_spaces() {
        ChapterList list = parse("<p>0:00&nbsp;Q&amp;A</p><p>1:00&nbsp;&quot;Quotes&quot;</p><p>2:00 End</p>");
        assertThat(titles(list)).containsExactly("Q&A", "\"Quotes\"", "End");
    }

    @Test
    void angle_bracket_text_is_not_taken_for_html() {
        ChapterList list = parse("00:00:00 Intro <https://a.example>\n00:01:59 Podlove <http://podlove.org/>\n"
                + "00:03:00 End");
        assertThat(titles(list)).containsExactly("Intro", "Podlove", "End");
    }

    @Test
    void the_stated_duration_closes_the_last_chapter() {
        ChapterList list = ShowNotes.parseChapters("0:00 A\n1:00 B\n2:00 C",
                new StatedDuration(180_000, 60_000, "3 min"), null);
        assertThat(list.chapters().get(2).endMs()).isEqualTo(180_000L);
        ChapterList past = ShowNotes.parseChapters("0:00 A\n1:00 B\n5:00 C",
                new StatedDuration(180_000, 60_000, "3 min"), null);
        assertThat(past.chapters().get(2).endMs()).isNull();
        assertThat(past.warnings()).extracting(Warning::code).containsExactly(WarningCode.START_PAST_DURATION);
    }

    @Test
    void input_past_the_limit_is_refused_with_the_engine_exception() {
        String huge = "a".repeat(Limits.MAX_NOTES_CHARS + 1);
        assertThatThrownBy(() -> parse(huge)).isInstanceOf(ChapterEngineException.class)
                .extracting(e -> ((ChapterEngineException) e).code())
                .isEqualTo(ChapterEngineException.ErrorCode.INPUT_TOO_LARGE);
        assertThatThrownBy(() -> ShowNotes.findTimecodes(huge, null)).isInstanceOf(ChapterEngineException.class);
    }

    // ------------------------------------------------------------------------------------------------ timecodes

    @Test
    void timecodes_in_prose_with_offsets() {
        String notes = "We start at 12:30, then (1:02:03) and [4:05] <6:07> end";
        List<Timecode> found = ShowNotes.findTimecodes(notes, null);
        assertThat(found).extracting(Timecode::startMs).containsExactly(750_000L, 3_723_000L, 245_000L, 367_000L);
        assertThat(notes.substring(found.get(1).offset(), found.get(1).offset() + found.get(1).length()))
                .isEqualTo("1:02:03");
    }

    @Test
    void timecodes_must_stand_apart_from_words_and_be_in_range() {
        assertThat(timecodes("Wow0:01 abc 0:01abc 1:60 0:60 60:00 123:01 2:3 1:2:3 00:000", null)).isEmpty();
        assertThat(timecodes("ratio 4:3 or 1:1", null)).isEmpty();
        assertThat(timecodes("v1.2:30 path/12:30 a-1:30", null)).isEmpty();
    }

    @Test
    void two_field_timecodes_are_minutes_and_seconds() {
        assertThat(timecodes("at 10:11 here", null)).containsExactly(611_000L);
        assertThat(timecodes("at 10:11 here", 660_000L)).containsExactly(611_000L);
    }

    @Test
    void timecodes_at_or_past_the_duration_are_no_links() {
        assertThat(timecodes("2:11:12 and 1:00", 7_872_000L)).containsExactly(60_000L);
    }

    @Test
    void html_tags_attributes_links_and_scripts_are_skipped() {
        String html = "<p data-t=\"1:00\">Start 00:00 <a href=\"https://x.example/16:45\">the 16:18 screen</a>"
                + " then <b>2:30</b><script>var t = '3:00';</script><!-- 4:00 --> and 5:00</p>";
        List<Timecode> found = ShowNotes.findTimecodes(html, null);
        assertThat(found).extracting(Timecode::startMs).containsExactly(0L, 150_000L, 300_000L);
        Timecode first = found.get(0);
        assertThat(html.substring(first.offset(), first.offset() + first.length())).isEqualTo("00:00");
    }

    @Test
    void timecodes_of_a_chapter_list_are_every_start() {
        assertThat(timecodes("Chapters:\n0:00 Intro\n2:13 Next\n1:02:03 Last", null))
                .containsExactly(0L, 133_000L, 3_723_000L);
    }

    @Test
    void starts_of_a_run_together_list_are_seek_links_even_when_glued() {
        String notes = "Follow us: https://example.com/12:00\nChapters:00:00 - Intro02:13 - Building F13:42 - How F1 "
                + "works4:01 - Wrap";
        List<Timecode> found = ShowNotes.findTimecodes(notes, null);
        assertThat(found).extracting(Timecode::startMs).containsExactly(0L, 133_000L, 222_000L, 241_000L);
        assertThat(found).extracting(t -> notes.substring(t.offset(), t.offset() + t.length()))
                .containsExactly("00:00", "02:13", "3:42", "4:01");
        assertThat(ShowNotes.findTimecodes(notes, 230_000L)).hasSize(3);
    }

    @Test
    void chapter_starts_in_html_point_into_the_html_and_skip_existing_links() {
        String html = "<p>Chapters:</p><p>0:00&nbsp;&amp; Intro<br>2:13 Next<br><a href=\"#t=4:00\">4:00</a> Linked"
                + "<br>6:00 End</p>";
        List<Timecode> found = ShowNotes.findTimecodes(html, null);
        assertThat(found).extracting(Timecode::startMs).containsExactly(0L, 133_000L, 360_000L);
        assertThat(found).extracting(t -> html.substring(t.offset(), t.offset() + t.length()))
                .containsExactly("0:00", "2:13", "6:00");
    }

    @Test
    void seed_style_notes_link_every_chapter_start() {
        String notes = "Website: https://example.com - find more. Chapters:00:00 - Intro and Preston\u2019s story"
                + "02:13 - How it began06:06 - Making it\u00a0work1:02:01 - Foreign keys";
        assertThat(timecodes(notes, null)).containsExactly(0L, 133_000L, 366_000L, 3_721_000L);
    }

    @Test
    void when_both_readings_fit_a_single_letter_keeps_the_digit_and_a_word_gives_it_to_the_time() {
        ChapterList model = parse("Chapters: 0:00 - Intro with F11:32 - Next");
        assertThat(titles(model)).containsExactly("Intro with F1", "Next");
        assertThat(starts(model)).containsExactly(0L, 92_000L);
        ChapterList acronym = parse("Chapters: 0:00 - All about AI13:20 - Next");
        assertThat(titles(acronym)).containsExactly("All about AI", "Next");
        assertThat(starts(acronym)).containsExactly(0L, 800_000L);
        ChapterList padded = parse("Chapters: 00:00 - Intro with F11:32 - Next");
        assertThat(starts(padded)).containsExactly(0L, 692_000L);
        ChapterList hours = parse("Chapters: 0:00 - A1:00:00 - Firmware v21:16:35 - End");
        assertThat(titles(hours)).containsExactly("A", "Firmware v2", "End");
    }

    @Test
    void html_comments_scripts_styles_and_unknown_markup_are_no_text() {
        ChapterList list = parse("<!-- 9:00 hidden --><style>p{x:1}</style><script>var t='5:00 x';</script>"
                + "<div>0:00 Intro</div><div>1:00&#160;Middle &#x26; more</div><div>2:00 <em>End</em></div>");
        assertThat(titles(list)).containsExactly("Intro", "Middle & more", "End");
        ChapterList unclosed = parse("<p>0:00 A<br>1:00 B<br>2:00 C <a href=\"x");
        assertThat(titles(unclosed)).containsExactly("A", "B", "C");
    }

    @Test
    void run_together_ranges_and_times_with_nothing_to_call_them() {
        ChapterList ranges = ShowNotes.parseChapters("00:00 - 09:24 roots 09:24 - 14:19 images 14:19 - 18:20 finale",
                StatedDuration.exactMs(1_100_000), BoundaryPolicy.DEFAULTS);
        assertThat(titles(ranges)).containsExactly("roots", "images", "finale");
        assertThat(starts(ranges)).containsExactly(0L, 564_000L, 859_000L);
        assertThat(ranges.warnings()).isEmpty();
        assertThat(titles(parse("Chapters: 0:00 Intro 1:00 2:00 Next 3:00 Last"))).containsExactly("Intro", "Next",
                "Last");
        assertThat(parse("Meeting 10:00-11:00 and 14:00-15:00").isEmpty()).isTrue();
        assertThat(parse("The show starts at 8:00 PM and ends 10:00 PM.").isEmpty()).isTrue();
    }

    @Test
    void an_out_of_range_two_digit_field_is_split_only_when_glued() {
        assertThat(parse("0:00 Intro\nOutro 75:30\n80:00 End").chapters()).hasSize(0);
        ChapterList glued = parse("Chapters:0:00 - Intro3:00 - The top 1075:30 - Outro");
        assertThat(titles(glued)).containsExactly("Intro", "The top 107", "Outro");
        assertThat(starts(glued)).containsExactly(0L, 180_000L, 330_000L);
    }

    @Test
    void without_a_duration_the_last_range_end_closes_the_list() {
        ChapterList list = parse("00:00 - 05:10  warm-up\n05:10 - 12:00  main set\n12:00 - 20:00  encore");
        assertThat(list.chapters().get(2).endMs()).isEqualTo(1_200_000L);
        assertThat(list.durationMs()).isEqualTo(1_200_000L);
        assertThat(list.warnings()).isEmpty();
    }
}

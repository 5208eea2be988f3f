package dev.podclip.chapters.notes;

import dev.podclip.chapters.ChapterList;
import dev.podclip.chapters.Warning;
import dev.podclip.chapters.WarningCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static dev.podclip.chapters.notes.ShowNotesTest.parse;
import static dev.podclip.chapters.notes.ShowNotesTest.starts;
import static dev.podclip.chapters.notes.ShowNotesTest.titles;
import static dev.podclip.chapters.notes.ShowNotesTest.timecodes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chapter lists broken by a sponsor line, a remark, a blank paragraph: every chapter whose start keeps ascending
 * across the break belongs to the list; the break's lines never become chapters.
 */
class InterruptedListsTest {

    static final String SPONSORED = "00:00 Intro\n05:00 Setup\nThis episode is sponsored by Acme, visit acme.example\n"
            + "10:00 Deep dive\n20:00 Wrap-up";

    @Test
    void a_sponsor_line_inside_the_list() {
        ChapterList list = parse(SPONSORED);
        assertThat(titles(list)).containsExactly("Intro", "Setup", "Deep dive", "Wrap-up");
        assertThat(starts(list)).containsExactly(0L, 300_000L, 600_000L, 1_200_000L);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // one remark between two chapters
        "0:00 Intro\n4:00 Our guest\n(We lost the audio for a minute here, sorry.)\n9:00 The build\n15:00 Outro",
        // several prose lines
        "0:00 Intro\n4:00 Our guest\nThis episode is brought to you by Acme.\nGo to acme.example/pod for 20% off.\n"
                + "Thanks, Acme!\n9:00 The build\n15:00 Outro",
        // a blank paragraph
        "0:00 Intro\n4:00 Our guest\n\n\n\n9:00 The build\n15:00 Outro",
        // a sponsor paragraph in a list that leaves blank lines between its chapters
        "0:00 Intro\n\n4:00 Our guest\n\nSponsored by Acme.\n\n9:00 The build\n\n15:00 Outro",
        // a sponsor paragraph set off by blank lines on both sides
        "0:00 Intro\n4:00 Our guest\n\nSponsored by Acme.\n\n9:00 The build\n15:00 Outro",
        // a remark with a time in a sentence: a seek link, not a chapter
        "0:00 Intro\n4:00 Our guest\nAt 3:00 he said it all.\n9:00 The build\n15:00 Outro",
        // the first chapter alone before the break
        "0:00 Intro\nToday's sponsor: Acme.\n4:00 Our guest\n9:00 The build\n15:00 Outro",
        // the last chapter alone after the break
        "0:00 Intro\n4:00 Our guest\n9:00 The build\nSponsored by Acme.\n15:00 Outro",
        // two breaks
        "0:00 Intro\nSponsored by Acme.\n4:00 Our guest\n9:00 The build\nSponsored by Bolt.\n15:00 Outro",
        // title-first lines
        "Intro 0:00\nOur guest 4:00\nSponsored by Acme.\nThe build 9:00\nOutro 15:00",
        // run together on both sides
        "Chapters:00:00 - Intro04:00 - Our guest\nSponsored by Acme.\n09:00 - The build15:00 - Outro",
        // HTML paragraphs, an empty one and a sponsor one
        "<p>0:00 Intro</p><p>4:00 Our guest</p><p>&nbsp;</p><p><em>Sponsored by Acme.</em></p>"
                + "<p>9:00 The build</p><p>15:00 Outro</p>",
        // an HTML list broken by a paragraph
        "<ul><li>0:00 Intro</li><li>4:00 Our guest</li></ul><p>Sponsored by Acme.</p>"
                + "<ul><li>9:00 The build</li><li>15:00 Outro</li></ul>",
        // a line break list with a blank paragraph
        "<p>0:00 Intro<br>4:00 Our guest<br><br><br>9:00 The build<br>15:00 Outro</p>",
    })
    void every_chapter_that_keeps_ascending_across_a_break(String notes) {
        ChapterList list = parse(notes);
        assertThat(titles(list)).as(notes).containsExactly("Intro", "Our guest", "The build", "Outro");
        assertThat(starts(list)).as(notes).containsExactly(0L, 240_000L, 540_000L, 900_000L);
    }

    /**
     * Each way a list is broken (one sponsor line, several lines, a blank paragraph, an HTML paragraph, run together on
     * both sides), for titles that end the way prose goes on: a prose word, a short word, a number, an abbreviation.
     */
    static List<String> broken(String a, String b, String c, String d) {
        String sponsor = "This episode is sponsored by Acme, visit acme.example.";
        return List.of(
                "00:00 - " + a + "\n01:30 - " + b + "\n" + sponsor + "\n04:10 - " + c + "\n06:00 - " + d,
                "[00:00] " + a + "\n[01:30] " + b + "\nSponsored by Acme.\nGo to acme.example for 20% off.\n"
                        + "Thanks, Acme!\n[04:10] " + c + "\n[06:00] " + d,
                "0:00 " + a + "\n1:30 " + b + "\n\n\n4:10 " + c + "\n6:00 " + d,
                "0:00 " + a + "\n1:30 " + b + "\n\n" + sponsor + "\n\n4:10 " + c + "\n6:00 " + d,
                "<p>00:00 - " + a + "<br>01:30 - " + b + "</p><p>" + sponsor + "</p><p>04:10 - " + c + "<br>06:00 - "
                        + d + "</p>",
                "Chapters:00:00 - " + a + " 01:30 - " + b + "\n" + sponsor + "\n04:10 - " + c + " 06:00 - " + d);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Intro ab | Bravo ab | Charlie ab | Delta ab",
        "The road to | What it leads to | Made by | Written at",
        "Plan B | Me and U | Part I | Go",
        "Top 5 | Episode 42 | 1999 | End",
        "Cats vs. | Pt. 2 | v1 | Dogs vs.",
    })
    void titles_of_every_ending_in_every_way_a_list_is_broken(String a, String b, String c, String d) {
        for (String notes : broken(a, b, c, d)) {
            ChapterList list = parse(notes);
            assertThat(titles(list)).as(notes).containsExactly(a, b, c, d);
            assertThat(starts(list)).as(notes).containsExactly(0L, 90_000L, 250_000L, 360_000L);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Plan B | Me and U | Part I | Go",
        "Top 5 | Episode 42 | 1999 | End",
        "Cats vs. | Pt. 2 | v1 | Dogs vs.",
    })
    void title_first_lists_broken_by_a_sponsor_line(String a, String b, String c, String d) {
        String notes = a + " 0:00\n" + b + " 1:30\nSponsored by Acme.\n" + c + " 4:10\n" + d + " 6:00";
        ChapterList list = parse(notes);
        assertThat(titles(list)).as(notes).containsExactly(a, b, c, d);
        assertThat(starts(list)).as(notes).containsExactly(0L, 90_000L, 250_000L, 360_000L);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "In the 7:00 segment we go deep.",
        "Watch it at https://youtu.be/x?t=7:00 now",
        "Live 7:00 - 8:00 CET, tickets at acme.example",
        "We talk about it at 7:00, promise.",
    })
    void a_time_in_the_prose_of_a_break_is_no_chapter(String remark) {
        String notes = "0:00 Intro\n5:00 Setup\n" + remark + "\n10:00 Deep dive\n20:00 Wrap-up";
        ChapterList list = parse(notes);
        assertThat(titles(list)).as(notes).containsExactly("Intro", "Setup", "Deep dive", "Wrap-up");
        assertThat(starts(list)).as(notes).containsExactly(0L, 300_000L, 600_000L, 1_200_000L);
    }

    @Test
    void a_time_in_prose_after_the_list_is_no_chapter() {
        ChapterList list = parse("0:00 Intro\n5:00 Setup\n10:00 Deep dive\nThanks for listening!\n"
                + "We go live again at 45:00 past the hour.\nThe full interview runs 1:05:00");
        assertThat(titles(list)).containsExactly("Intro", "Setup", "Deep dive");
    }

    /**
     * Known limit: a title-first line whose title ends in a prose word reads like a sentence ({@code Doors open at
     * 19:30}) and stays one, also in a list; time-first and run-together lists read such titles (above).
     */
    @Test
    void title_first_lines_ending_in_a_prose_word_are_still_sentences() {
        assertThat(parse("Intro ab 0:00\nBravo ab 1:30\nCharlie ab 4:10").isEmpty()).isTrue();
        assertThat(parse("Doors open at 18:00\nMusic from 19:30\nLast call by 23:00").isEmpty()).isTrue();
    }

    @Test
    void the_starts_after_a_break_are_seek_links_and_prose_times_stay_links() {
        assertThat(timecodes(SPONSORED, null)).containsExactly(0L, 300_000L, 600_000L, 1_200_000L);
        assertThat(timecodes("0:00 Intro\n4:00 Our guest\nAt 3:00 he said it all.\n9:00 The build", null))
                .containsExactly(0L, 240_000L, 180_000L, 540_000L);
    }

    @Test
    void a_second_list_that_starts_again_is_a_list_of_its_own() {
        ChapterList first = parse("0:00 A\n5:00 B\n10:00 C\nBonus episode:\n0:00 X\n2:00 Y");
        assertThat(titles(first)).containsExactly("A", "B", "C");
        ChapterList second = parse("0:00 A\n5:00 B\nBonus episode:\n0:00 X\n2:00 Y\n4:00 Z");
        assertThat(titles(second)).containsExactly("X", "Y", "Z");
        ChapterList tie = parse("0:00 A\n5:00 B\nA remark.\n4:00 C\n6:00 D");
        assertThat(titles(tie)).containsExactly("A", "B");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // one blank line
        "0:00 A\n5:00 B\n10:00 C\n\n0:00 X\n2:00 Y",
        // a blank paragraph
        "0:00 A\n5:00 B\n10:00 C\n\n\n\n0:00 X\n2:00 Y",
        // padded the second time, starting where the first did
        "0:30 A\n5:00 B\n10:00 C\n\n00:30 X\n02:00 Y",
        // HTML paragraphs
        "<p>0:00 A<br>5:00 B<br>10:00 C</p><p>0:00 X<br>2:00 Y</p>",
        // run together
        "Chapters:00:00 - A05:00 - B10:00 - C\n\n00:00 - X02:00 - Y",
    })
    void a_second_list_that_starts_again_after_a_blank_paragraph_is_a_list_of_its_own(String notes) {
        ChapterList list = parse(notes);
        assertThat(titles(list)).as(notes).containsExactly("A", "B", "C");
    }

    @Test
    void the_longer_of_two_lists_a_blank_paragraph_apart_is_the_chapter_list() {
        ChapterList list = parse("0:00 A\n5:00 B\n10:00 C\n\n\n00:00 W\n02:00 X\n04:00 Y\n06:00 Z");
        assertThat(titles(list)).containsExactly("W", "X", "Y", "Z");
        assertThat(starts(list)).containsExactly(0L, 120_000L, 240_000L, 360_000L);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // a start that goes back below the last one, but not to the list's start
        "0:00 A\n\n5:00 B\n\n3:00 C\n\n10:00 D",
        // the first chapter listed second
        "(03:00) B\n\n(00:00) A\n\n(05:00) C\n\n(10:00) D",
    })
    void a_list_out_of_order_across_blank_lines_stays_one_list(String notes) {
        ChapterList list = parse(notes);
        assertThat(starts(list)).as(notes).hasSize(4).isSorted();
        assertThat(list.warnings()).as(notes).extracting(Warning::code).contains(WarningCode.OUT_OF_ORDER);
    }

    @Test
    void a_repeat_of_the_first_start_after_a_blank_line_is_no_new_list() {
        ChapterList list = parse("0:00 A\n5:00 B\n10:00 C\n\n0:00 A again");
        assertThat(titles(list)).containsExactly("A", "B", "C");
    }

    @Test
    void a_time_equal_to_the_last_start_does_not_ascend() {
        ChapterList list = parse("0:00 A\n5:00 B\n10:00 C\nA remark.\n10:00 D\n12:00 E");
        assertThat(titles(list)).containsExactly("A", "B", "C");
    }

    @Test
    void text_that_heads_the_lines_below_it_ends_the_list() {
        ChapterList list = parse("0:00 A\n1:00 B\n2:00 C\n\nFrom the archive:\n5:00 X\n6:00 Y");
        assertThat(titles(list)).containsExactly("A", "B", "C");
    }

    @Test
    void a_long_run_of_prose_ends_the_list() {
        String prose = "A line of prose.\n".repeat(ChapterReader.MAX_BREAK_LINES + 1);
        ChapterList list = parse("0:00 A\n1:00 B\n2:00 C\n" + prose + "5:00 X\n6:00 Y");
        assertThat(titles(list)).containsExactly("A", "B", "C");
        String shortProse = "A line of prose.\n".repeat(ChapterReader.MAX_BREAK_LINES);
        ChapterList joined = parse("0:00 A\n1:00 B\n2:00 C\n" + shortProse + "5:00 X\n6:00 Y");
        assertThat(titles(joined)).containsExactly("A", "B", "C", "X", "Y");
    }

    @Test
    void a_line_written_the_other_way_round_after_a_break_is_no_chapter_of_the_list() {
        ChapterList timeFirst = parse("0:00 Intro\n5:00 Talk\n10:00 Outro\nThanks for listening!\n"
                + "Theme: Night drive 58:45");
        assertThat(titles(timeFirst)).containsExactly("Intro", "Talk", "Outro");
        ChapterList titleFirst = parse("Intro 0:00\nTalk 5:00\nOutro 10:00\nThanks for listening!\n"
                + "58:45 is how long the theme runs");
        assertThat(titles(titleFirst)).containsExactly("Intro", "Talk", "Outro");
    }

    @Test
    void prose_before_the_list_is_no_chapter() {
        ChapterList list = parse("We meet at 12:30 today.\nChapters:\n0:00 A\nSponsored by Acme.\n1:00 B\n2:00 C");
        assertThat(titles(list)).containsExactly("A", "B", "C");
    }
}

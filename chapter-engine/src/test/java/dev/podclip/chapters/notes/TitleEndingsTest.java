package dev.podclip.chapters.notes;

import dev.podclip.chapters.ChapterList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.podclip.chapters.notes.ShowNotesTest.parse;
import static dev.podclip.chapters.notes.ShowNotesTest.starts;
import static dev.podclip.chapters.notes.ShowNotesTest.titles;
import static dev.podclip.chapters.notes.ShowNotesTest.timecodes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Titles that end the way prose goes on: in a word that usually leads into a time ("to", "ab", "by"), in a short
 * word, a number or an abbreviation. In a run-together list the next start follows right after such an ending, so
 * the ending must not turn that start into a time inside a sentence.
 */
class TitleEndingsTest {

    @Test
    void every_title_ending_in_a_prose_word_still_splits_a_run_together_list() {
        ChapterList list = parse("00:00 - Intro ab 01:30 - Bravo ab 04:10 - Charlie ab");
        assertThat(titles(list)).containsExactly("Intro ab", "Bravo ab", "Charlie ab");
        assertThat(starts(list)).containsExactly(0L, 90_000L, 250_000L);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "00:00 - The road to 01:30 - What it leads to 04:10 - Where we came from",
        "Chapters: 00:00 – The road to 01:30 – What it leads to 04:10 – Where we came from",
        "[00:00] The road to [01:30] What it leads to [04:10] Where we came from",
        "(00:00) The road to (01:30) What it leads to (04:10) Where we came from",
        "00:00: The road to 01:30: What it leads to 04:10: Where we came from",
        "00:00 | The road to 01:30 | What it leads to 04:10 | Where we came from",
        "<p>Chapters:00:00 - The road to 01:30 - What it leads to 04:10 - Where we came from</p>",
    })
    void prose_word_endings_in_each_way_a_list_is_marked(String notes) {
        ChapterList list = parse(notes);
        assertThat(titles(list)).as(notes).containsExactly("The road to", "What it leads to",
                "Where we came from");
        assertThat(starts(list)).as(notes).containsExactly(0L, 90_000L, 250_000L);
    }

    @Test
    void only_some_titles_ending_in_prose_words() {
        ChapterList list = parse("Chapters: 00:00 - Intro 02:00 - Written by 05:00 - Made at 07:30 - Outro");
        assertThat(titles(list)).containsExactly("Intro", "Written by", "Made at", "Outro");
        assertThat(starts(list)).containsExactly(0L, 120_000L, 300_000L, 450_000L);
    }

    @Test
    void prose_word_endings_on_separate_lines() {
        ChapterList list = parse("00:00 - Intro ab\n01:30 - Bravo ab\n04:10 - Charlie ab");
        assertThat(titles(list)).containsExactly("Intro ab", "Bravo ab", "Charlie ab");
    }

    @Test
    void the_starts_of_such_a_list_are_seek_links() {
        assertThat(timecodes("Chapters:00:00 - Intro ab 01:30 - Bravo ab 04:10 - Charlie ab", null))
                .containsExactly(0L, 90_000L, 250_000L);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Chapters: 00:00 - Plan B 02:00 - Me and U 03:00 - Part I 04:00 - Go",
        "Chapters:00:00 - Plan B02:00 - Me and U03:00 - Part I04:00 - Go",
    })
    void titles_ending_in_short_words(String notes) {
        ChapterList list = parse(notes);
        assertThat(titles(list)).as(notes).containsExactly("Plan B", "Me and U", "Part I", "Go");
        assertThat(starts(list)).as(notes).containsExactly(0L, 120_000L, 180_000L, 240_000L);
    }

    @Test
    void titles_ending_in_numbers() {
        ChapterList list = parse("Chapters: 00:00 - Top 5 02:00 - Episode 42 05:00 - 1999 10:00 - End");
        assertThat(titles(list)).containsExactly("Top 5", "Episode 42", "1999", "End");
        assertThat(starts(list)).containsExactly(0L, 120_000L, 300_000L, 600_000L);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Chapters: 00:00 - Cats vs. 02:00 - Pt. 2 03:00 - v1 04:00 - Dogs vs. 05:00 - End",
        "Chapters:00:00 - Cats vs.02:00 - Pt. 2 03:00 - v1 04:00 - Dogs vs.05:00 - End",
        "00:00 - Cats vs.\n02:00 - Pt. 2\n03:00 - v1\n04:00 - Dogs vs.\n05:00 - End",
    })
    void titles_ending_in_abbreviations(String notes) {
        ChapterList list = parse(notes);
        assertThat(titles(list)).as(notes).containsExactly("Cats vs.", "Pt. 2", "v1", "Dogs vs.", "End");
        assertThat(starts(list)).as(notes).containsExactly(0L, 120_000L, 180_000L, 240_000L, 300_000L);
    }

    @Test
    void a_time_after_a_prose_word_written_unlike_the_list_stays_title_text() {
        ChapterList list = parse("00:00 - Intro: we meet at 05:00 sharp 10:00 - Next 12:00 - Last");
        assertThat(titles(list)).containsExactly("Intro: we meet at 05:00 sharp", "Next", "Last");
        assertThat(starts(list)).containsExactly(0L, 600_000L, 720_000L);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "The show starts at 8:00 PM and ends 10:00 PM.",
        "Doors open at 18:00, music from 19:30 to 23:00.",
        "We talk from 10:00 - 11:00 and again from 14:00 - 15:00",
        "Meet us at 10:00 - bring snacks - or at 11:00 - bring drinks",
    })
    void times_in_sentences_with_prose_words_are_still_no_list(String notes) {
        assertThat(parse(notes).isEmpty()).as(notes).isTrue();
    }
}

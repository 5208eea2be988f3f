package dev.podclip.chapters.time;

import dev.podclip.chapters.StatedDuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

class DurationsTest {

    @ParameterizedTest(name = "{0} = {1} ms, slack {2} ms")
    @CsvSource(delimiter = ';', value = {
        "1h 18m; 4680000; 60000",
        "49 min; 2940000; 60000",
        "1 hr; 3600000; 60000",
        "50 min; 3000000; 60000",
        "3h 11m 53s; 11513000; 0",
        "3h11m53s; 11513000; 0",
        "87 Min.; 5220000; 60000",
        "2 hours, 5 minutes and 9 seconds; 7509000; 0",
        "1HR 3MIN; 3780000; 60000",
        "2hrs 4mins; 7440000; 60000",
        "1.5 hours; 5400000; 60000",
        "45 s; 45000; 0",
        "PT1H18M; 4680000; 60000",
        "PT2H0.5S; 7200500; 0",
        "P0DT0H2M10S; 130000; 0",
        "T12M; 720000; 60000",
        "4680; 4680000; 0",
        "4680.25; 4680250; 0",
        "01:18:00; 4680000; 0",
        "1:02:03; 3723000; 0",
        "00:45; 45000; 0",
        "75:30; 4530000; 0",
        "01:02:03.5; 3723500; 0",
        "1:02:03:04; 93784000; 0",
        "01:02:03:250; 3723250; 0",
    })
    void human_durations(String text, long valueMs, long slackMs) {
        Optional<StatedDuration> parsed = Durations.parseHuman(text);
        assertThat(parsed).as(text).isPresent();
        assertThat(parsed.get().valueMs()).as(text).isEqualTo(valueMs);
        assertThat(parsed.get().slackMs()).as(text).isEqualTo(slackMs);
        assertThat(parsed.get().text()).isEqualTo(text);
    }

    @Test
    void non_breaking_spaces_and_padding_are_spaces() {
        assertThat(Durations.parseHuman("\u00a01h\u00a018m ").map(StatedDuration::valueMs)).contains(4_680_000L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "invalid", "x:y", "1h 2h", "h", "12:", ":30", "1:60", "1:2:60", "P1Y", "PT",
        "-5", "1 fortnight", "101:00:00", "3 hours ago", "NaN", "1e3", "12:34:56:78:90"})
    void not_durations(String text) {
        assertThat(Durations.parseHuman(text)).as(text).isEmpty();
    }

    @Test
    void null_and_huge_inputs_are_no_duration() {
        assertThat(Durations.parseHuman(null)).isEmpty();
        assertThat(Durations.parseHuman("1".repeat(10_000))).isEmpty();
        assertThat(Durations.parseNpt(null)).isEmpty();
        assertThat(Durations.parseTimestamp(null)).isEmpty();
    }

    @Test
    void seconds_as_numbers() {
        assertThat(Durations.ofSeconds(4680)).contains(StatedDuration.exactMs(4_680_000));
        assertThat(Durations.ofSeconds(1.2345).orElseThrow().valueMs()).isEqualTo(1235);
        assertThat(Durations.ofSeconds(0)).contains(StatedDuration.exactMs(0));
        assertThat(Durations.ofSeconds(-1)).isEmpty();
        assertThat(Durations.ofSeconds(Double.NaN)).isEmpty();
        assertThat(Durations.ofSeconds(Double.POSITIVE_INFINITY)).isEmpty();
        assertThat(Durations.ofSeconds(101 * 3600)).isEmpty();
    }

    @ParameterizedTest(name = "npt {0} = {1} ms")
    @CsvSource({
        "1, 1000",
        "2.5, 2500",
        "2.3456, 2345",
        "65, 65000",
        "1:05, 65000",
        "1:5, 65000",
        "75:30.25, 4530250",
        "1:02:03, 3723000",
        "1:2:3.4, 3723400",
        "00:00:00.001, 1",
        "npt:1:02:03.500, 3723500",
        "NPT:12, 12000",
    })
    void normal_play_time(String text, long ms) {
        assertThat(Durations.parseNpt(text)).as(text).isEqualTo(OptionalLong.of(ms));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "1:60", "1:160", "1:61:5", "1:2:3:4", "1.", ".5.", "1:", ":1", "now", "-1",
        "1:02:03,5", "200:00:00"})
    void not_normal_play_time(String text) {
        assertThat(Durations.parseNpt(text)).as(text).isEmpty();
    }

    @ParameterizedTest(name = "timestamp {0} = {1} ms")
    @CsvSource(delimiter = ';', value = {
        "0:00; 0",
        "00:00; 0",
        "2:13; 133000",
        "02:13; 133000",
        "59:59; 3599000",
        "1:02:03; 3723000",
        "01:02:03; 3723000",
        "1:02:01.5; 3721500",
        "12:34.567; 754567",
        "[0:00]; 0",
        "(00:00); 0",
        "( 01:30 ); 90000",
        "[1:02:03]; 3723000",
    })
    void timestamps(String text, long ms) {
        assertThat(Durations.parseTimestamp(text)).as(text).isEqualTo(OptionalLong.of(ms));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1:60", "0:60", "60:00", "75:30", "1:60:00", "1:00:60", "2:3", "1:2:3", "123:01", "0:0",
        ":30", "12:", "1:02:03:04", "[0:00", "0:00)", "(0:00]", "a:bc", "1:023", "12:34.", ""})
    void out_of_range_or_malformed_timestamps_are_no_time(String text) {
        assertThat(Durations.parseTimestamp(text)).as(text).isEmpty();
    }

    @ParameterizedTest(name = "{0} ms = {1}")
    @CsvSource({
        "0, 0:00",
        "999, 0:00",
        "61000, 1:01",
        "3599999, 59:59",
        "3600000, 1:00:00",
        "4681500, 1:18:01",
        "360000000, 100:00:00",
        "-5, 0:00",
    })
    void clock_for_display(long ms, String text) {
        assertThat(Durations.formatClock(ms)).isEqualTo(text);
    }

    @Test
    void display_and_parse_round_trip() {
        for (long seconds = 0; seconds < 5 * 3600; seconds += 37) {
            assertThat(Durations.parseTimestamp(Durations.formatClock(seconds * 1000))).hasValue(seconds * 1000);
        }
    }
}

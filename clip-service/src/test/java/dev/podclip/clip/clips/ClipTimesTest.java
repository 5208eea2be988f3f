package dev.podclip.clip.clips;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClipTimesTest {

    @Test
    void readsClocksAndSeconds() {
        assertThat(ClipTimes.parse("12:53")).hasValue(773_000);
        assertThat(ClipTimes.parse("1:02:01.5")).hasValue(3_721_500);
        assertThat(ClipTimes.parse(" 22:27 ")).hasValue(1_347_000);
        assertThat(ClipTimes.parse("773")).hasValue(773_000);
        assertThat(ClipTimes.parse("773.5")).hasValue(773_500);
        assertThat(ClipTimes.parse("0.125")).hasValue(125);
    }

    @Test
    void refusesWhatIsNoTime() {
        assertThat(ClipTimes.parse("12:60")).isEmpty();
        assertThat(ClipTimes.parse("abc")).isEmpty();
        assertThat(ClipTimes.parse("-5")).isEmpty();
        assertThat(ClipTimes.parse("1.2345")).isEmpty();
        assertThat(ClipTimes.parse("")).isEmpty();
        assertThat(ClipTimes.parse(null)).isEmpty();
        assertThat(ClipTimes.parse("1".repeat(40))).isEmpty();
    }

    @Test
    void readsPairs() {
        assertThat(ClipTimes.parsePair("773,1347")).containsExactly(773_000, 1_347_000);
        assertThat(ClipTimes.parsePair("12:53,22:27")).containsExactly(773_000, 1_347_000);
        assertThat(ClipTimes.parsePair("773")).isNull();
        assertThat(ClipTimes.parsePair("1,2,3")).isNull();
        assertThat(ClipTimes.parsePair("x,2")).isNull();
    }

    @Test
    void writesSecondsWithMillisecondPrecision() {
        assertThat(ClipTimes.seconds(773_000)).isEqualTo("773");
        assertThat(ClipTimes.seconds(773_500)).isEqualTo("773.5");
        assertThat(ClipTimes.seconds(773_250)).isEqualTo("773.25");
        assertThat(ClipTimes.seconds(1)).isEqualTo("0.001");
        assertThat(ClipTimes.seconds(0)).isEqualTo("0");
        assertThat(ClipTimes.clock(773_000)).isEqualTo("12:53");
        assertThat(ClipTimes.length(574_000)).isEqualTo("9:34");
        assertThat(ClipTimes.length(45_500)).isEqualTo("45.5 s");
    }
}

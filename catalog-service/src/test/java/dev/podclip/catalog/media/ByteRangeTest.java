package dev.podclip.catalog.media;

import dev.podclip.support.http.ByteRange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ByteRangeTest {

    @Test
    void resolvesTheThreeForms() {
        assertThat(ByteRange.resolve("bytes=0-9", 100)).isEqualTo(new ByteRange.Partial(new ByteRange(0, 9)));
        assertThat(ByteRange.resolve("bytes=90-", 100)).isEqualTo(new ByteRange.Partial(new ByteRange(90, 99)));
        assertThat(ByteRange.resolve("bytes=-5", 100)).isEqualTo(new ByteRange.Partial(new ByteRange(95, 99)));
        assertThat(ByteRange.resolve("bytes=-500", 100)).isEqualTo(new ByteRange.Partial(new ByteRange(0, 99)));
        assertThat(ByteRange.resolve("bytes=50-500", 100)).isEqualTo(new ByteRange.Partial(new ByteRange(50, 99)));
    }

    @Test
    void unsatisfiableOrIgnored() {
        assertThat(ByteRange.resolve("bytes=100-", 100)).isInstanceOf(ByteRange.Unsatisfiable.class);
        assertThat(ByteRange.resolve("bytes=-0", 100)).isInstanceOf(ByteRange.Unsatisfiable.class);
        assertThat(ByteRange.resolve(null, 100)).isInstanceOf(ByteRange.Whole.class);
        assertThat(ByteRange.resolve("bytes=0-1,5-6", 100)).isInstanceOf(ByteRange.Whole.class);
        assertThat(ByteRange.resolve("items=0-1", 100)).isInstanceOf(ByteRange.Whole.class);
        assertThat(ByteRange.resolve("bytes=9-1", 100)).isInstanceOf(ByteRange.Whole.class);
        assertThat(ByteRange.resolve("bytes=x-", 100)).isInstanceOf(ByteRange.Whole.class);
    }
}

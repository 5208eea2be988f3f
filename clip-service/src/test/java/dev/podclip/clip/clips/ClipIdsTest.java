package dev.podclip.clip.clips;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClipIdsTest {

    private final ClipIds ids = new ClipIds(new SecureRandom());

    @Test
    void shortUrlSafeAndDistinct() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = ids.next();
            assertThat(id).hasSize(ClipIds.LENGTH).matches("[0-9A-Za-z]+");
            assertThat(ClipIds.isWellFormed(id)).isTrue();
            seen.add(id);
        }
        assertThat(seen).hasSize(10_000);
    }

    @Test
    void everyLetterOfTheAlphabetTurnsUp() {
        Set<Character> letters = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            for (char c : ids.next().toCharArray()) {
                letters.add(c);
            }
        }
        assertThat(letters).hasSize(62);
    }

    @Test
    void drawsAgainOnCollisionAndGivesUpEventually() {
        AtomicInteger calls = new AtomicInteger();
        String id = ids.nextFree(candidate -> calls.incrementAndGet() < 3, 5);
        assertThat(calls).hasValue(3);
        assertThat(ClipIds.isWellFormed(id)).isTrue();
        assertThatThrownBy(() -> ids.nextFree(candidate -> true, 5)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void malformedIds() {
        assertThat(ClipIds.isWellFormed("short")).isFalse();
        assertThat(ClipIds.isWellFormed("abc-def_ghi")).isFalse();
        assertThat(ClipIds.isWellFormed(null)).isFalse();
    }
}

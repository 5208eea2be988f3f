package dev.podclip.catalog.common;

import dev.podclip.support.problem.ProblemException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VersionsTest {

    @Test
    void acceptsTheCurrentVersionInEveryForm() {
        assertThatCode(() -> Versions.check(3, "\"3\"", null, true)).doesNotThrowAnyException();
        assertThatCode(() -> Versions.check(3, "W/\"3\"", null, true)).doesNotThrowAnyException();
        assertThatCode(() -> Versions.check(3, "3", null, true)).doesNotThrowAnyException();
        assertThatCode(() -> Versions.check(3, "\"1\", \"3\"", null, true)).doesNotThrowAnyException();
        assertThatCode(() -> Versions.check(3, "*", null, true)).doesNotThrowAnyException();
        assertThatCode(() -> Versions.check(3, null, 3L, true)).doesNotThrowAnyException();
        assertThatCode(() -> Versions.check(3, null, null, false)).doesNotThrowAnyException();
    }

    @Test
    void refusesStaleOrMissingVersions() {
        assertThatThrownBy(() -> Versions.check(3, "\"2\"", null, true))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.status()).isEqualTo(412));
        assertThatThrownBy(() -> Versions.check(3, null, 2L, true))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.status()).isEqualTo(409));
        assertThatThrownBy(() -> Versions.check(3, null, null, true))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.status()).isEqualTo(428));
        assertThatThrownBy(() -> Versions.check(3, "\"abc\"", null, true))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.status()).isEqualTo(400));
    }
}

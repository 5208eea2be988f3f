package dev.podclip.clip.signin;

import dev.podclip.support.problem.ProblemException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReturnPathsTest {

    @Test
    void aPathOfThisServiceIsKeptAndNoneMeansHome() {
        assertThat(ReturnPaths.check("/episodes/0b7c?t=61")).isEqualTo("/episodes/0b7c?t=61");
        assertThat(ReturnPaths.check("/")).isEqualTo("/");
        assertThat(ReturnPaths.check(null)).isEqualTo("/");
        assertThat(ReturnPaths.check("")).isEqualTo("/");
    }

    @Test
    void anythingThatCouldLeaveThisServiceIsRefused() {
        for (String elsewhere : new String[] {"//evil.example", "https://evil.example/", "/\\evil.example",
                "\\\\evil.example", "episodes/1", "/a\tb", "/a\nLocation: x", "/caf\u00e9",
                "/" + "x".repeat(ReturnPaths.MAX_LENGTH)}) {
            assertThatThrownBy(() -> ReturnPaths.check(elsewhere)).as(elsewhere)
                    .isInstanceOf(ProblemException.class);
        }
    }
}

package dev.podclip.clip;

import dev.podclip.testing.ProblemReference;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/problems.md lists exactly the problem types this service answers, with their statuses, titles and meanings
 * (see {@link ProblemReference}); every type is a constant, so the list cannot miss one.
 */
class ProblemTypesTest {

    @Test
    void theProblemReferenceMatchesTheCode() {
        assertThat(ProblemReference.staleFor("clip-service")).isEmpty();
    }

    @Test
    void everyProblemTypeIsAConstant() {
        assertThat(ProblemReference.madeOutsideConstants("dev.podclip")).isEmpty();
    }
}

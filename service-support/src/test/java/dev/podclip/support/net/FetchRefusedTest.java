package dev.podclip.support.net;

import dev.podclip.support.net.FetchRefused.Family;
import dev.podclip.support.net.FetchRefused.Reason;
import dev.podclip.support.problem.ProblemException;
import dev.podclip.support.problem.ProblemType;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FetchRefusedTest {

    static final Family FEEDS = Family.of("feed", "Unusable feed", EnumSet.of(Reason.PRIVATE_ADDRESS, Reason.TIMEOUT));

    @Test
    void aFamilyHasOneTypePerReasonWithTheReasonsStatus() {
        assertThat(FEEDS.types()).extracting(ProblemType::slug)
                .containsExactly("feed-private-address", "feed-timeout");
        assertThat(FEEDS.types()).extracting(ProblemType::title).containsOnly("Unusable feed");
        assertThat(FEEDS.types()).extracting(ProblemType::status).containsExactly(422, 502);
    }

    @Test
    void aRefusalIsAProblemOfItsFamilyNamingItsReason() {
        ProblemException problem = FetchRefused.remote(Reason.TIMEOUT, "no answer within 10 s").problem(FEEDS);
        assertThat(problem.slug()).isEqualTo("feed-timeout");
        assertThat(problem.status()).isEqualTo(502);
        assertThat(problem.getMessage()).isEqualTo("no answer within 10 s");
        assertThat(problem.extensions()).containsEntry("reason", "timeout");
        assertThat(FetchRefused.url(Reason.PRIVATE_ADDRESS, "10.0.0.1").summary())
                .isEqualTo("private-address: 10.0.0.1");
    }

    @Test
    void aReasonIsRaisedWithItsOwnStatusOnlyAndOnlyInAFamilyThatHasIt() {
        assertThatThrownBy(() -> FetchRefused.url(Reason.TIMEOUT, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FetchRefused.remote(Reason.BAD_RANGE, "x").problem(FEEDS))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("bad-range");
    }
}

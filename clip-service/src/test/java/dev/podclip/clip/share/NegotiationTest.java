package dev.podclip.clip.share;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NegotiationTest {

    @Test
    void jsonOnlyWhenPreferred() {
        assertThat(Negotiation.prefersJson("application/json")).isTrue();
        assertThat(Negotiation.prefersJson("application/json, text/plain;q=0.5")).isTrue();
        assertThat(Negotiation.prefersJson("text/html;q=0.5, application/json")).isTrue();
        assertThat(Negotiation.prefersJson("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"))
                .isFalse();
        assertThat(Negotiation.prefersJson("*/*")).isFalse();
        assertThat(Negotiation.prefersJson(null)).isFalse();
        assertThat(Negotiation.prefersJson("text/html, application/json")).isFalse();
        assertThat(Negotiation.prefersJson("application/json;q=0")).isFalse();
    }
}

package dev.podclip.catalog.feeds;

import dev.podclip.support.net.AddressRules;
import dev.podclip.support.net.FetchRefused.Reason;
import dev.podclip.support.net.FetchRefused;
import dev.podclip.support.net.SafeFetcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AddressRulesTest {

    @ParameterizedTest
    @CsvSource({
            "127.0.0.1, loopback", "127.9.9.9, loopback", "::1, loopback",
            "10.1.2.3, private", "172.16.0.1, private", "172.31.255.255, private", "192.168.1.1, private",
            "169.254.169.254, link-local", "fe80::1, link-local",
            "224.0.0.1, multicast", "ff02::1, multicast",
            "0.0.0.0, unspecified", "::, unspecified", "0.1.2.3, unspecified",
            "100.64.0.1, cgnat", "100.127.255.254, cgnat",
            "fc00::1, unique-local", "fd12:3456::1, unique-local",
            "255.255.255.255, reserved", "240.0.0.1, reserved",
            "::ffff:10.0.0.1, private", "::ffff:127.0.0.1, loopback",
            "fec0::1, private"})
    void refusesNonPublicAddresses(String address, String reason) throws UnknownHostException {
        assertThat(AddressRules.refusal(InetAddress.getByName(address), false)).isEqualTo(reason);
    }

    @ParameterizedTest
    @CsvSource({"93.184.216.34", "8.8.8.8", "100.63.255.255", "100.128.0.1", "172.32.0.1", "2606:4700::1111",
            "172.15.255.255"})
    void allowsPublicAddresses(String address) throws UnknownHostException {
        assertThat(AddressRules.refusal(InetAddress.getByName(address), false)).isNull();
    }

    @Test
    void loopbackOnlyWhenAllowedAndNothingElse() throws UnknownHostException {
        assertThat(AddressRules.refusal(InetAddress.getByName("127.0.0.1"), true)).isNull();
        assertThat(AddressRules.refusal(InetAddress.getByName("::1"), true)).isNull();
        assertThat(AddressRules.refusal(InetAddress.getByName("10.0.0.1"), true)).isEqualTo("private");
        assertThat(AddressRules.refusal(InetAddress.getByName("169.254.169.254"), true)).isEqualTo("link-local");
    }

    @Test
    void fetcherRefusesSchemesAndPrivateHostsBeforeConnecting() {
        SafeFetcher fetcher = new SafeFetcher(new SafeFetcher.Limits(Duration.ofSeconds(1), Duration.ofSeconds(1),
                Duration.ofSeconds(2), 5, false));
        assertThatThrownBy(() -> fetcher.check("file:///etc/passwd")).isInstanceOf(FetchRefused.class)
                .hasFieldOrPropertyWithValue("reason", Reason.BAD_SCHEME);
        assertThatThrownBy(() -> fetcher.check("gopher://example.com/")).isInstanceOf(FetchRefused.class)
                .hasFieldOrPropertyWithValue("reason", Reason.BAD_SCHEME);
        assertThatThrownBy(() -> fetcher.check("http://127.0.0.1:8080/feed.xml")).isInstanceOf(FetchRefused.class)
                .hasFieldOrPropertyWithValue("reason", Reason.PRIVATE_ADDRESS).hasMessageContaining("loopback");
        assertThatThrownBy(() -> fetcher.check("http://localhost/feed.xml")).isInstanceOf(FetchRefused.class)
                .hasFieldOrPropertyWithValue("reason", Reason.PRIVATE_ADDRESS);
        assertThatThrownBy(() -> fetcher.check("http://169.254.169.254/latest/meta-data/"))
                .isInstanceOf(FetchRefused.class).hasMessageContaining("link-local");
        assertThatThrownBy(() -> fetcher.check("http://[fd00::1]/feed")).isInstanceOf(FetchRefused.class)
                .hasMessageContaining("unique-local");
        assertThatThrownBy(() -> fetcher.check("http://user:pw@example.com/feed")).isInstanceOf(FetchRefused.class)
                .hasFieldOrPropertyWithValue("reason", Reason.BAD_URL);
        assertThatThrownBy(() -> fetcher.check("http://0x7f000001/feed")).isInstanceOf(FetchRefused.class);
    }
}

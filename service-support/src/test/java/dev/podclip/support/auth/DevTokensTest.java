package dev.podclip.support.auth;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DevTokensTest {

    private static final Path KEYS = Path.of("../dev/jwt");

    @Test
    void signsATokenThePublicKeyVerifies() throws Exception {
        String token = DevTokens.sign(KEYS.resolve("privateKey.pem"), DevTokens.DEV_ISSUER, "ada",
                List.of(Roles.EDITOR), Duration.ofMinutes(5));
        String[] parts = token.split("\\.");

        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(
                Base64.getDecoder().decode(Files.readString(KEYS.resolve("publicKey.pem"))
                        .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "")))));
        verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));

        assertThat(verifier.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
        assertThat(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8))
                .contains("\"groups\":[\"editor\"]", "\"sub\":\"ada\"", "\"iss\":\"" + DevTokens.DEV_ISSUER + "\"");
    }

    @Test
    void refusesLongLivedTokens() {
        assertThatThrownBy(() -> DevTokens.sign(KEYS.resolve("privateKey.pem"), DevTokens.DEV_ISSUER, "ada",
                List.of(Roles.EDITOR), Duration.ofDays(2))).isInstanceOf(IllegalArgumentException.class);
    }
}

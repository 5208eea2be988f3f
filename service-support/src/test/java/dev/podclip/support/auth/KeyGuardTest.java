package dev.podclip.support.auth;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class KeyGuardTest {

    private static final Path DEV_KEY = Path.of("../dev/jwt/publicKey.pem");
    private static final String OTHER_KEY = "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAotherkey";

    private static KeyGuard.Verdict decide(String key, String server, String issuer, boolean allow) {
        return KeyGuard.decide(new KeyGuard.Settings(Optional.ofNullable(key), Optional.ofNullable(server),
                Optional.ofNullable(issuer), allow, true));
    }

    @Test
    void theConstantIsTheRepositorysDevelopmentKey() throws IOException {
        assertThat(PublicKeyFile.pemBody(Files.readString(DEV_KEY))).isEqualTo(KeyGuard.DEVELOPMENT_KEY);
    }

    @Test
    void nothingConfiguredIsRefusedNamingTheSettings() {
        var verdict = decide(null, null, null, false);
        assertThat(verdict.refusals()).singleElement().asString()
                .contains("OIDC_AUTH_SERVER_URL", "JWT_PUBLIC_KEY_LOCATION", "JWT_ISSUER");
        assertThat(decide(" ", "", null, false).refusals()).hasSize(1);
        // Allowing development keys does not make "no verification at all" acceptable.
        assertThat(decide(null, null, null, true).refusals()).hasSize(1);
    }

    @Test
    void theDevelopmentKeyIsRefusedUnlessAllowedAndThenWarned() throws IOException {
        String pem = Files.readString(DEV_KEY);
        assertThat(decide(pem, null, "https://podclip.dev/local", false).refusals()).singleElement().asString()
                .contains("development key", "ALLOW_DEVELOPMENT_KEYS");
        var allowed = decide(pem, null, "https://podclip.dev/local", true);
        assertThat(allowed.refusals()).isEmpty();
        assertThat(allowed.warnings()).singleElement().asString().contains("ALLOW_DEVELOPMENT_KEYS=true");
    }

    @Test
    void aRealKeyNeedsAnIssuer() {
        assertThat(decide(OTHER_KEY, null, null, false).refusals()).singleElement().asString()
                .contains("JWT_ISSUER");
        var fine = decide(OTHER_KEY, null, "https://id.example.com", false);
        assertThat(fine.refusals()).isEmpty();
        assertThat(fine.warnings()).isEmpty();
    }

    @Test
    void verificationConfiguredWhereTheTenantSwitchCannotSeeItIsRefused() {
        var verdict = KeyGuard.decide(new KeyGuard.Settings(Optional.empty(),
                Optional.of("https://id.example.com"), Optional.empty(), false, false));
        assertThat(verdict.refusals()).singleElement().asString().contains("quarkus-oidc is off");
    }

    @Test
    void anIssuerUrlAloneIsTheProductionOption() {
        var verdict = decide(null, "https://id.example.com/realms/podclip", null, false);
        assertThat(verdict.refusals()).isEmpty();
        assertThat(verdict.warnings()).isEmpty();
    }

    @Test
    void aKeyFileBecomesTheOidcPublicKey() {
        var source = new PublicKeyFile(DEV_KEY.toString(), true);
        assertThat(source.getValue("quarkus.oidc.public-key")).isEqualTo(KeyGuard.DEVELOPMENT_KEY);
        assertThat(source.getValue("podclip.auth.configured")).isEqualTo("true");
        var none = new PublicKeyFile(null, false);
        assertThat(none.getPropertyNames()).containsExactly("podclip.auth.configured");
        assertThat(none.getValue("podclip.auth.configured")).isEqualTo("false");
    }
}

package dev.podclip.support.auth;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Refuses to start a production service that would accept tokens nobody should be able to mint: no verification key
 * and no issuer configured, the repository's development key (its private half is committed), or a key with no
 * expected issuer. {@code ALLOW_DEVELOPMENT_KEYS=true} lets the local stack and the tests through, with a warning.
 * Startup observers run before the HTTP socket opens, so a refused service never answers a request.
 * docs/security.md, "Keys"; tested by KeyGuardTest and ProductionKeysIT.
 */
@ApplicationScoped
public class KeyGuard {

    private static final Logger LOG = Logger.getLogger(KeyGuard.class);
    /** The body of dev/jwt/publicKey.pem: public, and the one key a production service must never trust. */
    static final String DEVELOPMENT_KEY = "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA3rK7dfUmDx9nIfzQrDmA"
            + "7IGc/3mG+T7Tmt1eJMam3oZxR10JpNwD+72fGzOO5QmOFSLIQJ4qo+pVMw7vqFdp"
            + "bcbL1H6pZ5zyVlxaPNFXfoZ3fH8f/KBfSN5TIhicTbCJR5eTvGrxzreXlGXqR/tY"
            + "UNCvXmadKF5TwtemTAhKYqPieVZJHNtL+5h79mGBdq/l3o4FD/v220X3K4c+ztez"
            + "RMO7Mx+jAnZkS2lnn1dgeq6CsLOYN2iphu1V2bNxzMI3jptMmmr2Yi135FDqkU19"
            + "YWvg+8UGZudD5j4lhgxtf0kdYhNR7N7fwHyYv5MPDXwXsZgl9c3t4v0VtxmDDT2Z"
            + "YwIDAQAB";

    /** What verifies tokens, as configured. */
    public record Settings(Optional<String> publicKey, Optional<String> authServerUrl, Optional<String> issuer,
                           boolean allowDevelopmentKeys, boolean tenantEnabled) {
    }

    /** What to do: refusals (the service must not start) and warnings (it starts, saying so). */
    public record Verdict(List<String> refusals, List<String> warnings) {
    }

    void check(@Observes @Priority(1) StartupEvent event) {
        if (LaunchMode.current() != LaunchMode.NORMAL) {
            return;
        }
        var config = ConfigProvider.getConfig();
        Settings settings = new Settings(
                config.getOptionalValue("quarkus.oidc.public-key", String.class),
                config.getOptionalValue("quarkus.oidc.auth-server-url", String.class),
                config.getOptionalValue("quarkus.oidc.token.issuer", String.class),
                config.getOptionalValue("podclip.allow-development-keys", Boolean.class).orElse(false),
                config.getOptionalValue("quarkus.oidc.tenant-enabled", Boolean.class).orElse(true));
        Verdict verdict = decide(settings);
        verdict.warnings().forEach(LOG::warn);
        if (!verdict.refusals().isEmpty()) {
            String message = "Refusing to start: " + String.join("; ", verdict.refusals());
            LOG.error(message);
            throw new IllegalStateException(message);
        }
    }

    /** The rule, pure: which settings make tokens forgeable, and what a development run should be told. */
    public static Verdict decide(Settings settings) {
        List<String> refusals = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        boolean key = settings.publicKey().filter(k -> !k.isBlank()).isPresent();
        boolean server = settings.authServerUrl().filter(u -> !u.isBlank()).isPresent();
        boolean issuer = settings.issuer().filter(i -> !i.isBlank()).isPresent();
        boolean developmentKey = key && PublicKeyFile.pemBody(settings.publicKey().get()).equals(DEVELOPMENT_KEY);
        if (!key && !server) {
            refusals.add("no token verification is configured: set OIDC_AUTH_SERVER_URL to your identity provider, "
                    + "or JWT_PUBLIC_KEY_LOCATION to its public key file and JWT_ISSUER to its issuer");
        }
        if (developmentKey && !settings.allowDevelopmentKeys()) {
            refusals.add("JWT_PUBLIC_KEY_LOCATION is the repository's development key (dev/jwt), whose private key "
                    + "is public; configure your identity provider's key, or set ALLOW_DEVELOPMENT_KEYS=true on a "
                    + "developer's machine only");
        }
        if (key && !server && !issuer && !settings.allowDevelopmentKeys()) {
            refusals.add("JWT_PUBLIC_KEY_LOCATION is set without JWT_ISSUER: tokens of any issuer signed with that "
                    + "key would be accepted");
        }
        if ((key || server) && !settings.tenantEnabled()) {
            refusals.add("token verification is configured, but not through JWT_PUBLIC_KEY_LOCATION, "
                    + "OIDC_AUTH_SERVER_URL, QUARKUS_OIDC_PUBLIC_KEY or QUARKUS_OIDC_AUTH_SERVER_URL, so quarkus-oidc "
                    + "is off (podclip.auth.configured=false): every token would be refused");
        }
        if (settings.allowDevelopmentKeys()) {
            warnings.add("ALLOW_DEVELOPMENT_KEYS=true: development keys are accepted; never set this in production");
        }
        return new Verdict(List.copyOf(refusals), List.copyOf(warnings));
    }
}

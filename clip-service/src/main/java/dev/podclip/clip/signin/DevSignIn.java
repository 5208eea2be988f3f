package dev.podclip.clip.signin;

import dev.podclip.support.auth.DevTokens;
import dev.podclip.support.auth.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Whether the development sign-in is on, and the tokens it signs. */
@ApplicationScoped
public class DevSignIn {

    /** Long enough for an afternoon of making clips; a reload signs in again. */
    public static final Duration TOKEN_TTL = Duration.ofHours(1);
    public static final String SUBJECT = "dev-editor";

    @Inject
    DevSignInConfig config;
    @ConfigProperty(name = "podclip.allow-development-keys", defaultValue = "false")
    boolean developmentKeysAllowed;
    /** Optional: a production service may verify tokens without an issuer setting, and must still start (KeyGuard). */
    @ConfigProperty(name = "quarkus.oidc.token.issuer")
    Optional<String> issuer;

    /** On only when asked for and development keys are allowed: never by accident in production. */
    public boolean enabled() {
        return config.enabled() && developmentKeysAllowed;
    }

    /** An editor's token for the local stack. */
    String editorToken() {
        return DevTokens.sign(Path.of(config.privateKeyLocation()), issuer.orElse(DevTokens.DEV_ISSUER), SUBJECT, List.of(Roles.EDITOR), TOKEN_TTL);
    }
}

package dev.podclip.clip.signin;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The development-only sign-in of the episode page's "Save as clip" (docs/security.md, "Development sign-in"). Off
 * unless enabled, and it works only where development keys are allowed as well: a production service verifies tokens
 * with its identity provider's key, which the repository's private key does not match.
 */
@ConfigMapping(prefix = "clip.dev-sign-in")
public interface DevSignInConfig {

    /**
     * Whether {@code POST /dev/sign-in} hands out editor tokens signed with the repository's development key, for the
     * local stack. Development only: it also needs {@code ALLOW_DEVELOPMENT_KEYS=true}.
     */
    @WithDefault("false")
    boolean enabled();

    /** The development private key that signs those tokens (the repository's dev/jwt/privateKey.pem). */
    @WithDefault("dev/jwt/privateKey.pem")
    String privateKeyLocation();
}

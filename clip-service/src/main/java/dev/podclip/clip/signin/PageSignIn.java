package dev.podclip.clip.signin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How a person on the episode page becomes an editor who may save clips: through the identity provider's sign-in
 * when one is configured ({@code OIDC_SIGN_IN}), else through the development sign-in when that is on, else not at
 * all (the page then offers only share links, which need no sign-in).
 */
@ApplicationScoped
public class PageSignIn {

    /** The ways, in the order they are preferred: a real identity provider wins over the development key. */
    public enum Way { IDENTITY_PROVIDER, DEVELOPMENT, NONE }

    @ConfigProperty(name = "quarkus.oidc.pages.tenant-enabled", defaultValue = "false")
    boolean identityProvider;
    @Inject
    DevSignIn development;

    public Way way() {
        if (identityProvider) {
            return Way.IDENTITY_PROVIDER;
        }
        return development.enabled() ? Way.DEVELOPMENT : Way.NONE;
    }
}

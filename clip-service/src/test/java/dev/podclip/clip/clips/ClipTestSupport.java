package dev.podclip.clip.clips;

import dev.podclip.support.auth.DevTokens;
import dev.podclip.support.auth.Roles;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Tokens for clip tests, signed with the repository's dev key. */
public final class ClipTestSupport {

    static final Path PRIVATE_KEY = Path.of("../dev/jwt/privateKey.pem");

    private ClipTestSupport() {
    }

    public static String token(String... roles) {
        return DevTokens.sign(PRIVATE_KEY, DevTokens.DEV_ISSUER, "alice@podclip.test", List.of(roles),
                Duration.ofMinutes(10));
    }

    public static String editor() {
        return token(Roles.EDITOR);
    }
}

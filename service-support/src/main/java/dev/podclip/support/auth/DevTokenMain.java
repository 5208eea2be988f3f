package dev.podclip.support.auth;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code bin/stack token --role editor [--role admin] [--subject NAME] [--ttl-minutes N] [--key PEM]}: prints a
 * development token on standard output.
 */
public final class DevTokenMain {

    private DevTokenMain() {
    }

    public static void main(String[] args) {
        List<String> roles = new ArrayList<>();
        String subject = "dev";
        long ttlMinutes = 12 * 60;
        Path key = Path.of("dev/jwt/privateKey.pem");
        String issuer = DevTokens.DEV_ISSUER;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--role" -> roles.add(require(value, "--role"));
                case "--subject" -> subject = require(value, "--subject");
                case "--ttl-minutes" -> ttlMinutes = Long.parseLong(require(value, "--ttl-minutes"));
                case "--key" -> key = Path.of(require(value, "--key"));
                case "--issuer" -> issuer = require(value, "--issuer");
                default -> fail("unknown option " + args[i]);
            }
            i++;
        }
        if (roles.isEmpty()) {
            fail("name at least one --role (" + Roles.EDITOR + ", " + Roles.ADMIN + ")");
        }
        System.out.println(DevTokens.sign(key, issuer, subject, roles, Duration.ofMinutes(ttlMinutes)));
    }

    private static String require(String value, String option) {
        if (value == null) {
            fail(option + " needs a value");
        }
        return value;
    }

    private static void fail(String message) {
        System.err.println("token: " + message);
        System.exit(2);
    }
}

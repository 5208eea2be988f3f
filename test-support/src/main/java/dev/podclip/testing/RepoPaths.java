package dev.podclip.testing;

import java.nio.file.Path;

/**
 * Where the repository and the build artifacts (logs, screenshots, reports) are, as the build passes them in
 * ({@code podclip.root}, {@code podclip.artifacts}; failsafe sets both).
 */
public final class RepoPaths {

    private RepoPaths() {
    }

    public static Path root() {
        return Path.of(System.getProperty("podclip.root", "..")).toAbsolutePath().normalize();
    }

    public static Path artifacts() {
        return Path.of(System.getProperty("podclip.artifacts", root().resolve("build-artifacts").toString()));
    }
}

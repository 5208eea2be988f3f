package dev.podclip.e2e;

import java.nio.file.Path;

/** Where the repository and the build artifacts (logs, screenshots) are, as the build passes them in. */
final class Paths {

    private Paths() {
    }

    static Path root() {
        return Path.of(System.getProperty("e2e.root", "..")).toAbsolutePath().normalize();
    }

    static Path artifacts() {
        return Path.of(System.getProperty("e2e.artifacts", root().resolve("build-artifacts").toString()));
    }
}

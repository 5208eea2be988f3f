package dev.podclip.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A generated section of a document, between {@code <!-- name:start -->} and {@code <!-- name:end -->}: the
 * references that must not drift from the code (configuration, problem types) compare it with what the code says.
 */
final class DocSection {

    private DocSection() {
    }

    /**
     * @param document      the Markdown file, relative to the repository
     * @param writeProperty the system property that, when true, rewrites a stale section instead of failing
     * @return null when the section is {@code expected} (or was rewritten to it), else {@code expected}
     */
    static String check(Path document, String name, String expected, String writeProperty) {
        Path file = RepoPaths.root().resolve(document);
        String text = read(file);
        String start = "<!-- " + name + ":start -->\n";
        String end = "<!-- " + name + ":end -->";
        int from = text.indexOf(start);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalStateException(document + " has no " + start.strip() + " … " + end + " section");
        }
        if (text.substring(from + start.length(), to).equals(expected)) {
            return null;
        }
        if (Boolean.getBoolean(writeProperty)) {
            write(file, text.substring(0, from + start.length()) + expected + text.substring(to));
            return null;
        }
        return expected;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

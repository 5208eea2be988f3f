package dev.podclip.e2e;

import dev.podclip.testing.RepoPaths;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml cannot run on the build machines (no Docker), so what can be checked here is: every file it
 * names exists, and every variable it sets on a service is read by that service (its application.properties or the
 * shared service-support code).
 */
class ComposeFileTest {

    private static final Path ROOT = RepoPaths.root();
    private static final Pattern FILE = Pattern.compile("(?:^|[\\s:{-])\\.?/?((?:docker|dev)/[\\w./-]+)");
    private static final Pattern SERVICE = Pattern.compile("^  ([\\w-]+):\\s*$");
    private static final Pattern VARIABLE = Pattern.compile("^      ([A-Z][A-Z0-9_]+):");

    @Test
    void everyFileItNamesExists() throws IOException {
        List<String> missing = new ArrayList<>();
        int named = 0;
        for (String line : Files.readAllLines(ROOT.resolve("docker-compose.yml"))) {
            Matcher file = FILE.matcher(line.replaceAll("#.*", ""));
            while (file.find()) {
                named++;
                if (!Files.exists(ROOT.resolve(file.group(1)))) {
                    missing.add(file.group(1));
                }
            }
        }
        assertThat(named).isGreaterThanOrEqualTo(3);
        assertThat(missing).isEmpty();
    }

    @Test
    void everyVariableItSetsOnAServiceIsRead() throws IOException {
        String support = sources(ROOT.resolve("service-support/src/main/java"));
        List<String> unread = new ArrayList<>();
        String service = null;
        for (String line : Files.readAllLines(ROOT.resolve("docker-compose.yml"))) {
            Matcher name = SERVICE.matcher(line);
            if (name.matches()) {
                service = name.group(1);
                continue;
            }
            Matcher variable = VARIABLE.matcher(line);
            Path properties = service == null ? null
                    : ROOT.resolve(service).resolve("src/main/resources/application.properties");
            if (variable.find() && properties != null && Files.exists(properties)) {
                String key = variable.group(1);
                boolean read = Files.readString(properties).contains("${" + key)
                        || support.contains("\"" + key + "\"")
                        || mapped(key, sources(ROOT.resolve(service).resolve("src/main/java")));
                if (!read) {
                    unread.add(service + ": " + key);
                }
            }
        }
        assertThat(unread).isEmpty();
    }

    /**
     * Whether a @ConfigMapping of the service reads {@code key} by SmallRye's environment mapping, e.g.
     * CLIP_PUBLIC_BASE_URL for {@code publicBaseUrl()} under {@code prefix = "clip"}.
     */
    private static boolean mapped(String key, String sources) {
        String[] parts = key.toLowerCase(java.util.Locale.ROOT).split("_");
        StringBuilder method = new StringBuilder(parts.length > 1 ? parts[1] : "");
        for (int i = 2; i < parts.length; i++) {
            method.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
        }
        return parts.length > 1 && sources.contains("prefix = \"" + parts[0] + "\"")
                && sources.contains(" " + method + "()");
    }

    private static String sources(Path root) throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                all.append(Files.readString(file));
            }
        }
        return all.toString();
    }
}

package dev.podclip.e2e;

import dev.podclip.testing.RepoPaths;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * docker-compose.yml cannot run on the build machines (no Docker daemon), so what is checked is: every file it names
 * exists, every variable it sets on a service is read by that service (its application.properties or the shared
 * service-support code), and, where a Docker CLI with Compose is installed, that {@code docker compose config} accepts
 * it with every profile (skipped, saying why, where it is not).
 */
class ComposeFileTest {

    private static final Path ROOT = RepoPaths.root();
    private static final Pattern FILE = Pattern.compile("(?:^|[\\s:{-])\\.?/?((?:docker|dev)/[\\w./-]+)");
    private static final Pattern SERVICE = Pattern.compile("^  ([\\w-]+):\\s*$");
    private static final Pattern VARIABLE = Pattern.compile("^      ([A-Z][A-Z0-9_]+):");
    /** Compose reads and checks a file in well under a second; the bound is for a CLI that hangs. */
    private static final Duration COMPOSE_TIMEOUT = Duration.ofSeconds(60);
    /** The file's optional profiles: config checks only the services of the profiles it is given. */
    private static final List<String> PROFILES = List.of("observability");

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

    @Test
    void composeAcceptsItWhereItIsInstalled() throws IOException, InterruptedException {
        List<String> compose = composeCommand();
        assumeTrue(compose != null, "no Docker CLI with Compose here (neither `docker compose version` nor"
                + " `docker-compose version` answers), so `docker compose config` cannot check the file");
        List<String> command = new ArrayList<>(compose);
        command.addAll(List.of("--project-directory", ROOT.toString(), "-f", "docker-compose.yml"));
        for (String profile : PROFILES) {
            command.addAll(List.of("--profile", profile));
        }
        command.addAll(List.of("config", "--quiet"));
        Run run = run(command);
        assertThat(run.exitCode()).as("%s said:%n%s", String.join(" ", command), run.output()).isZero();
    }

    /** {@code docker compose} (the plugin) or {@code docker-compose} (the standalone tool), or null for neither. */
    private static List<String> composeCommand() throws IOException, InterruptedException {
        for (List<String> candidate : List.of(List.of("docker", "compose"), List.of("docker-compose"))) {
            List<String> version = new ArrayList<>(candidate);
            version.add("version");
            Run run = run(version);
            if (run != null && run.exitCode() == 0) {
                return candidate;
            }
        }
        return null;
    }

    private record Run(int exitCode, String output) {
    }

    /** Runs a command in the repository's root; null when the program is not installed or does not finish. */
    private static Run run(List<String> command) throws IOException, InterruptedException {
        Path output = Files.createTempFile("compose", ".txt");
        try {
            Process process;
            try {
                process = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true)
                        .redirectOutput(output.toFile()).start();
            } catch (IOException notInstalled) {
                return null;
            }
            if (!process.waitFor(COMPOSE_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return null;
            }
            return new Run(process.exitValue(), Files.readString(output));
        } finally {
            Files.deleteIfExists(output);
        }
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

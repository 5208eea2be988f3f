package dev.podclip.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The child JVM's main: formats the KRaft storage when it is new, then runs {@code kafka.Kafka}.
 *
 * <p>It also watches its standard input: when the parent that forked it dies (even by SIGKILL), the pipe closes and
 * the broker shuts down cleanly, so test runs that crash never leave brokers behind.
 *
 * <p>Arguments: {@code <server.properties> <cluster-id> [--watch-stdin]}.
 */
public final class BrokerProcess {

    private BrokerProcess() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: BrokerProcess <server.properties> <cluster-id> [--watch-stdin]");
            System.exit(2);
        }
        Path config = Path.of(args[0]);
        formatIfNew(config, args[1]);
        if (args.length > 2 && "--watch-stdin".equals(args[2])) {
            watchParent();
        }
        kafka.Kafka.main(new String[] {config.toString()});
    }

    private static void formatIfNew(Path config, String clusterId) throws IOException {
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(config, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        Path logDir = Path.of(properties.getProperty("log.dirs"));
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exitCode = kafka.tools.StorageTool.execute(
                new String[] {"format", "-t", clusterId, "-c", config.toString(), "--ignore-formatted"},
                new PrintStream(output, true, StandardCharsets.UTF_8));
        if (exitCode != 0) {
            System.err.println("storage format failed: " + output.toString(StandardCharsets.UTF_8));
            System.exit(exitCode);
        }
    }

    private static void watchParent() {
        Thread watcher = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // The parent writes nothing; any byte is ignored. Only end of stream matters.
                }
            } catch (IOException ignored) {
                // A broken pipe means the same as end of stream.
            }
            System.exit(0);
        }, "parent-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }
}

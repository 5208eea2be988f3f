package dev.podclip.kafka;

import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code bin/stack}'s broker: runs one on fixed ports with a persistent data folder in this very JVM (no launcher
 * process beside it), prints the bootstrap address once it answers, and stays in the foreground until killed (Kafka's
 * own shutdown hook then stops it cleanly).
 *
 * <p>Arguments: {@code --data-dir DIR --port N --controller-port N [--partitions N]}.
 */
public final class BrokerMain {

    /** How long the broker may take to answer before the command gives up. */
    static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    /** The heap is the command line's -Xmx here (one JVM); the forked brokers' option is not used. */
    static final int MAX_HEAP_MB_UNUSED = 64;

    private BrokerMain() {
    }

    public static void main(String[] args) throws java.io.IOException {
        Path dataDir = Path.of(value(args, "--data-dir", ".stack/kafka"));
        int port = Integer.parseInt(value(args, "--port", "9092"));
        int controllerPort = Integer.parseInt(value(args, "--controller-port", "9093"));
        int partitions = Integer.parseInt(value(args, "--partitions", "6"));
        LocalKafkaBroker.Options options = new LocalKafkaBroker.Options(dataDir, port, controllerPort, partitions,
                MAX_HEAP_MB_UNUSED, START_TIMEOUT, false);
        String[] brokerArgs = LocalKafkaBroker.prepareInProcess(options);
        String bootstrap = "127.0.0.1:" + port;
        Thread announcer = new Thread(() -> {
            if (LocalKafkaBroker.awaitAnswer(bootstrap, START_TIMEOUT, () -> { })) {
                System.out.println("kafka ready bootstrap=" + bootstrap + " data=" + dataDir.toAbsolutePath());
                System.out.flush();
            } else {
                System.err.println("kafka broker not ready within " + START_TIMEOUT);
                System.exit(1);
            }
        }, "kafka-ready-announcer");
        announcer.setDaemon(true);
        announcer.start();
        BrokerProcess.main(brokerArgs);
    }

    private static String value(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}

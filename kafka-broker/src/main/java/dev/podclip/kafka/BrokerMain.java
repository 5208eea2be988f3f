package dev.podclip.kafka;

import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code bin/stack}'s broker: starts one on fixed ports with a persistent data folder, prints the bootstrap address,
 * and stays in the foreground until killed (then stops the broker cleanly).
 *
 * <p>Arguments: {@code --data-dir DIR --port N --controller-port N [--partitions N]}.
 */
public final class BrokerMain {

    private BrokerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path dataDir = Path.of(value(args, "--data-dir", ".stack/kafka"));
        int port = Integer.parseInt(value(args, "--port", "9092"));
        int controllerPort = Integer.parseInt(value(args, "--controller-port", "9093"));
        int partitions = Integer.parseInt(value(args, "--partitions", "6"));
        LocalKafkaBroker broker = LocalKafkaBroker.start(new LocalKafkaBroker.Options(
                dataDir, port, controllerPort, partitions, 768, Duration.ofSeconds(90), false));
        Runtime.getRuntime().addShutdownHook(new Thread(broker::stop, "kafka-broker-shutdown"));
        System.out.println("kafka ready bootstrap=" + broker.bootstrapServers() + " log=" + broker.logFile());
        System.out.flush();
        int exit = broker.waitFor();
        System.err.println("kafka broker exited with " + exit + "; see " + broker.logFile());
        System.exit(exit == 0 ? 0 : 1);
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

package dev.podclip.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Apache Kafka broker in KRaft combined mode (broker and controller in one node), forked as its own JVM from
 * the jars Maven resolved for this module.
 *
 * <p>Ports and the data folder are fixed when the object is made, so {@link #stop()} then {@link #start()} brings the
 * same broker back with its data: that is how tests simulate an outage.
 */
public final class LocalKafkaBroker implements AutoCloseable {

    /** Longest wait for a started broker to answer; it is ready in about 3 s on the project's machines. */
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(60);
    /** Longest wait for a clean shutdown before the process is killed. */
    public static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
    private static final String CLASSPATH_RESOURCE = "broker-classpath.txt";
    private static final int LOG_TAIL_LINES = 30;

    private static LocalKafkaBroker shared;

    private final Options options;
    private final String clusterId;
    private Process process;

    /**
     * @param dataDir         where the broker keeps its logs and metadata
     * @param brokerPort      the client listener's port (0: a free one is chosen once)
     * @param controllerPort  the controller listener's port (0: a free one is chosen once)
     * @param defaultPartitions partitions of topics created without a count
     * @param maxHeapMb       the child JVM's heap
     * @param startTimeout    how long {@link #start()} waits for readiness
     * @param deleteOnClose   delete {@code dataDir} on {@link #close()} (temporary brokers of tests)
     * @param extraListeners  more client listeners, each advertising another address (a proxy in front of it)
     */
    public record Options(Path dataDir, int brokerPort, int controllerPort, int defaultPartitions, int maxHeapMb,
                          Duration startTimeout, boolean deleteOnClose, List<Listener> extraListeners) {

        public Options {
            Objects.requireNonNull(dataDir, "dataDir");
            Objects.requireNonNull(startTimeout, "startTimeout");
            extraListeners = List.copyOf(extraListeners);
            if (brokerPort < 0 || controllerPort < 0 || defaultPartitions < 1 || maxHeapMb < 64) {
                throw new IllegalArgumentException("bad broker options");
            }
        }

        public Options(Path dataDir, int brokerPort, int controllerPort, int defaultPartitions, int maxHeapMb,
                       Duration startTimeout, boolean deleteOnClose) {
            this(dataDir, brokerPort, controllerPort, defaultPartitions, maxHeapMb, startTimeout, deleteOnClose,
                    List.of());
        }

        /** The same options with client listeners added. */
        public Options withListeners(List<Listener> listeners) {
            return new Options(dataDir, brokerPort, controllerPort, defaultPartitions, maxHeapMb, startTimeout,
                    deleteOnClose, listeners);
        }

        /** A broker for one test JVM: a temporary folder and free ports, deleted on close. */
        public static Options temporary() {
            try {
                return new Options(Files.createTempDirectory("kafka-broker-"), 0, 0, 3, 512,
                        DEFAULT_START_TIMEOUT, true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * A client listener of its own: the broker listens on {@code port} and tells clients that connected there to come
     * back at {@code advertisedPort} (where a proxy forwards to {@code port}). Fault tests put a proxy per service in
     * front of the broker this way; every client keeps talking through its proxy after bootstrap.
     *
     * @param name upper-case listener name, e.g. {@code CLIP}
     */
    public record Listener(String name, int port, int advertisedPort) {
        public Listener {
            if (!name.matches("[A-Z][A-Z0-9_]{0,30}") || port < 1 || advertisedPort < 1
                    || List.of("PLAINTEXT", "CONTROLLER").contains(name)) {
                throw new IllegalArgumentException("bad listener " + name + " " + port + " " + advertisedPort);
            }
        }
    }

    private LocalKafkaBroker(Options options) {
        int brokerPort = options.brokerPort() == 0 ? freePort() : options.brokerPort();
        int controllerPort = options.controllerPort() == 0 ? freePort() : options.controllerPort();
        this.options = new Options(options.dataDir().toAbsolutePath(), brokerPort, controllerPort,
                options.defaultPartitions(), options.maxHeapMb(), options.startTimeout(), options.deleteOnClose(),
                options.extraListeners());
        this.clusterId = clusterIdFor(this.options.dataDir());
    }

    /** Makes a broker and starts it; returns once it answers clients. */
    public static LocalKafkaBroker start(Options options) {
        LocalKafkaBroker broker = new LocalKafkaBroker(options);
        broker.start();
        return broker;
    }

    /**
     * One broker for the whole JVM, started on first use and stopped when the JVM exits: test classes of a module
     * share it (each uses its own topics or groups). Tests that stop the broker must make their own.
     */
    public static synchronized LocalKafkaBroker shared() {
        if (shared == null) {
            shared = start(Options.temporary());
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "kafka-broker-shutdown"));
        }
        return shared;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + options.brokerPort();
    }

    public Options options() {
        return options;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Starts the broker (again, after {@link #stop()}) and waits until it answers. */
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        try {
            Path config = writeConfig();
            process = fork(config);
            awaitReady();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the broker cleanly (its data stays), killing it after {@link #STOP_TIMEOUT}. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** {@code kill -9} of the broker JVM itself: no controlled shutdown, its logs recovered at the next start. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** The broker JVM's process id (not a launcher's). */
    public synchronized long pid() {
        if (process == null) {
            throw new IllegalStateException("the broker is not running");
        }
        return process.pid();
    }

    @Override
    public synchronized void close() {
        stop();
        if (options.deleteOnClose()) {
            deleteTree(options.dataDir());
        }
    }

    /** Blocks until the broker's process ends (for the command line). */
    public int waitFor() throws InterruptedException {
        Process running;
        synchronized (this) {
            running = process;
        }
        return running == null ? 0 : running.waitFor();
    }

    public Path logFile() {
        return options.dataDir().resolve("broker.log");
    }

    private Path writeConfig() throws IOException {
        Files.createDirectories(options.dataDir());
        Path config = options.dataDir().resolve("server.properties");
        Files.writeString(config, BrokerConfig.render(options), StandardCharsets.UTF_8);
        return config;
    }

    private Process fork(Path config) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java,
                "-Xms128m", "-Xmx" + options.maxHeapMb() + "m", "-XX:+UseSerialGC",
                "-Djava.awt.headless=true",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-Dorg.slf4j.simpleLogger.log.kafka.server.KafkaRaftServer=info",
                "-cp", brokerClasspath(),
                BrokerProcess.class.getName(), config.toString(), clusterId, "--watch-stdin"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()));
        builder.environment().remove("KAFKA_OPTS");
        return builder.start();
    }

    private void awaitReady() {
        if (!awaitAnswer(bootstrapServers(), options.startTimeout(), () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka broker exited with " + process.exitValue()
                        + "; log tail:\n" + logTail());
            }
        })) {
            stop();
            throw new IllegalStateException("Kafka broker not ready within " + options.startTimeout()
                    + "; log tail:\n" + logTail());
        }
    }

    /**
     * Polls the broker at {@code bootstrap} every 200 ms until it describes its cluster: true when it did within
     * {@code timeout}. {@code stillStarting} runs before each attempt and throws when waiting is pointless.
     */
    static boolean awaitAnswer(String bootstrap, Duration timeout, Runnable stillStarting) {
        long deadlineNs = System.nanoTime() + timeout.toNanos();
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200);
        try (Admin admin = Admin.create(config)) {
            while (System.nanoTime() < deadlineNs) {
                stillStarting.run();
                try {
                    admin.describeCluster(new DescribeClusterOptions().timeoutMs(2_000)).nodes()
                            .get(3, TimeUnit.SECONDS);
                    return true;
                } catch (Exception notYet) {
                    sleepMs(200);
                }
            }
        }
        return false;
    }

    /**
     * Writes the configuration of a broker with these options and returns {@link BrokerProcess}'s arguments for it
     * (config file, cluster id): for running the broker in the calling JVM rather than a forked one.
     */
    static String[] prepareInProcess(Options options) {
        LocalKafkaBroker broker = new LocalKafkaBroker(options);
        try {
            return new String[] {broker.writeConfig().toString(), broker.clusterId};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile(), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** The broker's jars as Maven resolved them when this module was built, plus this module's own classes. */
    static String brokerClasspath() {
        try (InputStream in = LocalKafkaBroker.class.getResourceAsStream(CLASSPATH_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(CLASSPATH_RESOURCE + " missing: build the kafka-broker module");
            }
            String jars = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            String self = Path.of(LocalKafkaBroker.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toString();
            return self + java.io.File.pathSeparator + jars;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stable per data folder, so a restarted broker finds its own storage. */
    private static String clusterIdFor(Path dataDir) {
        UUID uuid = UUID.nameUUIDFromBytes(dataDir.toString().getBytes(StandardCharsets.UTF_8));
        byte[] bytes = java.nio.ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits()).array();
        // The storage tool reads an id starting with '-' as an option (1 in 64 ids): keep the first base64 char a letter.
        bytes[0] &= 0x7F;
        String id = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        assert Character.isLetterOrDigit(id.charAt(0)) : id;
        return id;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleepMs(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the broker", e);
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // Leaving a temporary folder behind is not worth failing a test run for.
        }
    }
}

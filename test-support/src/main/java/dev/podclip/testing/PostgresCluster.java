package dev.podclip.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster of a test's own (initdb into a temporary folder, a free loopback port, trust auth,
 * fsync on), so fault tests can restart or kill PostgreSQL without touching the machine's cluster that other tests
 * use. Runs as the {@code postgres} user when the test runs as root (initdb refuses root). Needs the server binaries
 * (Debian's postgresql package: {@code /usr/lib/postgresql/<version>/bin}).
 */
public final class PostgresCluster implements AutoCloseable {

    static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    static final int MAX_CONNECTIONS = 100;

    private final Path dir;
    private final Path data;
    private final Path log;
    private final int port;
    private final Path bin;

    private PostgresCluster(Path dir, int port, Path bin) {
        this.dir = dir;
        this.data = dir.resolve("data");
        this.log = dir.resolve("postgres.log");
        this.port = port;
        this.bin = bin;
    }

    /** initdb + start; {@code max_connections} is PostgreSQL's default (100), as a production server would start. */
    public static PostgresCluster start() {
        try {
            Path dir = Files.createTempDirectory("pg-cluster-");
            PostgresCluster cluster = new PostgresCluster(dir, freePort(), binaries());
            cluster.init();
            cluster.startServer();
            return cluster;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database, int viaPort) {
        return "jdbc:postgresql://127.0.0.1:" + viaPort + "/" + database;
    }

    public Path logFile() {
        return log;
    }

    public void createDatabase(String name) {
        execute("postgres", "CREATE DATABASE " + name);
    }

    /** Runs one statement on {@code database}, directly (not through a proxy). */
    public void execute(String database, String sql) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(database, port), "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("`" + sql + "` failed: " + e.getMessage(), e);
        }
    }

    /** A connection straight to the cluster (not through a proxy), for checks. */
    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database, port), "postgres", "");
    }

    /** {@code pg_ctl restart -m fast}: sessions are terminated, the server comes back; returns when it answers. */
    public void restart() {
        pgCtl("stop", "-m", "fast", "-w");
        startServer();
    }

    public void stop() {
        pgCtl("stop", "-m", "fast", "-w");
    }

    /** {@code kill -9} of the postmaster; its backends notice and exit; {@link #startServer()} recovers from WAL. */
    public void killPostmaster() {
        long pid = postmasterPid();
        run(List.of("kill", "-9", Long.toString(pid)), false);
        long deadlineNs = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (processAlive(pid) && System.nanoTime() < deadlineNs) {
            sleepMs(20);
        }
    }

    /** Starts the server (after {@link #stop()} or {@link #killPostmaster()}) and waits until it accepts connections. */
    public void startServer() {
        long deadlineNs = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            // After a kill the old backends may still hold shared memory for a moment: start refuses until they exit.
            if (run(asPostgres(List.of(bin.resolve("pg_ctl").toString(), "start", "-w", "-t", "30", "-D",
                    data.toString(), "-l", log.toString(), "-o", serverOptions())), true) == 0) {
                return;
            }
            if (System.nanoTime() > deadlineNs) {
                throw new IllegalStateException("PostgreSQL did not start; see " + log);
            }
            sleepMs(200);
        }
    }

    @Override
    public void close() {
        run(asPostgres(List.of(bin.resolve("pg_ctl").toString(), "stop", "-m", "immediate", "-D",
                data.toString())), true);
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is not worth failing a run for
        }
    }

    private void init() throws IOException {
        if (isRoot()) {
            run(List.of("chown", "-R", "postgres:postgres", dir.toString()), false);
        }
        run(asPostgres(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-A", "trust", "-U",
                "postgres", "-E", "UTF8", "--no-sync")), false);
    }

    private String serverOptions() {
        return "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=" + dir
                + " -c max_connections=" + MAX_CONNECTIONS + " -c shared_buffers=64MB -c fsync=on";
    }

    private long postmasterPid() {
        try {
            String first = Files.readAllLines(data.resolve("postmaster.pid"), StandardCharsets.UTF_8).get(0).trim();
            return Long.parseLong(first);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void pgCtl(String... args) {
        List<String> command = new ArrayList<>(List.of(bin.resolve("pg_ctl").toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("-D", data.toString()));
        run(asPostgres(command), false);
    }

    private static List<String> asPostgres(List<String> command) {
        if (!isRoot()) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** Runs a command to its end; returns its exit code, or throws on failure unless {@code tolerant}. */
    private int run(List<String> command, boolean tolerant) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("commands.log").toFile())).start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command + " did not finish");
            }
            int exit = process.exitValue();
            if (exit != 0 && !tolerant) {
                throw new IllegalStateException(command + " exited with " + exit + "; see " + dir.resolve("commands.log"));
            }
            return exit;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean processAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** The newest installed server's binaries. */
    static Path binaries() {
        Path root = Path.of("/usr/lib/postgresql");
        try (Stream<Path> versions = Files.list(root)) {
            return versions.filter(v -> Files.isExecutable(v.resolve("bin/initdb")))
                    .max(Comparator.comparingInt(v -> Integer.parseInt(v.getFileName().toString().replaceAll("\\D", "0"))))
                    .map(v -> v.resolve("bin"))
                    .orElseThrow(() -> new IllegalStateException("no PostgreSQL server binaries under " + root));
        } catch (IOException e) {
            throw new IllegalStateException("no PostgreSQL server binaries under " + root, e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
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
        }
    }
}

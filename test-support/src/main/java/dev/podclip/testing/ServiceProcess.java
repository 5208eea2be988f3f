package dev.podclip.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One packaged service ({@code <module>/target/quarkus-app/quarkus-run.jar}) run as its own JVM, the way bin/stack and
 * production run it: configured only by environment variables, judged only through HTTP. It keeps its port and
 * environment across {@link #kill()} or {@link #close()} and a later {@link #start()}, as a restarted instance would.
 */
public final class ServiceProcess implements AutoCloseable {

    public static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    public static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    /** The heap bin/stack gives each service. */
    public static final int DEFAULT_MAX_HEAP_MIB = 512;
    /** A floor against a heap given in the wrong unit: a started catalog-service already holds about 20 MB live. */
    static final int MIN_HEAP_MIB = 64;

    private final String module;
    private final String name;
    private final int port;
    private final Map<String, String> environment;
    private final Path logFile;
    private int maxHeapMib = DEFAULT_MAX_HEAP_MIB;
    private boolean c1Only;
    private Process process;

    public ServiceProcess(String module, Map<String, String> environment) {
        this(module, module, environment);
    }

    /** @param name tells several instances of one module apart in log file names */
    public ServiceProcess(String module, String name, Map<String, String> environment) {
        this.module = module;
        this.name = name;
        this.port = freePort();
        this.environment = new HashMap<>(environment);
        this.logFile = RepoPaths.artifacts().resolve("service-logs").resolve(name + "-" + port + ".log");
    }

    /** Sets one more environment variable before {@link #start()}, e.g. a URL that needs this service's port. */
    public ServiceProcess env(String key, String value) {
        environment.put(key, value);
        return this;
    }

    /** A smaller or larger heap than bin/stack's, before {@link #start()}: a test of memory bounds sets its own. */
    public ServiceProcess maxHeapMib(int mib) {
        if (mib < MIN_HEAP_MIB) {
            throw new IllegalArgumentException("a heap of " + mib + " MiB cannot run a service");
        }
        maxHeapMib = mib;
        return this;
    }

    /**
     * Runs the JVM with the C1 compiler only, before {@link #start()}: it starts sooner and leaves more of 2 cores to
     * the rest of a test, at a steady-state speed no test of behaviour needs. Not for a test that measures the
     * service as production runs it (the fault suite's recovery times).
     */
    public ServiceProcess c1Only() {
        c1Only = true;
        return this;
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public Path logFile() {
        return logFile;
    }

    /** Starts the JVM and waits until it answers {@code /q/health/live}. */
    public void start() {
        spawn();
        awaitLive();
    }

    /** Starts the JVM and returns at once (the caller measures how long it takes to be ready). */
    public synchronized void spawn() {
        if (isRunning()) {
            throw new IllegalStateException(name + " runs already");
        }
        Path jar = RepoPaths.root().resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: package " + module + " first");
        }
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx" + maxHeapMib + "m", "-XX:+UseSerialGC"));
        if (c1Only) {
            command.add("-XX:TieredStopAtLevel=1");
        }
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .directory(RepoPaths.root().resolve(module).toFile());
        builder.environment().putAll(environment);
        builder.environment().put("HTTP_PORT", Integer.toString(port));
        try {
            Files.createDirectories(logFile.getParent());
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + name, e);
        }
    }

    /** The exit code once the process ended by itself within {@code timeout}; empty while it still runs. */
    public java.util.OptionalInt awaitExit(Duration timeout) {
        Process running;
        synchronized (this) {
            running = process;
        }
        if (running == null) {
            throw new IllegalStateException(name + " was never started");
        }
        try {
            return running.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    ? java.util.OptionalInt.of(running.exitValue()) : java.util.OptionalInt.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.OptionalInt.empty();
        }
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    public synchronized long pid() {
        if (process == null) {
            throw new IllegalStateException(name + " was never started");
        }
        return process.pid();
    }

    /** {@code kill -9}: no shutdown hook, no graceful close, as a crash or an OOM killer would. */
    public synchronized void kill() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public void awaitLive() {
        await("/q/health/live", READY_TIMEOUT);
    }

    /** Waits until {@code path} answers 200; throws if the process exits or the time is up. */
    public void await(String path, Duration timeout) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            Process running;
            synchronized (this) {
                running = process;
            }
            if (running == null || !running.isAlive()) {
                throw new IllegalStateException(name + " is not running" + (running == null ? ""
                        : " (exit " + running.exitValue() + ")") + "; see " + logFile);
            }
            if (answers200(client, path)) {
                return;
            }
            sleep(Duration.ofMillis(50));
        }
        throw new IllegalStateException(name + " did not answer 200 on " + path + " within " + timeout + "; see "
                + logFile);
    }

    /** One GET of {@code path} with a short timeout: true for a 200. */
    public boolean answers200(HttpClient client, String path) {
        try {
            HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Graceful stop (SIGTERM), then a kill if it does not finish in time. */
    @Override
    public synchronized void close() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

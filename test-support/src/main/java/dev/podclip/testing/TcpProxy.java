package dev.podclip.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy on a free loopback port in front of one target (PostgreSQL, a Kafka listener), for fault tests:
 * {@link #latency} delays every chunk in both directions (a slow network), {@link #partition} stops forwarding on
 * every connection, old and new, as a network that drops packets would (clients wait for their own timeouts),
 * {@link #heal} resumes, and {@link #resetAll} closes every connection at once (a reset).
 */
public final class TcpProxy implements AutoCloseable {

    /** Bytes forwarded per read: small enough that latency applies per protocol message. */
    static final int CHUNK_BYTES = 16 * 1024;

    private final String name;
    private final InetSocketAddress target;
    private final ServerSocket server;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final Object gate = new Object();
    private volatile long latencyMs;
    private volatile boolean partitioned;
    private volatile boolean closed;

    public TcpProxy(String name, int targetPort) {
        this.name = name;
        this.target = new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort);
        try {
            server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException("cannot open proxy " + name, e);
        }
        Thread acceptor = new Thread(this::accept, "proxy-" + name);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    public String name() {
        return name;
    }

    /** Every chunk waits this long before it is forwarded, both ways. */
    public void latency(long ms) {
        latencyMs = ms;
    }

    /** Nothing is forwarded any more, on any connection; new connections are accepted and wait too. */
    public void partition() {
        partitioned = true;
    }

    /** Forwards again, without latency; connections that waited carry on where they stopped. */
    public void heal() {
        latencyMs = 0;
        synchronized (gate) {
            partitioned = false;
            gate.notifyAll();
        }
    }

    /** Closes every connection now (their peers see a reset); new ones are accepted as before. */
    public void resetAll() {
        for (Socket socket : sockets) {
            closeQuietly(socket);
        }
    }

    public int connections() {
        return sockets.size() / 2;
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket();
                try {
                    upstream.connect(target, 5_000);
                } catch (IOException e) {
                    closeQuietly(client);
                    closeQuietly(upstream);
                    continue;
                }
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                sockets.add(client);
                sockets.add(upstream);
                pump(client, upstream, name + "-up");
                pump(upstream, client, name + "-down");
            } catch (IOException e) {
                if (!closed) {
                    sleepQuietly(10);
                }
            }
        }
    }

    private void pump(Socket from, Socket to, String threadName) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[CHUNK_BYTES];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                while (!closed) {
                    awaitOpen();
                    int read = in.read(buffer);
                    if (read < 0) {
                        break;
                    }
                    long delayMs = latencyMs;
                    if (delayMs > 0) {
                        Thread.sleep(delayMs);
                    }
                    awaitOpen();
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                // a closed or reset connection ends its pump
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                sockets.remove(from);
                sockets.remove(to);
            }
        }, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    private void awaitOpen() throws InterruptedException {
        synchronized (gate) {
            while (partitioned && !closed) {
                gate.wait(100);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(server);
        resetAll();
        synchronized (gate) {
            gate.notifyAll();
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // already closed
        }
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "proxy " + name + " :" + port() + " -> :" + target.getPort();
    }
}

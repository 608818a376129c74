package org.pfptracker.faults.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP proxy in front of one broker listener, to break the network of one client without touching the
 * others: {@link #slow} delays every chunk it forwards, {@link #cut} drops every connection and refuses new
 * ones (as a partition would, from the client's side), {@link #heal} lets traffic flow again.
 */
public final class TcpProxy implements AutoCloseable {

    private final ServerSocket server;
    private final int targetPort;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "tcp-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile long delayMillis;
    private volatile boolean cut;

    private TcpProxy(ServerSocket server, int targetPort) {
        this.server = server;
        this.targetPort = targetPort;
    }

    /** Listens on {@code port} of loopback and forwards to {@code targetPort}. */
    public static TcpProxy start(int port, int targetPort) throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress("127.0.0.1", port));
        TcpProxy proxy = new TcpProxy(server, targetPort);
        proxy.threads.submit(proxy::accept);
        return proxy;
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Every chunk waits this long before it is forwarded, both ways. */
    public void slow(Duration delay) {
        delayMillis = delay.toMillis();
    }

    /** Drops every connection and refuses new ones until {@link #heal}. */
    public void cut() {
        cut = true;
        open.forEach(TcpProxy::closeQuietly);
        open.clear();
    }

    public void heal() {
        delayMillis = 0;
        cut = false;
    }

    private void accept() {
        while (!server.isClosed()) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                continue; // the proxy is closing
            }
            if (cut) {
                closeQuietly(client);
                continue;
            }
            try {
                Socket broker = new Socket("127.0.0.1", targetPort);
                open.add(client);
                open.add(broker);
                threads.submit(() -> pump(client, broker));
                threads.submit(() -> pump(broker, client));
            } catch (IOException e) {
                // The broker is down: its client must see the connection fail at once, as it would without the
                // proxy. Left open, it hung until the client's request timeout (30 s), which made a killed
                // broker look like a vanished host to tracker 3 alone, and fenced its transactions.
                closeQuietly(client);
            }
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                long delay = delayMillis;
                if (delay > 0) {
                    Thread.sleep(delay); // the fault itself: latency on the wire, not a wait for a condition
                }
                if (cut) {
                    break;
                }
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // One side went away; the other is closed below.
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Already closed.
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        cut();
        threads.shutdownNow();
    }
}

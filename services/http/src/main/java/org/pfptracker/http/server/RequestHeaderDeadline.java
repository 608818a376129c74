package org.pfptracker.http.server;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a connection whose request line and headers keep arriving, a byte now and then, for longer than the
 * timeout. Jetty has no such deadline: its idle timeout starts again with every byte, so a client sending one
 * byte every few seconds holds a connection for as long as it likes.
 *
 * <p>Each connection is looked at once per timeout while it waits for a request (never while one is being
 * handled: a body has the minimum data rate, an answer its handler). A look that finds new bytes notes them;
 * if the next look finds no request started since, the request is late and the connection closed. So a
 * request's headers get one to two timeouts from their first byte, and a look costs nothing per byte. On a
 * connection with TLS the bytes are the network's, so a handshake that trickles counts too.
 *
 * <p>It is both a {@link Connection.Listener} (connections opening and closing) and a
 * {@link HttpConfiguration.Customizer}, which Jetty calls once a request's headers are complete.
 */
final class RequestHeaderDeadline implements Connection.Listener, HttpConfiguration.Customizer {

    private static final Logger log = LoggerFactory.getLogger(RequestHeaderDeadline.class);

    private final long timeoutMillis;
    private final Scheduler scheduler;
    private final ConcurrentMap<EndPoint, Watch> watches = new ConcurrentHashMap<>();

    RequestHeaderDeadline(Duration timeout, Scheduler scheduler) {
        this.timeoutMillis = timeout.toMillis();
        this.scheduler = scheduler;
    }

    @Override
    public void onOpened(Connection connection) {
        if (NetworkEndPoints.readsTheNetwork(connection)) {
            Watch watch = new Watch(connection);
            watches.put(connection.getEndPoint(), watch);
            watch.awaitRequest();
        }
    }

    @Override
    public void onClosed(Connection connection) {
        if (NetworkEndPoints.readsTheNetwork(connection)) {
            Watch watch = watches.remove(connection.getEndPoint());
            if (watch != null) {
                watch.stop();
            }
        }
    }

    @Override
    public Request customize(Request request, HttpFields.Mutable responseHeaders) {
        EndPoint network = NetworkEndPoints.underneath(request.getConnectionMetaData().getConnection().getEndPoint());
        Watch watch = watches.get(network);
        if (watch != null) {
            watch.requestStarted();
            Request.addCompletionListener(request, failure -> watch.requestCompleted());
        }
        return request;
    }

    /** One connection's state between requests. */
    private final class Watch {

        private final Connection connection;
        // Counted rather than flagged: the next request may start before the last one's completion is told.
        private long started;
        private long completed;
        private long bytesAtLastLook;
        private boolean arriving;
        private boolean stopped;
        private Scheduler.Task look;

        Watch(Connection connection) {
            this.connection = connection;
        }

        synchronized void requestStarted() {
            started++;
            cancelLook();
        }

        synchronized void requestCompleted() {
            completed++;
            if (completed == started) {
                awaitRequest();
            }
        }

        synchronized void awaitRequest() {
            arriving = false;
            bytesAtLastLook = connection.getBytesIn();
            scheduleLook();
        }

        synchronized void stop() {
            stopped = true;
            cancelLook();
        }

        private void scheduleLook() {
            cancelLook();
            if (!stopped) {
                look = scheduler.schedule(this::look, timeoutMillis, TimeUnit.MILLISECONDS);
            }
        }

        private void cancelLook() {
            if (look != null) {
                look.cancel();
                look = null;
            }
        }

        private void look() {
            synchronized (this) {
                if (!connection.getEndPoint().isOpen()) {
                    // Closed before this watch was told (a listener closing it as it opened): forget it.
                    stopped = true;
                    watches.remove(connection.getEndPoint(), this);
                    return;
                }
                if (stopped || started > completed) {
                    return;
                }
                long bytes = connection.getBytesIn();
                if (!arriving) {
                    // Idle (a kept-alive connection, left to the idle timeout) or the first bytes of a request.
                    arriving = bytes > bytesAtLastLook;
                    bytesAtLastLook = bytes;
                    scheduleLook();
                    return;
                }
                stopped = true;
            }
            log.debug("Closing {}: a request's headers have been arriving for over {} ms",
                    connection.getEndPoint().getRemoteSocketAddress(), timeoutMillis);
            connection.close();
        }
    }
}

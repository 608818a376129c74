package org.pfptracker.http.server;

import java.time.Duration;
import java.util.Objects;

/**
 * What one client may cost a server, so that no client, and no few clients, can keep it from answering
 * others: connections that hang, requests that arrive byte by byte, headers without end, all threads taken.
 * Each server reads them from its settings ({@link ServerSettings#OPTIONS}); {@link #DEFAULTS} suit the
 * embedded stack and a server behind nothing.
 *
 * @param idleTimeout a connection on which nothing is read or written for this long is closed; also the
 *     longest a handler waits for the next bytes of a body
 * @param headerTimeout the longest a request's headers may take to arrive once its first byte has (checked
 *     every {@code headerTimeout}, so a late request is cut between one and two of them); the first request
 *     of a connection counts from the connection's first byte, its TLS handshake included
 * @param minBodyBytesPerSecond the slowest average rate at which a request body may arrive, from its first
 *     byte on; a slower body is refused with 408 and its connection closed. 0 switches the check off
 * @param maxHeaderBytes the largest request line and headers together; larger ones get 431
 * @param maxThreads threads that run handlers (and Jetty's own selector and acceptor), at most
 * @param maxConnectionsPerClient connections one remote address may hold open at once; more are closed as
 *     soon as they open. 0 switches the limit off (behind a proxy every client has the proxy's address)
 */
public record ServerLimits(Duration idleTimeout, Duration headerTimeout, long minBodyBytesPerSecond,
                           int maxHeaderBytes, int maxThreads, int maxConnectionsPerClient) {

    /** Below this Jetty has no thread left for handlers once its selector and acceptor have theirs. */
    public static final int MIN_THREADS = 8;

    /** The defaults of {@link ServerSettings#OPTIONS}. */
    public static final ServerLimits DEFAULTS = new ServerLimits(Duration.ofSeconds(30), Duration.ofSeconds(10), 1024,
            8192, 250, 64);

    public ServerLimits {
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(headerTimeout, "headerTimeout");
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("The idle timeout must be positive, was " + idleTimeout);
        }
        if (headerTimeout.isNegative() || headerTimeout.isZero()) {
            throw new IllegalArgumentException("The header timeout must be positive, was " + headerTimeout);
        }
        if (minBodyBytesPerSecond < 0) {
            throw new IllegalArgumentException("The minimum body rate must be 0 (off) or more, was " + minBodyBytesPerSecond);
        }
        if (maxHeaderBytes < 1024) {
            throw new IllegalArgumentException("Headers must be allowed at least 1024 bytes, was " + maxHeaderBytes);
        }
        if (maxThreads < MIN_THREADS) {
            throw new IllegalArgumentException("A server needs at least " + MIN_THREADS + " threads, was " + maxThreads);
        }
        if (maxConnectionsPerClient < 0) {
            throw new IllegalArgumentException("Connections per client must be 0 (no limit) or more, was "
                    + maxConnectionsPerClient);
        }
    }

    /** The same limits with another number of connections per remote address (0: no limit). */
    public ServerLimits withMaxConnectionsPerClient(int connections) {
        return new ServerLimits(idleTimeout, headerTimeout, minBodyBytesPerSecond, maxHeaderBytes, maxThreads,
                connections);
    }

    /** The same limits with another thread pool size. */
    public ServerLimits withMaxThreads(int threads) {
        return new ServerLimits(idleTimeout, headerTimeout, minBodyBytesPerSecond, maxHeaderBytes, threads,
                maxConnectionsPerClient);
    }
}

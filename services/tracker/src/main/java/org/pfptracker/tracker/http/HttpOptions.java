package org.pfptracker.tracker.http;

import java.time.Clock;
import java.time.Duration;
import org.pfptracker.http.access.AccessControl;
import org.pfptracker.http.server.ServerSettings;

/**
 * How the query API runs.
 *
 * @param host interface to listen on
 * @param port port to listen on; 0 picks a free one
 * @param forwardTimeout the longest wait for another instance (connect and answer)
 * @param retryAfter what a 503 tells clients to wait before retrying
 * @param clock gives "today" (UTC) when a query names no as-of date
 * @param access who may call what
 * @param peerSecret the secret every instance of the tracker shares, with which one proves to another that
 *     it forwarded a request
 * @param server limits, timeouts and TLS of the listening server
 */
public record HttpOptions(String host, int port, Duration forwardTimeout, Duration retryAfter, Clock clock,
                          AccessControl access, String peerSecret, ServerSettings server) {

    /** Options for a server with the default limits and no TLS: for tests and tools. */
    public HttpOptions(String host, int port, Duration forwardTimeout, Duration retryAfter, Clock clock,
                       AccessControl access, String peerSecret) {
        this(host, port, forwardTimeout, retryAfter, clock, access, peerSecret, ServerSettings.DEFAULTS);
    }
}

package org.pfptracker.tracker.stream;

import java.time.Duration;

/**
 * How the change stream ({@code GET /api/v1/stream}) treats its clients.
 *
 * @param heartbeat how often an idle client is sent a heartbeat: it tells the page the server is there, and a
 *     write to a client that went away is what finds out it is gone
 * @param maxClients connected clients at most; each holds one thread while connected
 * @param clientBuffer changed partners held for one client that has not taken them yet; past that its backlog
 *     is replaced by a single {@code resync} event, so a slow client costs a bounded amount of memory
 */
public record StreamOptions(Duration heartbeat, int maxClients, int clientBuffer) {

    /** The tracker's defaults: a heartbeat every 15 s, 200 clients, 256 pending partners each. */
    public static final StreamOptions DEFAULTS = new StreamOptions(Duration.ofSeconds(15), 200, 256);

    public StreamOptions {
        if (heartbeat == null || heartbeat.isNegative() || heartbeat.isZero()) {
            throw new IllegalArgumentException("heartbeat must be positive, was " + heartbeat);
        }
        if (maxClients < 1) {
            throw new IllegalArgumentException("maxClients must be at least 1, was " + maxClients);
        }
        if (clientBuffer < 1) {
            throw new IllegalArgumentException("clientBuffer must be at least 1, was " + clientBuffer);
        }
    }
}

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
 * @param maxPerCaller connected clients at most for one caller (one token's subject, or one address when
 *     access control is off), so one caller cannot take every place
 */
public record StreamOptions(Duration heartbeat, int maxClients, int clientBuffer, int maxPerCaller) {

    /** At most this many pages per caller by default: a few tabs and windows. */
    public static final int DEFAULT_MAX_PER_CALLER = 8;

    /** The tracker's defaults: a heartbeat every 15 s, 200 clients, 256 pending partners each, 8 per caller. */
    public static final StreamOptions DEFAULTS = new StreamOptions(Duration.ofSeconds(15), 200, 256,
            DEFAULT_MAX_PER_CALLER);

    /** The same with the default places per caller. */
    public StreamOptions(Duration heartbeat, int maxClients, int clientBuffer) {
        this(heartbeat, maxClients, clientBuffer, DEFAULT_MAX_PER_CALLER);
    }

    public StreamOptions {
        if (heartbeat == null || heartbeat.isNegative() || heartbeat.isZero()) {
            throw new IllegalArgumentException("heartbeat must be positive, was " + heartbeat);
        }
        if (maxClients < 1) {
            throw new IllegalArgumentException("maxClients must be at least 1, was " + maxClients);
        }
        if (maxPerCaller < 1) {
            throw new IllegalArgumentException("maxPerCaller must be at least 1, was " + maxPerCaller);
        }
        if (clientBuffer < 1) {
            throw new IllegalArgumentException("clientBuffer must be at least 1, was " + clientBuffer);
        }
    }
}

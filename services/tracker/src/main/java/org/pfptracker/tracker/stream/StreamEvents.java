package org.pfptracker.tracker.stream;

import java.time.Instant;

/**
 * The events of {@code GET /api/v1/stream}, as the page receives them: an SSE event name and a JSON body.
 * They carry no view data on purpose: a page answers a change by reading the partner through the public
 * query API, so the stream can never disagree with what the API says, nor leak more than it does.
 */
public final class StreamEvents {

    /** First event on every connection. */
    public static final String HELLO = "hello";
    /** A partner's view changed: read it again. */
    public static final String PARTNER_CHANGED = "partner-changed";
    /** Sent when nothing else was for a heartbeat interval: the server is there. */
    public static final String HEARTBEAT = "heartbeat";
    /** Too many changes piled up for this client: read everything again. */
    public static final String RESYNC = "resync";

    private StreamEvents() {
    }

    /**
     * @param instance the tracker instance that streams ({@code host:port})
     * @param serverTime when it was sent
     * @param heartbeatMillis the longest silence to expect before a heartbeat
     */
    public record Hello(String instance, Instant serverTime, long heartbeatMillis) {
    }

    /** @param partnerId the partner whose view changed */
    public record PartnerChanged(String partnerId) {
    }

    /** @param serverTime when it was sent */
    public record Heartbeat(Instant serverTime) {
    }

    /** @param reason why the client must read everything again */
    public record Resync(String reason) {
    }
}

package org.pfptracker.faults.load;

import java.time.Instant;

/**
 * A command the gateway answered 202 to: the event it became and when the client heard so.
 *
 * @param attempts how many requests it took (retries reuse the Idempotency-Key)
 */
public record Acknowledgement(String eventId, String partnerId, Instant acknowledgedAt, int attempts) {
}

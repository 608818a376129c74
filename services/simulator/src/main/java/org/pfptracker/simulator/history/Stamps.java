package org.pfptracker.simulator.history;

import java.time.Instant;
import org.pfptracker.event.EventMetadata;

/** The metadata of every simulated event: a seeded id, the step's time, the simulator as source. */
final class Stamps {

    /** The source every simulated event carries, so that simulated history can be told from real. */
    static final String SOURCE = "pfp-simulator";

    private Stamps() {
    }

    static EventMetadata of(SimRandom random, long at, String partnerId) {
        return of(random, at, partnerId, null);
    }

    /** With the id of the event that caused this one, e.g. the suspension that cancelled an activity. */
    static EventMetadata of(SimRandom random, long at, String partnerId, String correlationId) {
        return EventMetadata.newBuilder()
                .setEventId(random.uuid())
                .setOccurredAt(Instant.ofEpochMilli(at))
                .setSource(SOURCE)
                .setPartnerId(partnerId)
                .setCorrelationId(correlationId)
                .build();
    }
}

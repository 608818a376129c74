package org.pfptracker.simulator;

/**
 * A publish was refused, so the run stopped: nothing after the refused event was sent. The same plan
 * publishes the same event ids, so running it again is safe for consumers that count an id once.
 */
public final class SimulationFailedException extends RuntimeException {

    private final long acknowledged;

    public SimulationFailedException(long acknowledged, String eventType, String eventId, Throwable cause) {
        super("publishing stopped: " + eventType + " " + eventId + " was not accepted (" + cause.getMessage()
                + "); " + acknowledged + " events were acknowledged before the run stopped", cause);
        this.acknowledged = acknowledged;
    }

    /** Events Kafka acknowledged before the run stopped. */
    public long acknowledged() {
        return acknowledged;
    }
}

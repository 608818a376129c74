package org.pfptracker.simulator;

import java.time.Duration;

/**
 * What a live run published: every event counted here was acknowledged by Kafka.
 *
 * @param events events acknowledged
 * @param duration wall-clock time the run lasted
 * @param ending why it ended
 */
public record LiveResult(long events, Duration duration, Ending ending) {

    public double eventsPerSecond() {
        return RunFigures.perSecond(events, duration);
    }

    /** One line for a person: count, duration, rate. */
    public String summary() {
        return "Live: " + RunFigures.countDurationRate(events, duration) + " (" + RunFigures.describe(ending) + ")";
    }
}

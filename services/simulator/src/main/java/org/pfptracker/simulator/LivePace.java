package org.pfptracker.simulator;

import java.time.Duration;

/**
 * How a live run publishes: at a steady rate, until stopped, or until a number of events or a time.
 *
 * @param eventsPerSecond the rate, above 0 (fractions allowed: 0.5 is one event every two seconds)
 * @param maxEvents events after which the run ends; {@link Long#MAX_VALUE} for no limit
 * @param maxDuration time after which the run ends; {@code null} for no limit
 */
public record LivePace(double eventsPerSecond, long maxEvents, Duration maxDuration) {

    /** Faster than this, use a backfill: live mode paces event by event. */
    public static final double MAX_EVENTS_PER_SECOND = 100_000;

    public LivePace {
        if (!(eventsPerSecond > 0) || eventsPerSecond > MAX_EVENTS_PER_SECOND) {
            throw new IllegalArgumentException("the live rate must be above 0 and at most "
                    + MAX_EVENTS_PER_SECOND + " events/s, was " + eventsPerSecond);
        }
        if (maxEvents < 0) {
            throw new IllegalArgumentException("maxEvents must not be negative, was " + maxEvents);
        }
        if (maxDuration != null && maxDuration.isNegative()) {
            throw new IllegalArgumentException("maxDuration must not be negative, was " + maxDuration);
        }
    }

    /** Runs until stopped. */
    public static LivePace perSecond(double eventsPerSecond) {
        return new LivePace(eventsPerSecond, Long.MAX_VALUE, null);
    }

    public LivePace withMaxEvents(long events) {
        return new LivePace(eventsPerSecond, events, maxDuration);
    }

    public LivePace withMaxDuration(Duration duration) {
        return new LivePace(eventsPerSecond, maxEvents, duration);
    }
}

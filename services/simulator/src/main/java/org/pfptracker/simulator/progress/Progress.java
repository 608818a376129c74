package org.pfptracker.simulator.progress;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Where a run stands.
 *
 * @param phase backfill or live
 * @param events events acknowledged so far
 * @param historyAt event time of the last event sent, or {@code null} before the first
 * @param fraction how far the run is, in [0, 1], or {@code NaN} when it has no end (live until stopped).
 *     A backfill measures it in event time (how much of the period is published), since the number of
 *     events ahead is only known once they are generated; a run with an event limit uses whichever
 *     measure is further along.
 * @param elapsed wall-clock time since the run started
 * @param eventsPerSecond recent acknowledgement rate (smoothed over about a second)
 */
public record Progress(Phase phase, long events, Instant historyAt, double fraction, Duration elapsed,
                       double eventsPerSecond) {

    public boolean hasFraction() {
        return !Double.isNaN(fraction);
    }

    /** Time left at the average speed so far, when the run has an end and has made some progress. */
    public Optional<Duration> eta() {
        if (!hasFraction() || fraction <= 0 || fraction >= 1) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos((long) (elapsed.toNanos() * (1 - fraction) / fraction)));
    }
}

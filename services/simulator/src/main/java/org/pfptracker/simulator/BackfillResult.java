package org.pfptracker.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * What a backfill published: every event counted here was acknowledged by Kafka.
 *
 * @param events events acknowledged
 * @param duration wall-clock time from the first publish to the last acknowledgement
 * @param lastEventAt event time of the last event published, or {@code null} when there was none
 * @param ending why it ended
 * @param eventsByType events per type (simple record name), in name order
 */
public record BackfillResult(long events, Duration duration, Instant lastEventAt, Ending ending,
                             Map<String, Long> eventsByType) {

    public BackfillResult {
        eventsByType = Map.copyOf(eventsByType);
    }

    /** Throughput over the whole run. */
    public double eventsPerSecond() {
        return RunFigures.perSecond(events, duration);
    }

    /** One line for a person: count, duration, rate and how far the history got. */
    public String summary() {
        return "Backfill: " + RunFigures.countDurationRate(events, duration)
                + (lastEventAt == null ? "" : ", history up to " + lastEventAt)
                + " (" + RunFigures.describe(ending) + ")";
    }
}

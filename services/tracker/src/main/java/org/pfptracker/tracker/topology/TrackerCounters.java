package org.pfptracker.tracker.topology;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.concurrent.atomic.LongAdder;

/**
 * Process-wide counts of what the tracker did with events, for operators (exported as metrics by
 * the operator's view). Counted on processing, so a task re-processing after a failure under
 * exactly-once counts again here even though its store writes are not repeated.
 */
public final class TrackerCounters {

    private static final LongAdder APPLIED = new LongAdder();
    private static final LongAdder DUPLICATES = new LongAdder();
    private static final LongAdder DEAD_LETTERED = new LongAdder();

    private TrackerCounters() {
    }

    static void applied() {
        APPLIED.increment();
    }

    static void duplicate() {
        DUPLICATES.increment();
    }

    static void recordDeadLetter() {
        DEAD_LETTERED.increment();
    }

    public static long eventsApplied() {
        return APPLIED.sum();
    }

    public static long duplicatesDropped() {
        return DUPLICATES.sum();
    }

    public static long deadLettersSent() {
        return DEAD_LETTERED.sum();
    }

    /**
     * These counts as meters: {@code pfp_tracker_events_applied_total},
     * {@code pfp_tracker_duplicates_dropped_total} and {@code pfp_tracker_dead_letters_total} in Prometheus.
     */
    public static MeterBinder binder() {
        return registry -> {
            FunctionCounter.builder("pfp.tracker.events.applied", APPLIED, LongAdder::sum)
                    .description("Events applied to the partner and exercise stores (re-processing after a failure counts again)")
                    .register(registry);
            FunctionCounter.builder("pfp.tracker.duplicates.dropped", DUPLICATES, LongAdder::sum)
                    .description("Redelivered events recognised by their event id and dropped")
                    .register(registry);
            FunctionCounter.builder("pfp.tracker.dead.letters", DEAD_LETTERED, LongAdder::sum)
                    .description("Records the tracker could not read or apply, sent to the dead-letter topic")
                    .register(registry);
        };
    }
}

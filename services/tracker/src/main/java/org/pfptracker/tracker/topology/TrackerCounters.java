package org.pfptracker.tracker.topology;

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
}

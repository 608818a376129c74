package org.pfptracker.tracker.topology;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.concurrent.atomic.LongAdder;

/**
 * What one tracker instance did with events, for operators: {@code pfp_tracker_events_applied_total},
 * {@code pfp_tracker_duplicates_dropped_total}, {@code pfp_tracker_dead_letters_total} and
 * {@code pfp_tracker_views_built_total} in Prometheus. One per instance: two instances in one JVM keep
 * their own counts. Counted on processing, so a task re-processing after a failure under exactly-once
 * counts again here even though its store writes are not repeated.
 */
public final class TrackerCounters implements MeterBinder {

    /** The Streams config key under which the dead-letter handlers find their instance's counters. */
    public static final String CONFIG_KEY = "pfp.tracker.counters";

    private final LongAdder applied = new LongAdder();
    private final LongAdder duplicates = new LongAdder();
    private final LongAdder deadLettered = new LongAdder();
    private final LongAdder viewsBuilt = new LongAdder();

    void applied() {
        applied.increment();
    }

    void duplicate() {
        duplicates.increment();
    }

    void deadLettered() {
        deadLettered.increment();
    }

    void viewBuilt() {
        viewsBuilt.increment();
    }

    public long eventsApplied() {
        return applied.sum();
    }

    public long duplicatesDropped() {
        return duplicates.sum();
    }

    public long deadLettersSent() {
        return deadLettered.sum();
    }

    public long viewsBuilt() {
        return viewsBuilt.sum();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder("pfp.tracker.events.applied", applied, LongAdder::sum)
                .description("Events applied to the partner and exercise stores (re-processing after a failure counts again)")
                .register(registry);
        FunctionCounter.builder("pfp.tracker.duplicates.dropped", duplicates, LongAdder::sum)
                .description("Redelivered events recognised by their event id and dropped")
                .register(registry);
        FunctionCounter.builder("pfp.tracker.dead.letters", deadLettered, LongAdder::sum)
                .description("Records the tracker could not read or apply, sent to the dead-letter topic")
                .register(registry);
        FunctionCounter.builder("pfp.tracker.views.built", viewsBuilt, LongAdder::sum)
                .description("Partner views materialised (after their facts changed, or when the date turned)")
                .register(registry);
    }

    /** The counters in a handler's configuration, or fresh ones where none were given (a test driver). */
    static TrackerCounters from(java.util.Map<String, ?> configs) {
        return configs.get(CONFIG_KEY) instanceof TrackerCounters counters ? counters : new TrackerCounters();
    }
}

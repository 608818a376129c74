package org.pfptracker.tracker.http;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.concurrent.atomic.LongAdder;

/** Counts of how this instance answered queries, also exported as metrics at {@code GET /metrics}. */
public final class QueryCounters implements MeterBinder {

    private final LongAdder forwarded = new LongAdder();
    private final LongAdder servedStale = new LongAdder();
    private final LongAdder peerFailures = new LongAdder();

    void forwarded() {
        forwarded.increment();
    }

    void servedStale() {
        servedStale.increment();
    }

    void peerFailed() {
        peerFailures.increment();
    }

    /** Requests this instance sent to another one: single-partner queries and parts of the partner list. */
    public long forwardedQueries() {
        return forwarded.sum();
    }

    /** Answers this instance read from its own standby copy. */
    public long staleAnswers() {
        return servedStale.sum();
    }

    /** Requests to other instances that failed (unreachable, timed out, 5xx). */
    public long peerFailures() {
        return peerFailures.sum();
    }

    /**
     * {@code pfp_tracker_queries_forwarded_total}, {@code pfp_tracker_queries_stale_total} and
     * {@code pfp_tracker_peer_failures_total} in Prometheus.
     */
    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder("pfp.tracker.queries.forwarded", forwarded, LongAdder::sum)
                .description("Requests this instance forwarded to another instance (partner queries, parts of the list)")
                .register(registry);
        FunctionCounter.builder("pfp.tracker.queries.stale", servedStale, LongAdder::sum)
                .description("Answers read from this instance's standby copy because the active one could not answer")
                .register(registry);
        FunctionCounter.builder("pfp.tracker.peer.failures", peerFailures, LongAdder::sum)
                .description("Requests to other instances that failed (unreachable, timed out, 5xx)")
                .register(registry);
    }
}

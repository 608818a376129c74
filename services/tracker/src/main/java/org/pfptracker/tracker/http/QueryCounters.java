package org.pfptracker.tracker.http;

import java.util.concurrent.atomic.LongAdder;

/** Counts of how this instance answered queries; exported as metrics in a later issue. */
public final class QueryCounters {

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
}

package org.pfptracker.launcher.bench;

import java.time.Duration;

/**
 * What one benchmark run does: how many simulated events it loads, and how hard and how long it
 * queries the tracker and publishes live events once the tracker has caught up.
 *
 * @param events simulated events to load before anything is measured
 * @param clients concurrent HTTP clients of the query measurement
 * @param queryTime how long each query endpoint is measured
 * @param liveRate events a second published during the publish-to-queryable measurement
 * @param liveTime how long live events are published
 */
public record BenchPlan(long events, int clients, Duration queryTime, double liveRate, Duration liveTime) {

    /**
     * Events the simulator publishes per unit of scale over the history from 2014 to today: about
     * 4,200 a year at scale 1 (some 55,000 by 2026), rounded down so that the chosen scale always
     * leaves the history a little longer than the events asked for.
     */
    static final long EVENTS_PER_SCALE = 50_000;
    /** Fewer events leave the first and last tenths of the catch-up too short to time. */
    static final long MIN_EVENTS = 1_000;
    /** The simulator's largest scale times the events it gives per unit. */
    static final long MAX_EVENTS = 100_000_000;

    public BenchPlan {
        if (events < MIN_EVENTS || events > MAX_EVENTS) {
            throw new IllegalArgumentException(String.format("--events must be between %,d and %,d, was %,d",
                    MIN_EVENTS, MAX_EVENTS, events));
        }
        if (clients < 1 || clients > 1_024) {
            throw new IllegalArgumentException("--clients must be between 1 and 1024, was " + clients);
        }
        if (queryTime.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("--query-seconds must be at least 1, was " + queryTime.toSeconds());
        }
        if (!(liveRate > 0) || liveRate > 100_000) {
            throw new IllegalArgumentException("--live-rate must be above 0 and at most 100000 events/s, was " + liveRate);
        }
        if (liveTime.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("--live-seconds must be at least 1, was " + liveTime.toSeconds());
        }
    }

    /** The simulator's scale whose history from 2014 to today holds at least the events asked for. */
    double scale() {
        return Math.max(1, Math.ceil((double) events / EVENTS_PER_SCALE));
    }
}

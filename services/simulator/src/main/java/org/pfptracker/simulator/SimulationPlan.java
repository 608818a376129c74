package org.pfptracker.simulator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * What to simulate: a seed, a period and a scale. The same plan always gives the same events, ids
 * included; the period's end only says where the backfill stops, so a longer period extends a shorter
 * one event for event, and live mode continues the same history past the end.
 *
 * @param seed the seed of every random choice
 * @param from start of the simulated cooperation (events before it are the reference facts: joins and
 *     status changes on their real dates)
 * @param to end of the backfill, exclusive; live mode continues after it
 * @param scale volume multiplier for activities and exercises: 1 is about 1,400 activities proposed a
 *     year (about 4,200 events a year in all); use more for benchmarks, at most {@link #MAX_SCALE}
 */
public record SimulationPlan(long seed, Instant from, Instant to, double scale) {

    /** The seed used when none is given: the answer, as good as any. */
    public static final long DEFAULT_SEED = 42;
    /**
     * Memory grows with the scale (what is under way at one moment), not with the period's length:
     * about 600 steps are pending at scale 1, mostly open activities, so this bound keeps the
     * generator within a few hundred megabytes.
     */
    public static final double MAX_SCALE = 2_000;

    public SimulationPlan {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        // Event time has millisecond precision on the wire; the generator works in it from the start.
        from = from.truncatedTo(ChronoUnit.MILLIS);
        to = to.truncatedTo(ChronoUnit.MILLIS);
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the period ends (" + to + ") before it starts (" + from + ")");
        }
        if (!(scale > 0) || scale > MAX_SCALE) {
            throw new IllegalArgumentException("scale must be above 0 and at most " + MAX_SCALE + ", was " + scale);
        }
        from.toEpochMilli(); // fails here, not deep in the generator, for instants beyond what millis can hold
        to.toEpochMilli();
    }

    /** A plan from the start of one day (UTC) to the start of another. */
    public static SimulationPlan of(long seed, LocalDate from, LocalDate to, double scale) {
        return new SimulationPlan(seed, startOf(from), startOf(to), scale);
    }

    /** The same plan with another end. */
    public SimulationPlan withTo(Instant newTo) {
        return new SimulationPlan(seed, from, newTo, scale);
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay().toInstant(ZoneOffset.UTC);
    }
}

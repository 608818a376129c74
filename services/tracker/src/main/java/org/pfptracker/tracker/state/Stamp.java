package org.pfptracker.tracker.state;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * When a fact was stated and by which event. Where two events compete for one fact (two priority
 * choices, two profile corrections) the later stamp wins, ties broken by event id: a total order, so
 * the winner is the same whatever order the events arrive in.
 *
 * @param at event time
 * @param eventId id of the event
 */
public record Stamp(Instant at, String eventId) implements Comparable<Stamp> {

    private static final Comparator<Stamp> ORDER = Comparator.comparing(Stamp::at).thenComparing(Stamp::eventId);

    public Stamp {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(eventId, "eventId");
    }

    @Override
    public int compareTo(Stamp other) {
        return ORDER.compare(this, other);
    }

    /** Whether a fact stamped {@code candidate} should replace one stamped {@code current} (null: nothing yet). */
    public static boolean supersedes(Stamp candidate, Stamp current) {
        return current == null || candidate.compareTo(current) > 0;
    }
}

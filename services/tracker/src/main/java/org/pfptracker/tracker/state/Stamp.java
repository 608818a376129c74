package org.pfptracker.tracker.state;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Objects;
import org.pfptracker.tracker.state.codec.StateCodec;
import org.pfptracker.tracker.state.codec.StateReader;
import org.pfptracker.tracker.state.codec.StateWriter;

/**
 * When a fact was stated and by which event. Where two events compete for one fact (two priority
 * choices, two schedules of one exercise) the later stamp wins; where a step happens once (an
 * activity's completion) the earlier one does. Ties in time are broken by event id: a total order, so
 * the winner is the same whatever order the events arrive in.
 *
 * @param at event time
 * @param eventId id of the event
 */
public record Stamp(Instant at, String eventId) implements Comparable<Stamp> {

    private static final Comparator<Stamp> ORDER = Comparator.comparing(Stamp::at).thenComparing(Stamp::eventId);

    public static final StateCodec<Stamp> CODEC = new StateCodec<>() {
        @Override
        public void write(Stamp stamp, StateWriter out) throws IOException {
            out.writeLong(stamp.at.toEpochMilli());
            out.writeString(stamp.eventId);
        }

        @Override
        public Stamp read(StateReader in) throws IOException {
            return new Stamp(Instant.ofEpochMilli(in.readLong()), in.readString());
        }
    };

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

    /** The earlier of two stamps, either may be null. */
    public static Stamp earliest(Stamp current, Stamp candidate) {
        return current == null || candidate.compareTo(current) < 0 ? candidate : current;
    }

    /** Whether this was stated by the end of a day (UTC): what a view as of that day knows. */
    public boolean knownBy(LocalDate day) {
        return !date().isAfter(day);
    }

    /** The day it was stated (UTC). */
    public LocalDate date() {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }
}

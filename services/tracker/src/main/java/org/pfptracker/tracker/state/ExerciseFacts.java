package org.pfptracker.tracker.state;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.pfptracker.tracker.state.codec.StateCodec;
import org.pfptracker.tracker.state.codec.StateReader;
import org.pfptracker.tracker.state.codec.StateWriter;
import org.pfptracker.tracker.state.index.Counts;
import org.pfptracker.tracker.state.index.Figure;
import org.pfptracker.tracker.state.index.Timeline;

/**
 * What is known about one exercise: every schedule stated for it, the earliest report that it took
 * place, the earliest cancellation, and the events applied. Kept in {@code exercise-facts} (key
 * {@code hostPartnerId/exerciseId}), and a copy under each partner it names ({@code partner-exercises}, key
 * {@code partnerId/hostPartnerId/exerciseId}), so each partner's figures can be read as of any date.
 *
 * <p>As of a time: the schedule is the latest stated by then; the participants are those reported in
 * the conduct, else those scheduled, and always the host; the state is CONDUCTED once reported
 * conducted (it happened), else CANCELLED, else SCHEDULED.
 *
 * @param exerciseId the exercise
 * @param hostPartnerId the host (the key of its events)
 * @param schedules every schedule stated, oldest stamp first
 * @param conduct the earliest report that it took place; {@code null} if none
 * @param cancelled the earliest cancellation; {@code null} if none
 * @param events the distinct events applied (ids and times), oldest first
 */
public record ExerciseFacts(String exerciseId, String hostPartnerId, List<Schedule> schedules, Conduct conduct,
                            Stamp cancelled, List<Stamp> events) {

    public ExerciseFacts {
        schedules = List.copyOf(schedules);
        events = List.copyOf(events);
    }

    public static ExerciseFacts none(String exerciseId, String hostPartnerId) {
        return new ExerciseFacts(exerciseId, hostPartnerId, List.of(), null, null, List.of());
    }

    /** A schedule: name, area, participants (host included), dates. */
    public record Schedule(String name, String area, List<String> participantPartnerIds, LocalDate startsOn,
                           LocalDate endsOn, Stamp stamp) {
        public Schedule {
            participantPartnerIds = List.copyOf(new TreeSet<>(participantPartnerIds));
        }
    }

    /** A report that the exercise took place, with who actually took part. */
    public record Conduct(List<String> participantPartnerIds, Stamp stamp) {
        public Conduct {
            participantPartnerIds = List.copyOf(new TreeSet<>(participantPartnerIds));
        }
    }

    public boolean hasApplied(String eventId) {
        return events.stream().anyMatch(event -> event.eventId().equals(eventId));
    }

    public ExerciseFacts withSchedule(Schedule schedule) {
        List<Schedule> all = new ArrayList<>(schedules);
        all.add(schedule);
        all.sort(Comparator.comparing(Schedule::stamp));
        return new ExerciseFacts(exerciseId, hostPartnerId, all, conduct, cancelled, with(schedule.stamp()));
    }

    public ExerciseFacts withConduct(Conduct report) {
        Conduct earliest = conduct == null || report.stamp().compareTo(conduct.stamp()) < 0 ? report : conduct;
        return new ExerciseFacts(exerciseId, hostPartnerId, schedules, earliest, cancelled, with(report.stamp()));
    }

    public ExerciseFacts withCancellation(Stamp stamp) {
        return new ExerciseFacts(exerciseId, hostPartnerId, schedules, conduct, Stamp.earliest(cancelled, stamp),
                with(stamp));
    }

    private List<Stamp> with(Stamp stamp) {
        TreeSet<Stamp> all = new TreeSet<>(events);
        all.add(stamp);
        return new ArrayList<>(all);
    }

    /** The schedule in force at a time: the latest stated by then; {@code null} if none. */
    public Schedule scheduleAt(Instant at) {
        Schedule current = null;
        for (Schedule schedule : schedules) {
            if (!schedule.stamp().at().isAfter(at)) {
                current = schedule;
            }
        }
        return current;
    }

    public ExerciseState stateAt(Instant at) {
        if (conduct != null && !conduct.stamp().at().isAfter(at)) {
            return ExerciseState.CONDUCTED;
        }
        if (cancelled != null && !cancelled.at().isAfter(at)) {
            return ExerciseState.CANCELLED;
        }
        return scheduleAt(at) != null ? ExerciseState.SCHEDULED : ExerciseState.PENDING;
    }

    /** Who takes part at a time: those reported in the conduct, else those scheduled; the host always. */
    public Set<String> participantsAt(Instant at) {
        Set<String> participants = new TreeSet<>();
        Schedule schedule = scheduleAt(at);
        if (conduct != null && !conduct.stamp().at().isAfter(at)) {
            participants.addAll(conduct.participantPartnerIds());
        } else if (schedule != null) {
            participants.addAll(schedule.participantPartnerIds());
        }
        participants.add(hostPartnerId);
        return participants;
    }

    /** Every partner named by any schedule or the conduct, and the host: those whose views hear of it. */
    public Set<String> namedPartners() {
        Set<String> named = new TreeSet<>();
        schedules.forEach(schedule -> named.addAll(schedule.participantPartnerIds()));
        if (conduct != null) {
            named.addAll(conduct.participantPartnerIds());
        }
        named.add(hostPartnerId);
        return named;
    }

    /** Whether a partner is named by a schedule or the conduct stated by a time, or hosts it. */
    public boolean namesAt(String partnerId, Instant at) {
        if (partnerId.equals(hostPartnerId)) {
            return true;
        }
        for (Schedule schedule : schedules) {
            if (!schedule.stamp().at().isAfter(at) && schedule.participantPartnerIds().contains(partnerId)) {
                return true;
            }
        }
        return conduct != null && !conduct.stamp().at().isAfter(at) && conduct.participantPartnerIds().contains(partnerId);
    }

    /**
     * What this exercise adds to one partner's {@link Figure}s over time: one exercise in its state while
     * the partner takes part and the schedule is known, and its events from the time the partner is
     * named in it (the host from the first).
     */
    public Timeline figuresFor(String partnerId) {
        Timeline.Builder timeline = new Timeline.Builder();
        for (int i = 0; i < events.size(); i++) {
            Instant at = events.get(i).at();
            if (i + 1 < events.size() && events.get(i + 1).at().equals(at)) {
                continue; // several events at one instant: one step after all of them
            }
            int eventsSoFar = i + 1;
            Counts.Builder counts = Counts.builder();
            if (namesAt(partnerId, at)) {
                counts.add(Figure.EVENTS, eventsSoFar);
            }
            ExerciseState state = stateAt(at);
            if (state != ExerciseState.PENDING && scheduleAt(at) != null && participantsAt(at).contains(partnerId)) {
                counts.add(Figure.exercises(state), 1);
            }
            timeline.step(at, counts.build());
        }
        return timeline.build();
    }

    public static final StateCodec<Schedule> SCHEDULE_CODEC = new StateCodec<>() {
        @Override
        public void write(Schedule schedule, StateWriter out) throws IOException {
            out.writeNullableString(schedule.name());
            out.writeNullableString(schedule.area());
            out.writeStrings(schedule.participantPartnerIds());
            out.writeNullableDate(schedule.startsOn());
            out.writeNullableDate(schedule.endsOn());
            Stamp.CODEC.write(schedule.stamp(), out);
        }

        @Override
        public Schedule read(StateReader in) throws IOException {
            return new Schedule(in.readNullableString(), in.readNullableString(), in.readStrings(),
                    in.readNullableDate(), in.readNullableDate(), Stamp.CODEC.read(in));
        }
    };

    private static final StateCodec<Conduct> CONDUCT_CODEC = new StateCodec<>() {
        @Override
        public void write(Conduct conduct, StateWriter out) throws IOException {
            out.writeStrings(conduct.participantPartnerIds());
            Stamp.CODEC.write(conduct.stamp(), out);
        }

        @Override
        public Conduct read(StateReader in) throws IOException {
            return new Conduct(in.readStrings(), Stamp.CODEC.read(in));
        }
    };

    public static final StateCodec<ExerciseFacts> CODEC = new StateCodec<>() {
        @Override
        public void write(ExerciseFacts facts, StateWriter out) throws IOException {
            out.writeString(facts.exerciseId);
            out.writeString(facts.hostPartnerId);
            out.writeList(facts.schedules, SCHEDULE_CODEC);
            out.writeNullable(facts.conduct, CONDUCT_CODEC);
            out.writeNullable(facts.cancelled, Stamp.CODEC);
            out.writeList(facts.events, Stamp.CODEC);
        }

        @Override
        public ExerciseFacts read(StateReader in) throws IOException {
            return new ExerciseFacts(in.readString(), in.readString(), in.readList(SCHEDULE_CODEC),
                    in.readNullable(CONDUCT_CODEC), in.readNullable(Stamp.CODEC), in.readList(Stamp.CODEC));
        }
    };
}

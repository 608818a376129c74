package org.pfptracker.tracker.state;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.pfptracker.tracker.state.codec.StateCodec;
import org.pfptracker.tracker.state.codec.StateReader;
import org.pfptracker.tracker.state.codec.StateWriter;
import org.pfptracker.tracker.state.index.Counts;
import org.pfptracker.tracker.state.index.Figure;
import org.pfptracker.tracker.state.index.Timeline;

/**
 * What is known about one activity (store {@code activity-facts}, key {@code partnerId/activityId}): the
 * earliest report of each step of its life, and the ids of the events applied to it. Facts rather than
 * a current state, so the same events in any order give the same result; the event ids make a
 * redelivered event harmless however late it comes, with no store of its own.
 *
 * <p>Its state as of a time is the highest step reached by then: COMPLETED over CANCELLED over
 * APPROVED over PROPOSED. A completion is final: a cancellation reported after it changes nothing.
 * A cancellation before a completion counts in its quarter, and the completion then takes over.
 *
 * @param title title from the earliest proposal; {@code null} until a proposal arrives
 * @param area area of cooperation from the earliest proposal; {@code null} until then
 * @param proposed earliest proposal
 * @param approved earliest approval
 * @param completed earliest completion
 * @param cancelled earliest cancellation
 * @param eventIds ids of the distinct events applied, sorted
 */
public record ActivityFacts(String title, String area, Stamp proposed, Stamp approved, Stamp completed,
                            Stamp cancelled, List<String> eventIds) {

    public static final ActivityFacts NONE = new ActivityFacts(null, null, null, null, null, null, List.of());

    public static final StateCodec<ActivityFacts> CODEC = new StateCodec<>() {
        @Override
        public void write(ActivityFacts facts, StateWriter out) throws IOException {
            out.writeNullableString(facts.title);
            out.writeNullableString(facts.area);
            out.writeNullable(facts.proposed, Stamp.CODEC);
            out.writeNullable(facts.approved, Stamp.CODEC);
            out.writeNullable(facts.completed, Stamp.CODEC);
            out.writeNullable(facts.cancelled, Stamp.CODEC);
            out.writeStrings(facts.eventIds);
        }

        @Override
        public ActivityFacts read(StateReader in) throws IOException {
            return new ActivityFacts(in.readNullableString(), in.readNullableString(), in.readNullable(Stamp.CODEC),
                    in.readNullable(Stamp.CODEC), in.readNullable(Stamp.CODEC), in.readNullable(Stamp.CODEC),
                    in.readStrings());
        }
    };

    public ActivityFacts {
        eventIds = List.copyOf(eventIds);
    }

    public boolean hasApplied(String eventId) {
        return eventIds.contains(eventId);
    }

    public ActivityFacts withProposal(String newTitle, String newArea, Stamp stamp) {
        boolean earlier = proposed == null || stamp.compareTo(proposed) < 0;
        return new ActivityFacts(earlier ? newTitle : title, earlier ? newArea : area,
                Stamp.earliest(proposed, stamp), approved, completed, cancelled, with(stamp));
    }

    public ActivityFacts withApproval(Stamp stamp) {
        return new ActivityFacts(title, area, proposed, Stamp.earliest(approved, stamp), completed, cancelled,
                with(stamp));
    }

    public ActivityFacts withCompletion(Stamp stamp) {
        return new ActivityFacts(title, area, proposed, approved, Stamp.earliest(completed, stamp), cancelled,
                with(stamp));
    }

    public ActivityFacts withCancellation(Stamp stamp) {
        return new ActivityFacts(title, area, proposed, approved, completed, Stamp.earliest(cancelled, stamp),
                with(stamp));
    }

    private List<String> with(Stamp stamp) {
        TreeSet<String> ids = new TreeSet<>(eventIds);
        ids.add(stamp.eventId());
        return new ArrayList<>(ids);
    }

    /** The state reached by a time: the highest step reported at or before it; PENDING if none. */
    public ActivityState stateAt(Instant at) {
        if (reached(completed, at)) {
            return ActivityState.COMPLETED;
        }
        if (reached(cancelled, at)) {
            return ActivityState.CANCELLED;
        }
        if (reached(approved, at)) {
            return ActivityState.APPROVED;
        }
        return reached(proposed, at) ? ActivityState.PROPOSED : ActivityState.PENDING;
    }

    /** What this activity adds to its partner's {@link Figure}s over time. */
    public Timeline figures() {
        Timeline.Builder timeline = new Timeline.Builder();
        for (Instant at : stepTimes()) {
            Counts.Builder counts = Counts.builder()
                    .add(Figure.activities(reached(proposed, at) ? area : "UNKNOWN", stateAt(at)), 1);
            if (reached(proposed, at)) {
                counts.add(Figure.PROPOSED, 1);
            }
            if (reached(completed, at)) {
                counts.add(Figure.COMPLETED, 1);
            }
            if (reached(cancelled, at) && !cancellationVoid()) {
                counts.add(Figure.CANCELLED, 1);
            }
            timeline.step(at, counts.build());
        }
        return timeline.build();
    }

    /**
     * What this activity adds to its partner's lead times: once both its proposal and its completion are
     * known, one activity at its lead time in whole days. A completion reported before the proposal has
     * no lead time.
     */
    public Timeline leadTime() {
        Integer days = leadTimeDays();
        if (days == null) {
            return Timeline.NONE;
        }
        Instant known = completed.at().isAfter(proposed.at()) ? completed.at() : proposed.at();
        return new Timeline.Builder().step(known, Counts.of(days, 1)).build();
    }

    /** Days from proposal to completion; {@code null} unless both are known and in that order. */
    public Integer leadTimeDays() {
        if (proposed == null || completed == null || completed.at().isBefore(proposed.at())) {
            return null;
        }
        return (int) Duration.between(proposed.at(), completed.at()).toDays();
    }

    /** A cancellation reported at or after the completion: the activity took place, the cancellation counts nowhere. */
    private boolean cancellationVoid() {
        return completed != null && cancelled != null && !completed.at().isAfter(cancelled.at());
    }

    private List<Instant> stepTimes() {
        TreeSet<Instant> times = new TreeSet<>();
        for (Stamp step : new Stamp[] {proposed, approved, completed, cancelled}) {
            if (step != null) {
                times.add(step.at());
            }
        }
        return new ArrayList<>(times);
    }

    private static boolean reached(Stamp step, Instant at) {
        return step != null && !step.at().isAfter(at);
    }
}

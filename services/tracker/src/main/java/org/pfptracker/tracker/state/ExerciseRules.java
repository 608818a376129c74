package org.pfptracker.tracker.state;

import org.apache.avro.specific.SpecificRecord;
import org.pfptracker.event.ActivityApproved;
import org.pfptracker.event.ActivityCancelled;
import org.pfptracker.event.ActivityCompleted;
import org.pfptracker.event.ActivityProposed;
import org.pfptracker.event.ExerciseCancelled;
import org.pfptracker.event.ExerciseConducted;
import org.pfptracker.event.ExerciseScheduled;
import org.pfptracker.event.ObjectiveAchieved;
import org.pfptracker.event.PartnerJoined;
import org.pfptracker.event.PartnerStatusChanged;
import org.pfptracker.event.PrioritiesChosen;
import org.pfptracker.event.ProgrammeAgreed;
import org.pfptracker.event.ProgrammeAssessed;
import org.pfptracker.platform.event.EventCatalogue;
import org.pfptracker.platform.event.EventVisitor;
import org.pfptracker.tracker.state.index.IndexKeys;

/**
 * How an exercise event changes its exercise's facts. Pure. An exercise is identified by its host and
 * its id: its events are keyed by the host, so they all reach the same task, in order, with no
 * repartitioning; an event naming another host is about another exercise.
 */
public final class ExerciseRules {

    private ExerciseRules() {
    }

    /** The store key of an exercise: {@code hostPartnerId/exerciseId}. */
    public static String key(String hostPartnerId, String exerciseId) {
        return hostPartnerId + IndexKeys.SEPARATOR + exerciseId;
    }

    /** The exercise an event is about. */
    public static String exerciseIdOf(SpecificRecord event, Stamp stamp) {
        return PartnerEventRules.required(EventCatalogue.dispatch(event, EXERCISE_ID), "exerciseId", stamp);
    }

    /** The facts after a new (not yet applied) event; {@code current} is null for an exercise not seen yet. */
    public static ExerciseFacts apply(ExerciseFacts current, String hostPartnerId, String exerciseId, Stamp stamp,
                                      SpecificRecord event) {
        ExerciseFacts facts = current == null ? ExerciseFacts.none(exerciseId, hostPartnerId) : current;
        return EventCatalogue.dispatch(event, new Change(facts, stamp));
    }

    /** Reads the exercise id of an exercise event; other events have none. */
    private static final EventVisitor<String> EXERCISE_ID = new NotAnExerciseEvent<>() {
        @Override
        public String exerciseScheduled(ExerciseScheduled event) {
            return event.getExerciseId();
        }

        @Override
        public String exerciseConducted(ExerciseConducted event) {
            return event.getExerciseId();
        }

        @Override
        public String exerciseCancelled(ExerciseCancelled event) {
            return event.getExerciseId();
        }
    };

    private static final class Change extends NotAnExerciseEvent<ExerciseFacts> {
        private final ExerciseFacts facts;
        private final Stamp stamp;

        Change(ExerciseFacts facts, Stamp stamp) {
            this.facts = facts;
            this.stamp = stamp;
        }

        @Override
        public ExerciseFacts exerciseScheduled(ExerciseScheduled event) {
            return facts.withSchedule(PartnerEventRules.schedule(event, stamp));
        }

        @Override
        public ExerciseFacts exerciseConducted(ExerciseConducted event) {
            return facts.withConduct(new ExerciseFacts.Conduct(event.getParticipantPartnerIds(), stamp));
        }

        @Override
        public ExerciseFacts exerciseCancelled(ExerciseCancelled event) {
            return facts.withCancellation(stamp);
        }
    }

    /** Refuses every event that is not about an exercise: the exercise topic carries only exercise events. */
    private abstract static class NotAnExerciseEvent<R> implements EventVisitor<R> {

        private R refuse(SpecificRecord event) {
            throw new InvalidEventException("event of type " + event.getSchema().getName()
                    + " is not an exercise event; it does not belong on the exercises topic");
        }

        @Override
        public R partnerJoined(PartnerJoined event) {
            return refuse(event);
        }

        @Override
        public R prioritiesChosen(PrioritiesChosen event) {
            return refuse(event);
        }

        @Override
        public R partnerStatusChanged(PartnerStatusChanged event) {
            return refuse(event);
        }

        @Override
        public R activityProposed(ActivityProposed event) {
            return refuse(event);
        }

        @Override
        public R activityApproved(ActivityApproved event) {
            return refuse(event);
        }

        @Override
        public R activityCompleted(ActivityCompleted event) {
            return refuse(event);
        }

        @Override
        public R activityCancelled(ActivityCancelled event) {
            return refuse(event);
        }

        @Override
        public R programmeAgreed(ProgrammeAgreed event) {
            return refuse(event);
        }

        @Override
        public R objectiveAchieved(ObjectiveAchieved event) {
            return refuse(event);
        }

        @Override
        public R programmeAssessed(ProgrammeAssessed event) {
            return refuse(event);
        }
    }
}

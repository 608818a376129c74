package org.pfptracker.platform.event;

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

/**
 * One method per event type of the catalogue. Whatever handles events implements it, and
 * {@link EventCatalogue#dispatch} calls the method for an event's type: a new event type adds a
 * method here, and every handler that does not handle it stops compiling (Java 17 has no exhaustive
 * {@code switch} over sealed types; this is the same check).
 *
 * @param <R> what handling an event gives
 */
public interface EventVisitor<R> {

    R partnerJoined(PartnerJoined event);

    R prioritiesChosen(PrioritiesChosen event);

    R partnerStatusChanged(PartnerStatusChanged event);

    R activityProposed(ActivityProposed event);

    R activityApproved(ActivityApproved event);

    R activityCompleted(ActivityCompleted event);

    R activityCancelled(ActivityCancelled event);

    R exerciseScheduled(ExerciseScheduled event);

    R exerciseConducted(ExerciseConducted event);

    R exerciseCancelled(ExerciseCancelled event);

    R programmeAgreed(ProgrammeAgreed event);

    R objectiveAchieved(ObjectiveAchieved event);

    R programmeAssessed(ProgrammeAssessed event);
}

package org.pfptracker.tracker.state;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.apache.kafka.streams.state.KeyValueStore;
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
import org.pfptracker.platform.event.EventVisitor;
import org.pfptracker.tracker.state.index.Counts;
import org.pfptracker.tracker.state.index.DayMarks;
import org.pfptracker.tracker.state.index.Figure;
import org.pfptracker.tracker.state.index.IndexKeys;
import org.pfptracker.tracker.state.index.Tally;
import org.pfptracker.tracker.state.index.Timeline;

/**
 * Writes what one event of a partner's own states into the partner's stores: the entity it is about
 * (activity, programme, partner fact) and what that changes in the partner's running totals. Every
 * write is to a key of bounded size: cost per event does not grow with the partner's history.
 *
 * <p>Each method answers whether the event was new; a redelivered event is recognised by its id, kept
 * with the entity it changed, and changes nothing.
 */
public final class PartnerLedger implements EventVisitor<Boolean> {

    private final KeyValueStore<String, ActivityFacts> activities;
    private final KeyValueStore<String, ProgrammeFacts> programmes;
    private final KeyValueStore<String, PartnerFact> partnerFacts;
    private final KeyValueStore<String, ExerciseFacts> exercises;
    private final KeyValueStore<String, String> exerciseStarts;
    private final KeyValueStore<String, Counts> tally;
    private String partnerId;
    private Stamp stamp;

    public PartnerLedger(KeyValueStore<String, ActivityFacts> activities, KeyValueStore<String, ProgrammeFacts> programmes,
                         KeyValueStore<String, PartnerFact> partnerFacts, KeyValueStore<String, ExerciseFacts> exercises,
                         KeyValueStore<String, String> exerciseStarts, KeyValueStore<String, Counts> tally) {
        this.activities = activities;
        this.programmes = programmes;
        this.partnerFacts = partnerFacts;
        this.exercises = exercises;
        this.exerciseStarts = exerciseStarts;
        this.tally = tally;
    }

    /** Applies one of the partner's own events, stamped and checked by the caller; false for a duplicate. */
    public boolean apply(String partnerId, Stamp stamp, org.apache.avro.specific.SpecificRecord event) {
        this.partnerId = partnerId;
        this.stamp = stamp;
        return org.pfptracker.platform.event.EventCatalogue.dispatch(event, this);
    }

    @Override
    public Boolean partnerJoined(PartnerJoined event) {
        return partnerFact(PartnerEventRules.profile(event, stamp));
    }

    @Override
    public Boolean prioritiesChosen(PrioritiesChosen event) {
        return partnerFact(PartnerEventRules.priorities(event, stamp));
    }

    @Override
    public Boolean partnerStatusChanged(PartnerStatusChanged event) {
        return partnerFact(PartnerEventRules.status(event, stamp));
    }

    @Override
    public Boolean activityProposed(ActivityProposed event) {
        return activity(event.getActivityId(), facts -> facts.withProposal(event.getTitle(), event.getArea().name(), stamp));
    }

    @Override
    public Boolean activityApproved(ActivityApproved event) {
        return activity(event.getActivityId(), facts -> facts.withApproval(stamp));
    }

    @Override
    public Boolean activityCompleted(ActivityCompleted event) {
        return activity(event.getActivityId(), facts -> facts.withCompletion(stamp));
    }

    @Override
    public Boolean activityCancelled(ActivityCancelled event) {
        return activity(event.getActivityId(), facts -> facts.withCancellation(stamp));
    }

    @Override
    public Boolean programmeAgreed(ProgrammeAgreed event) {
        ProgrammeFacts.Agreement agreement = PartnerEventRules.agreement(event, stamp);
        return programme(event.getProgrammeId(), facts -> facts.withAgreement(agreement));
    }

    @Override
    public Boolean objectiveAchieved(ObjectiveAchieved event) {
        String objectiveId = PartnerEventRules.required(event.getObjectiveId(), "objectiveId", stamp);
        return programme(event.getProgrammeId(), facts -> facts.withAchievement(objectiveId, stamp));
    }

    @Override
    public Boolean programmeAssessed(ProgrammeAssessed event) {
        ProgrammeFacts.Assessment assessment = new ProgrammeFacts.Assessment(event.getRating().name(),
                event.getSummary(), stamp);
        return programme(event.getProgrammeId(), facts -> facts.withAssessment(assessment));
    }

    @Override
    public Boolean exerciseScheduled(ExerciseScheduled event) {
        throw notOwn(event.getSchema().getName());
    }

    @Override
    public Boolean exerciseConducted(ExerciseConducted event) {
        throw notOwn(event.getSchema().getName());
    }

    @Override
    public Boolean exerciseCancelled(ExerciseCancelled event) {
        throw notOwn(event.getSchema().getName());
    }

    private InvalidEventException notOwn(String type) {
        return new InvalidEventException("event " + stamp.eventId() + " of type " + type
                + " is an exercise event; it does not belong on a partner topic");
    }

    private boolean partnerFact(PartnerFact fact) {
        String key = PartnerFact.key(partnerId, fact);
        if (partnerFacts.get(key) != null) {
            return false;
        }
        partnerFacts.put(key, fact);
        countEvent(stamp.at());
        return true;
    }

    private boolean activity(String activityId, UnaryOperator<ActivityFacts> change) {
        String key = partnerId + IndexKeys.SEPARATOR + PartnerEventRules.required(activityId, "activityId", stamp);
        ActivityFacts stored = activities.get(key);
        ActivityFacts before = stored == null ? ActivityFacts.NONE : stored;
        if (before.hasApplied(stamp.eventId())) {
            return false;
        }
        ActivityFacts after = change.apply(before);
        activities.put(key, after);
        Map<Integer, Counts> changes = after.figures().changesSince(before.figures());
        // The event itself counts on its day: one update of the tally for the activity's change and the event.
        changes.merge(dayOf(stamp.at()), Counts.of(Figure.EVENTS, 1), Counts::plus);
        Tally.FIGURES.add(tally, partnerId, changes);
        Tally.LEAD_TIMES.add(tally, partnerId, after.leadTime().changesSince(before.leadTime()));
        if (!Objects.equals(before.completed(), after.completed())) {
            markCompletion(before, -1);
            markCompletion(after, +1);
        }
        markLatestEvent(stamp.at());
        return true;
    }

    private void markCompletion(ActivityFacts facts, int sign) {
        if (facts.completed() != null) {
            DayMarks.COMPLETIONS.add(tally, partnerId, (int) facts.completed().date().toEpochDay(), sign);
        }
    }

    private boolean programme(String programmeId, UnaryOperator<ProgrammeFacts> change) {
        String key = partnerId + IndexKeys.SEPARATOR + PartnerEventRules.required(programmeId, "programmeId", stamp);
        ProgrammeFacts stored = programmes.get(key);
        ProgrammeFacts before = stored == null ? ProgrammeFacts.NONE : stored;
        if (before.hasApplied(stamp.eventId())) {
            return false;
        }
        programmes.put(key, change.apply(before));
        countEvent(stamp.at());
        return true;
    }

    /**
     * Applies what the partner's part in an exercise is now, sent by the exercise's task; false when it
     * changes nothing (a redelivered exercise event).
     */
    public boolean applyExercise(String partnerId, ExerciseFacts after) {
        this.partnerId = partnerId;
        // An exercise is its host and its id: two hosts may each have an "ex1" naming this partner.
        String exercise = ExerciseRules.key(after.hostPartnerId(), after.exerciseId());
        String key = partnerId + IndexKeys.SEPARATOR + exercise;
        ExerciseFacts stored = exercises.get(key);
        if (after.equals(stored)) {
            return false;
        }
        exercises.put(key, after);
        Timeline before = stored == null ? Timeline.NONE : stored.figuresFor(partnerId);
        Tally.FIGURES.add(tally, partnerId, after.figuresFor(partnerId).changesSince(before));
        for (ExerciseFacts.Schedule schedule : after.schedules()) {
            exerciseStarts.putIfAbsent(partnerId + IndexKeys.SEPARATOR + IndexKeys.day(schedule.startsOn())
                    + IndexKeys.SEPARATOR + exercise, exercise);
        }
        // The newest event a partner has heard of: events of the exercise from the time it is named in it.
        for (Stamp event : after.events()) {
            if (after.namesAt(partnerId, event.at())) {
                markLatestEvent(event.at());
            }
        }
        return true;
    }

    private void countEvent(Instant at) {
        Tally.FIGURES.add(tally, partnerId, dayOf(at), Counts.of(Figure.EVENTS, 1));
        markLatestEvent(at);
    }

    private static int dayOf(Instant at) {
        return (int) at.atZone(ZoneOffset.UTC).toLocalDate().toEpochDay();
    }

    private void markLatestEvent(Instant at) {
        var time = at.atZone(ZoneOffset.UTC);
        int millisIntoDay = (int) (time.toLocalTime().toNanoOfDay() / 1_000_000L) + 1;
        DayMarks.LATEST_EVENT.raise(tally, partnerId, (int) time.toLocalDate().toEpochDay(), millisIntoDay);
    }

}

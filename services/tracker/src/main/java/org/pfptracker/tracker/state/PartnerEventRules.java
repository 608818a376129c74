package org.pfptracker.tracker.state;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;
import org.pfptracker.event.ActivityApproved;
import org.pfptracker.event.ActivityCancelled;
import org.pfptracker.event.ActivityCompleted;
import org.pfptracker.event.ActivityProposed;
import org.pfptracker.event.AreaOfCooperation;
import org.pfptracker.event.EventMetadata;
import org.pfptracker.event.ObjectiveAchieved;
import org.pfptracker.event.PartnerJoined;
import org.pfptracker.event.PartnerStatusChanged;
import org.pfptracker.event.PrioritiesChosen;
import org.pfptracker.event.ProgrammeAgreed;
import org.pfptracker.event.ProgrammeAssessed;
import org.pfptracker.platform.event.Events;

/**
 * How one event of a partner's own (partners, activities and programmes topics) changes what is
 * stored about it. Pure: no I/O and no clock, so the same events always give the same state.
 *
 * <p>Every rule is commutative and idempotent (facts with earliest/latest-stamp rules, counters by
 * exact deltas), which is what makes the final view independent of arrival order. An event that
 * cannot belong to the view is refused with {@link InvalidEventException} and dead-lettered.
 */
public final class PartnerEventRules {

    private PartnerEventRules() {
    }

    /**
     * The change one event makes.
     *
     * @param state the partner state after the event
     * @param activity the activity it changed, or {@code null}
     */
    public record Outcome(PartnerState state, ActivityChange activity) {
    }

    /** An activity's facts before and after an event. */
    public record ActivityChange(String activityId, ActivityFacts before, ActivityFacts after) {
    }

    /**
     * Applies one event, which the caller has established is not a duplicate.
     *
     * @param partnerId the record key
     * @param event the event
     * @param current the partner's state ({@code null} if none yet)
     * @param activities the stored facts of an activity of this partner ({@code null} if none)
     */
    public static Outcome apply(String partnerId, SpecificRecord event, PartnerState current,
                                Function<String, ActivityFacts> activities) {
        EventMetadata metadata = Events.metadataOf(event);
        checkKey(partnerId, metadata);
        Stamp stamp = new Stamp(metadata.getOccurredAt(), metadata.getEventId().toString());
        PartnerState state = (current == null ? PartnerState.empty(partnerId) : current).counting(stamp.at());

        if (event instanceof PartnerJoined joined) {
            return new Outcome(state.withProfile(new ProfileFact(required(joined.getName(), "name", stamp),
                    joined.getFramework().name(), joined.getJoinedOn(), stamp)), null);
        }
        if (event instanceof PrioritiesChosen chosen) {
            return new Outcome(state.withPriorities(priorities(chosen, stamp)), null);
        }
        if (event instanceof PartnerStatusChanged changed) {
            return new Outcome(state.withStatus(new StatusFact(changed.getStatus().name(), changed.getEffectiveOn(),
                    changed.getReason(), stamp)), null);
        }
        if (event instanceof ActivityProposed proposed) {
            return activity(state, proposed.getActivityId(), stamp, activities,
                    facts -> facts.withProposal(proposed.getTitle(), proposed.getArea().name(), stamp.at()));
        }
        if (event instanceof ActivityApproved approved) {
            return activity(state, approved.getActivityId(), stamp, activities, facts -> facts.withApproval(stamp.at()));
        }
        if (event instanceof ActivityCompleted completed) {
            return activity(state, completed.getActivityId(), stamp, activities, facts -> facts.withCompletion(stamp.at()));
        }
        if (event instanceof ActivityCancelled cancelled) {
            return activity(state, cancelled.getActivityId(), stamp, activities,
                    facts -> facts.withCancellation(stamp.at()));
        }
        if (event instanceof ProgrammeAgreed agreed) {
            ProgrammeFacts.Agreement agreement = agreement(agreed, stamp);
            return new Outcome(state.withProgramme(required(agreed.getProgrammeId(), "programmeId", stamp),
                    facts -> facts.withAgreement(agreement)), null);
        }
        if (event instanceof ObjectiveAchieved achieved) {
            String objectiveId = required(achieved.getObjectiveId(), "objectiveId", stamp);
            return new Outcome(state.withProgramme(required(achieved.getProgrammeId(), "programmeId", stamp),
                    facts -> facts.withAchievement(objectiveId, stamp.at())), null);
        }
        if (event instanceof ProgrammeAssessed assessed) {
            ProgrammeFacts.Assessment assessment = new ProgrammeFacts.Assessment(assessed.getRating().name(),
                    assessed.getSummary(), stamp);
            return new Outcome(state.withProgramme(required(assessed.getProgrammeId(), "programmeId", stamp),
                    facts -> facts.withAssessment(assessment)), null);
        }
        throw new InvalidEventException("event " + stamp.eventId() + " of type " + event.getSchema().getFullName()
                + " does not belong on a partner topic");
    }

    private static Outcome activity(PartnerState state, String activityId, Stamp stamp,
                                    Function<String, ActivityFacts> activities,
                                    java.util.function.UnaryOperator<ActivityFacts> change) {
        required(activityId, "activityId", stamp);
        ActivityFacts stored = activities.apply(activityId);
        ActivityFacts before = stored == null ? ActivityFacts.NONE : stored;
        ActivityFacts after = change.apply(before);
        if (after.equals(before)) {
            return new Outcome(state, null);
        }
        return new Outcome(state.withActivityChange(stored == null ? null : before.contribution(), after.contribution()),
                new ActivityChange(activityId, stored, after));
    }

    private static PrioritiesFact priorities(PrioritiesChosen chosen, Stamp stamp) {
        List<String> areas = chosen.getPriorities().stream().map(AreaOfCooperation::name).toList();
        if (areas.isEmpty()) {
            throw new InvalidEventException("priorities " + stamp.eventId() + " name no area of cooperation");
        }
        if (new HashSet<>(areas).size() != areas.size()) {
            throw new InvalidEventException("priorities " + stamp.eventId() + " repeat an area: " + areas);
        }
        if (chosen.getTargetCompletedActivitiesPerYear() < 1) {
            throw new InvalidEventException("priorities " + stamp.eventId() + " choose a pace of "
                    + chosen.getTargetCompletedActivitiesPerYear() + " activities a year; it must be at least 1");
        }
        return new PrioritiesFact(areas, chosen.getTargetCompletedActivitiesPerYear(), stamp);
    }

    private static ProgrammeFacts.Agreement agreement(ProgrammeAgreed agreed, Stamp stamp) {
        if (agreed.getPeriodEnd().isBefore(agreed.getPeriodStart())) {
            throw new InvalidEventException("programme " + agreed.getProgrammeId() + " ends (" + agreed.getPeriodEnd()
                    + ") before it starts (" + agreed.getPeriodStart() + ")");
        }
        Set<String> seen = new HashSet<>();
        List<ProgrammeFacts.Objective> objectives = agreed.getObjectives().stream().map(objective -> {
            if (!seen.add(objective.getObjectiveId())) {
                throw new InvalidEventException("programme " + agreed.getProgrammeId() + " repeats objective "
                        + objective.getObjectiveId());
            }
            if (objective.getTargetDate().isBefore(agreed.getPeriodStart())
                    || objective.getTargetDate().isAfter(agreed.getPeriodEnd())) {
                throw new InvalidEventException("objective " + objective.getObjectiveId() + " of programme "
                        + agreed.getProgrammeId() + " targets " + objective.getTargetDate() + ", outside the period "
                        + agreed.getPeriodStart() + " to " + agreed.getPeriodEnd());
            }
            return new ProgrammeFacts.Objective(objective.getObjectiveId(), objective.getDescription(),
                    objective.getArea().name(), objective.getTargetDate());
        }).toList();
        return new ProgrammeFacts.Agreement(agreed.getProgrammeType().name(), agreed.getPeriodStart(),
                agreed.getPeriodEnd(), objectives, stamp);
    }

    static void checkKey(String key, EventMetadata metadata) {
        if (key == null) {
            throw new InvalidEventException("event " + metadata.getEventId() + " has no record key; events are keyed by"
                    + " partner id ('" + metadata.getPartnerId() + "')");
        }
        if (!key.equals(metadata.getPartnerId())) {
            throw new InvalidEventException("event " + metadata.getEventId() + " is keyed '" + key
                    + "' but is about partner '" + metadata.getPartnerId() + "'");
        }
    }

    private static String required(String value, String field, Stamp stamp) {
        if (value == null || value.isBlank()) {
            throw new InvalidEventException("event " + stamp.eventId() + " has a blank " + field);
        }
        return value;
    }

}

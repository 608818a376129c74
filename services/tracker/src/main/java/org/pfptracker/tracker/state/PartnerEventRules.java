package org.pfptracker.tracker.state;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.pfptracker.core.partner.InvalidPartnerIdException;
import org.pfptracker.core.partner.PartnerId;
import org.pfptracker.event.AreaOfCooperation;
import org.pfptracker.event.EventMetadata;
import org.pfptracker.event.ExerciseScheduled;
import org.pfptracker.event.PartnerJoined;
import org.pfptracker.event.PartnerStatusChanged;
import org.pfptracker.event.PrioritiesChosen;
import org.pfptracker.event.ProgrammeAgreed;
import org.pfptracker.platform.event.EventCatalogue;
import org.pfptracker.platform.event.Events;

/**
 * What an event states, as the tracker's facts, and whether it can belong to a view at all. Pure: no
 * I/O and no clock. An event that cannot belong to a view is refused with {@link InvalidEventException}
 * and dead-lettered with the reason.
 */
public final class PartnerEventRules {

    private PartnerEventRules() {
    }

    /** The event's stamp, after checking it arrived where it belongs: on its type's topic, under its partner's key. */
    public static Stamp checkedStamp(String topic, String key, SpecificRecord event) {
        EventMetadata metadata = Events.metadataOf(event);
        String home = EventCatalogue.typeOf(event).topic();
        if (topic != null && !home.equals(topic)) {
            throw new InvalidEventException("event " + metadata.getEventId() + " of type "
                    + event.getSchema().getName() + " arrived on " + topic + "; its type belongs on " + home);
        }
        checkKey(key, metadata);
        return new Stamp(metadata.getOccurredAt(), metadata.getEventId().toString());
    }

    static void checkKey(String key, EventMetadata metadata) {
        // The partner id prefixes every store key of the partner: one that is not a partner id (a '/' in it)
        // would read another partner's entries.
        try {
            PartnerId.parse(metadata.getPartnerId());
        } catch (InvalidPartnerIdException e) {
            throw new InvalidEventException("event " + metadata.getEventId() + " names no partner: " + e.getMessage());
        }
        if (key == null) {
            throw new InvalidEventException("event " + metadata.getEventId() + " has no record key; events are keyed by"
                    + " partner id ('" + metadata.getPartnerId() + "')");
        }
        if (!key.equals(metadata.getPartnerId())) {
            throw new InvalidEventException("event " + metadata.getEventId() + " is keyed '" + key
                    + "' but is about partner '" + metadata.getPartnerId() + "'");
        }
    }

    public static PartnerFact.Profile profile(PartnerJoined joined, Stamp stamp) {
        return new PartnerFact.Profile(required(joined.getName(), "name", stamp), joined.getFramework().name(),
                joined.getJoinedOn(), stamp);
    }

    public static PartnerFact.Status status(PartnerStatusChanged changed, Stamp stamp) {
        return new PartnerFact.Status(changed.getStatus().name(), changed.getEffectiveOn(), changed.getReason(), stamp);
    }

    public static PartnerFact.Priorities priorities(PrioritiesChosen chosen, Stamp stamp) {
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
        return new PartnerFact.Priorities(areas, chosen.getTargetCompletedActivitiesPerYear(), stamp);
    }

    public static ProgrammeFacts.Agreement agreement(ProgrammeAgreed agreed, Stamp stamp) {
        required(agreed.getProgrammeId(), "programmeId", stamp);
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

    public static ExerciseFacts.Schedule schedule(ExerciseScheduled scheduled, Stamp stamp) {
        if (scheduled.getParticipantPartnerIds().isEmpty()) {
            throw new InvalidEventException("exercise " + scheduled.getExerciseId() + " is scheduled with no participants");
        }
        if (scheduled.getEndsOn().isBefore(scheduled.getStartsOn())) {
            throw new InvalidEventException("exercise " + scheduled.getExerciseId() + " ends (" + scheduled.getEndsOn()
                    + ") before it starts (" + scheduled.getStartsOn() + ")");
        }
        return new ExerciseFacts.Schedule(scheduled.getName(), scheduled.getArea().name(),
                scheduled.getParticipantPartnerIds(), scheduled.getStartsOn(), scheduled.getEndsOn(), stamp);
    }

    /** A required text field, refused when blank. */
    public static String required(String value, String field, Stamp stamp) {
        if (value == null || value.isBlank()) {
            throw new InvalidEventException("event " + stamp.eventId() + " has a blank " + field);
        }
        return value;
    }
}

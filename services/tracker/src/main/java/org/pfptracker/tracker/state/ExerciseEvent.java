package org.pfptracker.tracker.state;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.pfptracker.event.EventMetadata;
import org.pfptracker.event.ExerciseCancelled;
import org.pfptracker.event.ExerciseConducted;
import org.pfptracker.event.ExerciseScheduled;
import org.pfptracker.platform.event.Events;

/**
 * An exercise event as the tracker moves it between its own tasks: re-keyed by exercise id on an
 * internal topic. Internal topics carry our own JSON, never registry subjects, so the tracker needs
 * no schema registration rights for them.
 *
 * @param kind SCHEDULED, CONDUCTED or CANCELLED
 * @param exerciseId the exercise
 * @param hostPartnerId the host (the original record key)
 * @param eventId the original event's id
 * @param occurredAt its event time
 * @param name name (SCHEDULED only)
 * @param area area (SCHEDULED only)
 * @param participantPartnerIds participants (SCHEDULED and CONDUCTED)
 * @param startsOn first day (SCHEDULED only)
 * @param endsOn last day (SCHEDULED only)
 */
public record ExerciseEvent(String kind, String exerciseId, String hostPartnerId, String eventId, Instant occurredAt,
                            String name, String area, List<String> participantPartnerIds, LocalDate startsOn,
                            LocalDate endsOn) {

    /** Converts and validates an exercise event read from the exercises topic under the given key. */
    public static ExerciseEvent of(String key, SpecificRecord event) {
        EventMetadata metadata = Events.metadataOf(event);
        PartnerEventRules.checkKey(key, metadata);
        String eventId = metadata.getEventId().toString();
        if (event instanceof ExerciseScheduled scheduled) {
            if (scheduled.getParticipantPartnerIds().isEmpty()) {
                throw new InvalidEventException("exercise " + scheduled.getExerciseId() + " is scheduled with no participants");
            }
            if (scheduled.getEndsOn().isBefore(scheduled.getStartsOn())) {
                throw new InvalidEventException("exercise " + scheduled.getExerciseId() + " ends (" + scheduled.getEndsOn()
                        + ") before it starts (" + scheduled.getStartsOn() + ")");
            }
            return new ExerciseEvent("SCHEDULED", exerciseId(scheduled.getExerciseId(), eventId), key, eventId,
                    metadata.getOccurredAt(), scheduled.getName(), scheduled.getArea().name(),
                    scheduled.getParticipantPartnerIds(), scheduled.getStartsOn(), scheduled.getEndsOn());
        }
        if (event instanceof ExerciseConducted conducted) {
            return new ExerciseEvent("CONDUCTED", exerciseId(conducted.getExerciseId(), eventId), key, eventId,
                    metadata.getOccurredAt(), null, null, conducted.getParticipantPartnerIds(), null, null);
        }
        if (event instanceof ExerciseCancelled cancelled) {
            return new ExerciseEvent("CANCELLED", exerciseId(cancelled.getExerciseId(), eventId), key, eventId,
                    metadata.getOccurredAt(), null, null, List.of(), null, null);
        }
        throw new InvalidEventException("event " + eventId + " of type " + event.getSchema().getFullName()
                + " does not belong on the exercises topic");
    }

    /** The exercise facts after this event (the caller has established it is not a duplicate). */
    public ExerciseFacts applyTo(ExerciseFacts current) {
        ExerciseFacts facts = current == null ? ExerciseFacts.none(exerciseId, hostPartnerId) : current;
        if (!facts.hostPartnerId().equals(hostPartnerId)) {
            throw new InvalidEventException("event " + eventId + " names host '" + hostPartnerId + "' for exercise "
                    + exerciseId + ", hosted by '" + facts.hostPartnerId() + "'");
        }
        Stamp stamp = new Stamp(occurredAt, eventId);
        return switch (kind) {
            case "SCHEDULED" -> facts.withSchedule(new ExerciseFacts.Schedule(name, area, participantPartnerIds,
                    startsOn, endsOn, stamp));
            case "CONDUCTED" -> facts.withConduct(new ExerciseFacts.Conduct(participantPartnerIds, stamp));
            case "CANCELLED" -> facts.withCancellation(stamp);
            default -> throw new InvalidEventException("unknown exercise event kind " + kind);
        };
    }

    private static String exerciseId(String exerciseId, String eventId) {
        if (exerciseId == null || exerciseId.isBlank()) {
            throw new InvalidEventException("exercise event " + eventId + " has a blank exerciseId");
        }
        return exerciseId;
    }
}

package org.pfptracker.tracker.state;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One exercise as one partner's view holds it (store {@code partner-exercises}, key
 * {@code partnerId/exerciseId}).
 *
 * @param exerciseId the exercise
 * @param name its name; {@code null} until the schedule arrives
 * @param area its area; {@code null} until the schedule arrives
 * @param state PENDING, SCHEDULED, CONDUCTED or CANCELLED
 * @param role HOST or PARTICIPANT
 * @param hostPartnerId the host
 * @param participantPartnerIds every participant
 * @param startsOn first day
 * @param endsOn last day
 * @param eventCount distinct events applied to the exercise, counted in each participant's view
 * @param lastEventAt newest event time among them
 */
public record ExerciseParticipation(String exerciseId, String name, String area, String state, String role,
                                    String hostPartnerId, List<String> participantPartnerIds, LocalDate startsOn,
                                    LocalDate endsOn, int eventCount, Instant lastEventAt) {

    public ExerciseParticipation {
        participantPartnerIds = List.copyOf(participantPartnerIds);
    }
}

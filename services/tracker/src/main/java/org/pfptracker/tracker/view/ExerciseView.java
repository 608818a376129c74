package org.pfptracker.tracker.view;

import java.time.LocalDate;
import java.util.List;

/**
 * One exercise as a partner sees it.
 *
 * @param exerciseId the exercise
 * @param name its name
 * @param area area of cooperation it serves
 * @param state SCHEDULED, CONDUCTED or CANCELLED
 * @param role HOST or PARTICIPANT for the partner whose view this is
 * @param hostPartnerId the host
 * @param participantPartnerIds every participant, the host included
 * @param startsOn first day
 * @param endsOn last day
 */
public record ExerciseView(String exerciseId, String name, String area, String state, String role,
                           String hostPartnerId, List<String> participantPartnerIds, LocalDate startsOn,
                           LocalDate endsOn) {

    public ExerciseView {
        participantPartnerIds = List.copyOf(participantPartnerIds);
    }
}

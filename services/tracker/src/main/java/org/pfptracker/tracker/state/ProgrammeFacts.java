package org.pfptracker.tracker.state;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What is known about one programme. An objective may be reported achieved before the programme's
 * agreement arrives: achievements are kept on their own and meet their objectives whenever both are known.
 *
 * @param agreement the latest agreement (by event time); {@code null} until it arrives
 * @param achievedObjectives earliest achievement time per objective id
 * @param lastAssessment the latest assessment (by event time); {@code null} if none
 */
public record ProgrammeFacts(Agreement agreement, Map<String, Instant> achievedObjectives, Assessment lastAssessment) {

    public static final ProgrammeFacts NONE = new ProgrammeFacts(null, Map.of(), null);

    public ProgrammeFacts {
        achievedObjectives = Map.copyOf(achievedObjectives);
    }

    public ProgrammeFacts withAgreement(Agreement candidate) {
        if (agreement != null && !Stamp.supersedes(candidate.stamp(), agreement.stamp())) {
            return this;
        }
        return new ProgrammeFacts(candidate, achievedObjectives, lastAssessment);
    }

    public ProgrammeFacts withAchievement(String objectiveId, Instant at) {
        Instant known = achievedObjectives.get(objectiveId);
        if (known != null && !at.isBefore(known)) {
            return this;
        }
        Map<String, Instant> achieved = new TreeMap<>(achievedObjectives);
        achieved.put(objectiveId, at);
        return new ProgrammeFacts(agreement, achieved, lastAssessment);
    }

    public ProgrammeFacts withAssessment(Assessment candidate) {
        if (lastAssessment != null && !Stamp.supersedes(candidate.stamp(), lastAssessment.stamp())) {
            return this;
        }
        return new ProgrammeFacts(agreement, achievedObjectives, candidate);
    }

    /** A programme as agreed: its type, period and objectives. */
    public record Agreement(String type, LocalDate periodStart, LocalDate periodEnd, List<Objective> objectives,
                            Stamp stamp) {
        public Agreement {
            objectives = List.copyOf(objectives);
        }
    }

    /** One agreed objective. */
    public record Objective(String objectiveId, String description, String area, LocalDate targetDate) {
    }

    /** A programme assessment. */
    public record Assessment(String rating, String summary, Stamp stamp) {
    }
}

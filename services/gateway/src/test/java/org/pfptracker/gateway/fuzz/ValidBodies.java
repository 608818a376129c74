package org.pfptracker.gateway.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * A body each command accepts, for a gateway that knows georgia (the partner in the path) and ukraine: what
 * the fuzz test mutates into near-valid bodies, so that one mutation reaches a single rule instead of being
 * refused for everything else first.
 */
final class ValidBodies {

    /** The partner every generated path is about (the host, for an exercise). */
    static final String PARTNER = "georgia";
    /** A second known partner, for lists of participants. */
    static final String OTHER_PARTNER = "ukraine";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COMMON = "'occurredAt': '2024-05-01T08:00:00Z', 'correlationId': 'c-1'";
    private static final Map<String, String> BY_COMMAND = Map.ofEntries(
            Map.entry("JoinPartner", "{'partnerId': 'new-partner', 'name': 'New Partner', "
                    + "'framework': 'EURO_ATLANTIC_PARTNERSHIP', 'joinedOn': '1994-03-23', " + COMMON + "}"),
            Map.entry("ChoosePriorities", "{'priorities': ['DEFENCE_REFORM', 'EXERCISES'], "
                    + "'targetCompletedActivitiesPerYear': 12, " + COMMON + "}"),
            Map.entry("ChangeStatus", "{'status': 'SUSPENDED', 'effectiveOn': '2024-01-01', 'reason': 'Review', "
                    + COMMON + "}"),
            Map.entry("ProposeActivity", "{'activityId': 'pcm-1', 'title': 'Seminar', 'area': 'DEFENCE_REFORM', "
                    + "'plannedStart': '2024-09-02', " + COMMON + "}"),
            Map.entry("ApproveActivity", "{" + COMMON + "}"),
            Map.entry("CompleteActivity", "{'feedbackReport': 'Went well.\\nMore time next year.', " + COMMON + "}"),
            Map.entry("CancelActivity", "{'reason': 'Venue unavailable', " + COMMON + "}"),
            Map.entry("ScheduleExercise", "{'exerciseId': 'ex-1', 'name': 'Cooperative Longbow', 'area': 'EXERCISES', "
                    + "'participantPartnerIds': ['" + PARTNER + "', '" + OTHER_PARTNER + "'], "
                    + "'startsOn': '2024-06-01', 'endsOn': '2024-06-10', " + COMMON + "}"),
            Map.entry("ConductExercise", "{'participantPartnerIds': ['" + PARTNER + "'], " + COMMON + "}"),
            Map.entry("CancelExercise", "{'reason': 'Storm', " + COMMON + "}"),
            Map.entry("AgreeProgramme", "{'programmeId': 'ipap-1', 'programmeType': 'IPAP', "
                    + "'periodStart': '2024-01-01', 'periodEnd': '2025-12-31', 'objectives': [{'objectiveId': 'o1', "
                    + "'description': 'Reform the staff', 'area': 'DEFENCE_REFORM', 'targetDate': '2025-06-30'}], "
                    + COMMON + "}"),
            Map.entry("AchieveObjective", "{" + COMMON + "}"),
            Map.entry("AssessProgramme", "{'rating': 'ON_TRACK', 'summary': 'On track', " + COMMON + "}"));

    private ValidBodies() {
    }

    /**
     * A fresh copy of the command's valid body.
     *
     * @throws IllegalArgumentException for a command without one: a new command needs its line here
     */
    static ObjectNode of(String commandName) {
        String body = BY_COMMAND.get(commandName);
        if (body == null) {
            throw new IllegalArgumentException("No valid body for " + commandName + "; add one to ValidBodies");
        }
        try {
            return (ObjectNode) JSON.readTree(body.replace('\'', '"'));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Bad JSON for " + commandName, e);
        }
    }
}

package org.pfptracker.gateway.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pfptracker.gateway.command.CommandFixtures.request;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pfptracker.event.AreaOfCooperation;
import org.pfptracker.event.AssessmentRating;
import org.pfptracker.event.ObjectiveAchieved;
import org.pfptracker.event.ProgrammeAgreed;
import org.pfptracker.event.ProgrammeAssessed;
import org.pfptracker.event.ProgrammeType;

class ProgrammeCommandsTest {

    private static final Map<String, String> MOLDOVA = Map.of("partnerId", "moldova");
    private static final Map<String, String> PARP_2024 = Map.of("partnerId", "moldova", "programmeId", "parp-2024");

    private final ProgrammeCommands programmes = new ProgrammeCommands();

    @Test
    void shouldMapAnAgreementWithItsObjectivesToProgrammeAgreed() {
        ProgrammeAgreed event = (ProgrammeAgreed) programmes.agree().toEvent(request(
                "{'programmeId': 'parp-2024', 'programmeType': 'PARP', 'periodStart': '2024-01-01', "
                        + "'periodEnd': '2025-12-31', 'objectives': ["
                        + "{'objectiveId': 'PG-1', 'description': 'Interoperable staff', 'area': 'DEFENCE_REFORM', "
                        + "'targetDate': '2025-06-30'},"
                        + "{'objectiveId': 'PG-2', 'description': 'Civil preparedness', "
                        + "'area': 'CIVIL_EMERGENCY_PLANNING', 'targetDate': '2025-12-31'}]}", MOLDOVA));

        assertThat(event.getProgrammeId()).isEqualTo("parp-2024");
        assertThat(event.getProgrammeType()).isEqualTo(ProgrammeType.PARP);
        assertThat(event.getPeriodStart()).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(event.getPeriodEnd()).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(event.getObjectives()).hasSize(2);
        assertThat(event.getObjectives().get(1).getObjectiveId()).isEqualTo("PG-2");
        assertThat(event.getObjectives().get(1).getArea()).isEqualTo(AreaOfCooperation.CIVIL_EMERGENCY_PLANNING);
        assertThat(event.getObjectives().get(1).getTargetDate()).isEqualTo(LocalDate.of(2025, 12, 31));
    }

    @Test
    void shouldNameAnObjectiveWhoseTargetDateIsOutsideTheProgrammesPeriod() {
        List<Violation> violations = Violations.of(programmes.agree(), request(
                "{'programmeType': 'IPCP', 'periodStart': '2024-01-01', 'periodEnd': '2025-12-31', 'objectives': ["
                        + "{'objectiveId': 'o1', 'description': 'In time', 'area': 'DEFENCE_REFORM', "
                        + "'targetDate': '2024-01-01'},"
                        + "{'objectiveId': 'o2', 'description': 'Too late', 'area': 'DEFENCE_REFORM', "
                        + "'targetDate': '2026-01-01'}]}", MOLDOVA));

        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("objectives[1].targetDate");
            assertThat(v.message()).contains("2024-01-01 to 2025-12-31", "2026-01-01");
        });
    }

    @Test
    void shouldRefuseAPeriodThatEndsBeforeItStarts() {
        assertThat(Violations.of(programmes.agree(), request(
                "{'programmeType': 'IPCP', 'periodStart': '2025-01-01', 'periodEnd': '2024-12-31', 'objectives': ["
                        + "{'objectiveId': 'o1', 'description': 'x', 'area': 'DEFENCE_REFORM', "
                        + "'targetDate': '2024-06-01'}]}", MOLDOVA)))
                .extracting(Violation::field).containsExactly("periodEnd");
    }

    @Test
    void shouldListTheAllowedProgrammeTypesForAnUnknownOne() {
        assertThat(Violations.of(programmes.agree(), request(
                "{'programmeType': 'MAP', 'periodStart': '2024-01-01', 'periodEnd': '2024-12-31', 'objectives': ["
                        + "{'objectiveId': 'o1', 'description': 'x', 'area': 'DEFENCE_REFORM', "
                        + "'targetDate': '2024-06-01'}]}", MOLDOVA)))
                .singleElement().satisfies(v -> {
                    assertThat(v.field()).isEqualTo("programmeType");
                    assertThat(v.message()).contains("[IPCP, IPAP, PARP, ITPP]", "'MAP'");
                });
    }

    @Test
    void shouldNameEachBadFieldOfEachObjective() {
        List<Violation> violations = Violations.of(programmes.agree(), request(
                "{'programmeType': 'ITPP', 'periodStart': '2024-01-01', 'periodEnd': '2024-12-31', 'objectives': ["
                        + "{'objectiveId': 'o1', 'description': 'x', 'area': 'DEFENCE_REFORM', "
                        + "'targetDate': '2024-06-01'},"
                        + "{'objectiveId': 'o1', 'area': 'SPACE', 'targetDate': '2024-06-01', 'owner': 'me'},"
                        + "'not an object']}", MOLDOVA));

        assertThat(violations).extracting(Violation::field).containsExactlyInAnyOrder(
                "objectives[1].owner", "objectives[1].objectiveId", "objectives[1].description",
                "objectives[1].area", "objectives[2]");
    }

    @Test
    void shouldRequireAtLeastOneObjective() {
        assertThat(Violations.of(programmes.agree(), request(
                "{'programmeType': 'ITPP', 'periodStart': '2024-01-01', 'periodEnd': '2024-12-31', 'objectives': []}",
                MOLDOVA)))
                .extracting(Violation::field).containsExactly("objectives");
    }

    @Test
    void shouldMapAnAchievementToObjectiveAchievedOfThePathsObjective() {
        Map<String, String> path = Map.of("partnerId", "moldova", "programmeId", "parp-2024", "objectiveId", "PG-1");

        ObjectiveAchieved event = (ObjectiveAchieved) programmes.achieveObjective().toEvent(
                request("{'occurredAt': '2024-05-01T00:00:00Z'}", path));

        assertThat(event.getProgrammeId()).isEqualTo("parp-2024");
        assertThat(event.getObjectiveId()).isEqualTo("PG-1");
    }

    @Test
    void shouldMapAnAssessmentAndListTheAllowedRatingsForAnUnknownOne() {
        ProgrammeAssessed event = (ProgrammeAssessed) programmes.assess().toEvent(
                request("{'rating': 'PARTLY_ON_TRACK', 'summary': 'Half the goals met'}", PARP_2024));
        assertThat(event.getRating()).isEqualTo(AssessmentRating.PARTLY_ON_TRACK);
        assertThat(event.getSummary()).isEqualTo("Half the goals met");

        assertThat(Violations.of(programmes.assess(), request("{'rating': 'GOOD', 'summary': 'x'}", PARP_2024)))
                .singleElement().satisfies(v -> assertThat(v.message()).contains("ON_TRACK", "OFF_TRACK", "'GOOD'"));
    }
}

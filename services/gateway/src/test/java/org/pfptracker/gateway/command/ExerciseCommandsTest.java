package org.pfptracker.gateway.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pfptracker.gateway.command.CommandFixtures.directoryWith;
import static org.pfptracker.gateway.command.CommandFixtures.request;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pfptracker.event.AreaOfCooperation;
import org.pfptracker.event.ExerciseConducted;
import org.pfptracker.event.ExerciseScheduled;

class ExerciseCommandsTest {

    private static final Map<String, String> HOSTED_BY_GEORGIA = Map.of("partnerId", "georgia");
    private static final Map<String, String> EXERCISE_E1 = Map.of("partnerId", "georgia", "exerciseId", "e1");

    private final ExerciseCommands exercises = new ExerciseCommands(directoryWith("georgia", "armenia", "moldova"));

    @Test
    void shouldMapASchedulingToExerciseScheduledKeyedByTheHost() {
        ExerciseScheduled event = (ExerciseScheduled) exercises.schedule().toEvent(request(
                "{'exerciseId': 'longbow-24', 'name': 'Cooperative Longbow', 'area': 'CIVIL_EMERGENCY_PLANNING', "
                        + "'participantPartnerIds': ['georgia', 'armenia'], 'startsOn': '2024-09-02', "
                        + "'endsOn': '2024-09-02'}", HOSTED_BY_GEORGIA));

        assertThat(event.getMetadata().getPartnerId()).isEqualTo("georgia");
        assertThat(event.getExerciseId()).isEqualTo("longbow-24");
        assertThat(event.getName()).isEqualTo("Cooperative Longbow");
        assertThat(event.getArea()).isEqualTo(AreaOfCooperation.CIVIL_EMERGENCY_PLANNING);
        assertThat(event.getParticipantPartnerIds()).containsExactly("georgia", "armenia");
        assertThat(event.getStartsOn()).isEqualTo(LocalDate.of(2024, 9, 2));
        assertThat(event.getEndsOn()).isEqualTo(LocalDate.of(2024, 9, 2));
    }

    @Test
    void shouldDefaultTheAreaToExercisesAsTheSchemaDoes() {
        ExerciseScheduled event = (ExerciseScheduled) exercises.schedule().toEvent(request(
                "{'name': 'Longbow', 'participantPartnerIds': ['georgia'], 'startsOn': '2024-09-02', "
                        + "'endsOn': '2024-09-06'}", HOSTED_BY_GEORGIA));

        assertThat(event.getArea()).isEqualTo(AreaOfCooperation.EXERCISES);
        assertThat(event.getExerciseId()).isNotBlank();
    }

    @Test
    void shouldRefuseAnExerciseThatEndsBeforeItStarts() {
        assertThat(Violations.of(exercises.schedule(), request(
                "{'name': 'Longbow', 'participantPartnerIds': ['georgia'], 'startsOn': '2024-09-06', "
                        + "'endsOn': '2024-09-02'}", HOSTED_BY_GEORGIA)))
                .singleElement().satisfies(v -> {
                    assertThat(v.field()).isEqualTo("endsOn");
                    assertThat(v.message()).contains("before startsOn", "2024-09-06");
                });
    }

    @Test
    void shouldRefuseAnExerciseWithNoParticipants() {
        assertThat(Violations.of(exercises.schedule(), request(
                "{'name': 'Longbow', 'participantPartnerIds': [], 'startsOn': '2024-09-02', 'endsOn': '2024-09-06'}",
                HOSTED_BY_GEORGIA)))
                .singleElement().satisfies(v -> {
                    assertThat(v.field()).isEqualTo("participantPartnerIds");
                    assertThat(v.message()).contains("at least one");
                });
    }

    @Test
    void shouldNameEachParticipantThatIsNotAKnownPartnerByItsPosition() {
        List<Violation> violations = Violations.of(exercises.schedule(), request(
                "{'name': 'Longbow', 'participantPartnerIds': ['georgia', 'atlantis', 'armenia', 'lemuria'], "
                        + "'startsOn': '2024-09-02', 'endsOn': '2024-09-06'}", HOSTED_BY_GEORGIA));

        assertThat(violations).extracting(Violation::field)
                .containsExactly("participantPartnerIds[1]", "participantPartnerIds[3]");
        assertThat(violations.get(0).message()).contains("'atlantis'", "not a known partner");
    }

    @Test
    void shouldRefuseARepeatedOrMalformedParticipant() {
        assertThat(Violations.of(exercises.schedule(), request(
                "{'name': 'Longbow', 'participantPartnerIds': ['georgia', 'Armenia', 'georgia'], "
                        + "'startsOn': '2024-09-02', 'endsOn': '2024-09-06'}", HOSTED_BY_GEORGIA)))
                .extracting(Violation::field)
                .containsExactly("participantPartnerIds[1]", "participantPartnerIds[2]");
    }

    @Test
    void shouldRequireTheHostAmongTheParticipants() {
        assertThat(Violations.of(exercises.schedule(), request(
                "{'name': 'Longbow', 'participantPartnerIds': ['armenia'], 'startsOn': '2024-09-02', "
                        + "'endsOn': '2024-09-06'}", HOSTED_BY_GEORGIA)))
                .singleElement().satisfies(v -> {
                    assertThat(v.field()).isEqualTo("participantPartnerIds");
                    assertThat(v.message()).contains("host", "'georgia'");
                });
    }

    @Test
    void shouldMapAConductToExerciseConductedWithTheKnownParticipants() {
        ExerciseConducted event = (ExerciseConducted) exercises.conduct().toEvent(request(
                "{'participantPartnerIds': ['moldova', 'georgia']}", EXERCISE_E1));

        assertThat(event.getExerciseId()).isEqualTo("e1");
        assertThat(event.getParticipantPartnerIds()).containsExactly("moldova", "georgia");

        assertThat(Violations.of(exercises.conduct(), request("{'participantPartnerIds': ['atlantis']}", EXERCISE_E1)))
                .extracting(Violation::field).containsExactly("participantPartnerIds[0]");
    }
}

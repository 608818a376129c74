package org.pfptracker.simulator.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pfptracker.event.ActivityProposed;
import org.pfptracker.event.AreaOfCooperation;
import org.pfptracker.event.EventMetadata;
import org.pfptracker.event.Objective;
import org.pfptracker.event.ProgrammeAgreed;
import org.pfptracker.event.ProgrammeType;
import org.pfptracker.testsupport.event.TestEvents;

class EventTimeShiftTest {

    private static final Instant GENERATED = Instant.parse("2014-03-03T10:00:00Z");
    private static final Instant NOW = Instant.parse("2030-01-10T16:30:00.250Z");

    @Test
    void shouldMoveTheEventTimeAndEveryDateByTheSameNumberOfDays() {
        // Given a proposal made on 2014-03-03 to start 59 days later
        ActivityProposed proposal = ActivityProposed.newBuilder().setMetadata(metadata())
                .setActivityId("a1").setTitle("Course").setArea(AreaOfCooperation.DEFENCE_REFORM)
                .setPlannedStart(LocalDate.of(2014, 5, 1)).build();

        // When
        EventTimeShift.moveTo(proposal, NOW);

        // Then
        assertThat(proposal.getMetadata().getOccurredAt()).isEqualTo(NOW);
        assertThat(proposal.getPlannedStart()).isEqualTo(LocalDate.of(2030, 1, 10).plusDays(59));
        assertThat(proposal.getActivityId()).isEqualTo("a1");
    }

    @Test
    void shouldMoveDatesInsideNestedRecordsAndLists() {
        // Given a programme whose objectives sit in an immutable list
        ProgrammeAgreed programme = ProgrammeAgreed.newBuilder().setMetadata(metadata()).setProgrammeId("p1")
                .setProgrammeType(ProgrammeType.ITPP)
                .setPeriodStart(LocalDate.of(2014, 3, 3)).setPeriodEnd(LocalDate.of(2018, 3, 2))
                .setObjectives(List.of(Objective.newBuilder().setObjectiveId("obj1").setDescription("Reform")
                        .setArea(AreaOfCooperation.DEFENCE_REFORM).setTargetDate(LocalDate.of(2015, 3, 3)).build()))
                .build();

        // When
        EventTimeShift.moveTo(programme, NOW);

        // Then
        assertThat(programme.getPeriodStart()).isEqualTo(LocalDate.of(2030, 1, 10));
        assertThat(programme.getPeriodEnd()).isEqualTo(LocalDate.of(2030, 1, 10).plusDays(1460));
        assertThat(programme.getObjectives().get(0).getTargetDate()).isEqualTo(LocalDate.of(2030, 1, 10).plusDays(365));
    }

    private static EventMetadata metadata() {
        return TestEvents.metadata("georgia", GENERATED, UUID.fromString("00000000-0000-4000-8000-000000000001"),
                "pfp-simulator");
    }
}

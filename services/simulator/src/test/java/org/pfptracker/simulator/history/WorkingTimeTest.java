package org.pfptracker.simulator.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class WorkingTimeTest {

    private static final long HOUR = WorkingTime.HOUR;

    @Test
    void shouldSkipNightsAndWeekendsWhenAddingWorkingTime() {
        // Given Friday 2024-03-08 16:00 UTC, an hour before the working day ends
        long friday = Instant.parse("2024-03-08T16:00:00Z").toEpochMilli();

        // When two working hours pass
        long later = WorkingTime.plusWorking(friday, 2 * HOUR);

        // Then the second hour is Monday's first
        assertThat(Instant.ofEpochMilli(later)).isEqualTo(Instant.parse("2024-03-11T08:00:00Z"));
    }

    @Test
    void shouldStartCountingAtTheNextWorkingMomentFromOutsideWorkingHours() {
        long saturdayNight = Instant.parse("2024-03-09T23:00:00Z").toEpochMilli();

        assertThat(Instant.ofEpochMilli(WorkingTime.plusWorking(saturdayNight, 30 * 60_000)))
                .isEqualTo(Instant.parse("2024-03-11T07:30:00Z"));
    }

    @Test
    void shouldMoveAWeekendDayToMondayWithinWorkingHours() {
        long moment = WorkingTime.on(LocalDate.of(2024, 3, 9), 0.5);

        assertThat(Instant.ofEpochMilli(moment)).isEqualTo(Instant.parse("2024-03-11T12:00:00Z"));
    }

    @Test
    void shouldNeverPlaceALaterStepBeforeTheEarlierOne() {
        // Given a step on Monday 09:00, and a next step due on the Sunday before (moved to Monday 08:00)
        long earlier = Instant.parse("2024-03-11T09:00:00Z").toEpochMilli();

        // When
        long later = WorkingTime.onButAfter(LocalDate.of(2024, 3, 10), 0.1, earlier);

        // Then
        assertThat(later).isGreaterThan(earlier);
    }

    @Test
    void shouldCountAboutTwoThousandSixHundredWorkingHoursAYear() {
        assertThat(WorkingTime.WORKING_YEAR / HOUR).isBetween(2_600.0, 2_620.0);
    }
}

package org.pfptracker.gateway.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** One range for every date and instant: 1970-01-01 to 9999-12-31, bounds included. */
class TimeRangeTest {

    @Test
    void shouldAcceptTheFirstAndLastDayAndInstantOfTheRange() {
        assertThat(TimeRange.faultOf(LocalDate.of(1970, 1, 1))).isEmpty();
        assertThat(TimeRange.faultOf(LocalDate.of(9999, 12, 31))).isEmpty();
        assertThat(TimeRange.faultOf(Instant.parse("1970-01-01T00:00:00Z"))).isEmpty();
        assertThat(TimeRange.faultOf(Instant.parse("9999-12-31T23:59:59.999Z"))).isEmpty();
    }

    @Test
    void shouldRefuseADayOrInstantJustOutsideTheRangeSayingWhatTheRangeIs() {
        assertThat(TimeRange.faultOf(LocalDate.of(1969, 12, 31)))
                .contains("must be from 1970-01-01 to 9999-12-31, was 1969-12-31");
        assertThat(TimeRange.faultOf(LocalDate.of(10000, 1, 1))).isPresent();
        assertThat(TimeRange.faultOf(Instant.parse("1969-12-31T23:59:59.999Z")))
                .hasValueSatisfying(reason -> assertThat(reason).contains("1970-01-01T00:00:00Z"));
        assertThat(TimeRange.faultOf(Instant.parse("9999-12-31T23:59:59.999Z").plusMillis(1))).isPresent();
    }

    @Test
    void shouldRefuseTheExtremesThatOverflowedOrWrappedBefore() {
        assertThat(TimeRange.faultOf(LocalDate.MAX)).isPresent();
        assertThat(TimeRange.faultOf(LocalDate.MIN)).isPresent();
        assertThat(TimeRange.faultOf(Instant.MIN)).isPresent();
        assertThat(TimeRange.faultOf(Instant.MAX)).isPresent();
    }
}

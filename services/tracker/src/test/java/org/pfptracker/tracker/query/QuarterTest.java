package org.pfptracker.tracker.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class QuarterTest {

    @Test
    void shouldReadAQuarterWrittenYearDashQn() {
        assertThat(Quarter.parse("2024-Q3")).isEqualTo(new Quarter(2024, 3));
        assertThat(Quarter.parse(" 1994-Q1 ")).isEqualTo(new Quarter(1994, 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-Q0", "2024-Q5", "24-Q1", "2024Q1", "2024-q1", "2024-Q", "Q1-2024", "2024-01",
            "20245-Q1", "", "2024-Q1x"})
    void shouldRefuseAnythingElse(String written) {
        assertThatThrownBy(() -> Quarter.parse(written))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("YYYY-Qn");
    }

    @Test
    void shouldRefuseNothingAtAll() {
        assertThatThrownBy(() -> Quarter.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldPutEachDateInItsCalendarQuarter() {
        assertThat(Quarter.of(LocalDate.of(2024, 1, 1))).hasToString("2024-Q1");
        assertThat(Quarter.of(LocalDate.of(2024, 3, 31))).hasToString("2024-Q1");
        assertThat(Quarter.of(LocalDate.of(2024, 4, 1))).hasToString("2024-Q2");
        assertThat(Quarter.of(LocalDate.of(2024, 12, 31))).hasToString("2024-Q4");
    }

    @Test
    void shouldPutAnInstantInItsUtcQuarter() {
        assertThat(Quarter.of(Instant.parse("2024-03-31T23:59:59Z"))).hasToString("2024-Q1");
        assertThat(Quarter.of(Instant.parse("2024-04-01T00:00:00Z"))).hasToString("2024-Q2");
    }

    @Test
    void shouldListEveryQuarterOfARangeAcrossYears() {
        assertThat(Quarter.parse("2023-Q3").through(Quarter.parse("2024-Q2")))
                .extracting(Quarter::toString)
                .containsExactly("2023-Q3", "2023-Q4", "2024-Q1", "2024-Q2");
        assertThat(Quarter.parse("2024-Q2").through(Quarter.parse("2024-Q2"))).hasSize(1);
        assertThat(Quarter.parse("2024-Q2").through(Quarter.parse("2024-Q1"))).isEmpty();
        assertThat(Quarter.parse("9999-Q3").through(Quarter.parse("9999-Q4"))).hasSize(2);
    }

    @Test
    void shouldOrderQuartersInTime() {
        assertThat(Quarter.parse("2023-Q4")).isLessThan(Quarter.parse("2024-Q1"));
        assertThat(Quarter.parse("2024-Q2").isAfter(Quarter.parse("2024-Q1"))).isTrue();
        assertThat(Quarter.parse("2023-Q1").countTo(Quarter.parse("2024-Q4"))).isEqualTo(8);
        assertThat(Quarter.parse("2024-Q4").countTo(Quarter.parse("2024-Q1"))).isZero();
    }
}

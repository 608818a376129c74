package org.pfptracker.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SimulationPlanTest {

    private static final Instant FROM = Instant.parse("2014-01-01T00:00:00Z");

    @Test
    void shouldRunFromTheStartOfOneDayToTheStartOfAnotherInUtc() {
        SimulationPlan plan = SimulationPlan.of(42, LocalDate.of(2014, 1, 1), LocalDate.of(2015, 1, 1), 1);

        assertThat(plan.from()).isEqualTo(FROM);
        assertThat(plan.to()).isEqualTo(Instant.parse("2015-01-01T00:00:00Z"));
    }

    @Test
    void shouldWorkInMillisecondsAsTheWireDoes() {
        SimulationPlan plan = new SimulationPlan(42, FROM.plusNanos(1_500_000), FROM.plusSeconds(10).plusNanos(999), 1);

        assertThat(plan.from()).isEqualTo(FROM.plusMillis(1));
        assertThat(plan.to()).isEqualTo(FROM.plusSeconds(10));
    }

    @Test
    void shouldRefuseAPeriodThatEndsBeforeItStarts() {
        assertThatThrownBy(() -> new SimulationPlan(42, FROM, FROM.minusSeconds(1), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before it starts");
    }

    @Test
    void shouldRefuseAScaleOutsideItsRange() {
        for (double scale : new double[] {0, -1, Double.NaN, SimulationPlan.MAX_SCALE + 1}) {
            assertThatThrownBy(() -> new SimulationPlan(42, FROM, FROM, scale))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scale");
        }
    }

    @Test
    void shouldAcceptAnEmptyPeriodWhichHoldsOnlyTheFactsBeforeIt() {
        assertThat(new SimulationPlan(42, FROM, FROM, 0.5).to()).isEqualTo(FROM);
    }
}

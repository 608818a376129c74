package org.pfptracker.tracker.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.api.Test;

/** {@code pfp_tracker_rebalancing_seconds}: how long the instance has been rebalancing, for the alert on it. */
class RebalanceTimerTest {

    private final MovableClock clock = new MovableClock();
    private final RebalanceTimer timer = new RebalanceTimer(clock);

    @Test
    void shouldBeZeroWhileRunning() {
        // Given
        timer.onChange(State.REBALANCING, State.CREATED);
        clock.advance(Duration.ofSeconds(5));

        // When
        timer.onChange(State.RUNNING, State.REBALANCING);
        clock.advance(Duration.ofSeconds(30));

        // Then
        assertThat(timer.rebalancing()).isZero();
    }

    @Test
    void shouldCountFromTheStartOfTheRebalance() {
        // Given
        timer.onChange(State.RUNNING, State.REBALANCING);

        // When
        timer.onChange(State.REBALANCING, State.RUNNING);
        clock.advance(Duration.ofSeconds(90));

        // Then
        assertThat(timer.rebalancing()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void shouldKeepCountingWhenARebalanceIsReportedAgainBeforeRunning() {
        // Given
        timer.onChange(State.REBALANCING, State.RUNNING);
        clock.advance(Duration.ofSeconds(60));

        // When: Kafka Streams reports REBALANCING again, without RUNNING in between
        timer.onChange(State.REBALANCING, State.REBALANCING);
        clock.advance(Duration.ofSeconds(60));

        // Then
        assertThat(timer.rebalancing()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void shouldBeScrapedInSecondsUnderTheNameTheAlertUses() {
        // Given
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        timer.bindTo(registry);
        timer.onChange(State.REBALANCING, State.RUNNING);

        // When
        clock.advance(Duration.ofMillis(2500));

        // Then
        assertThat(registry.scrape()).contains("pfp_tracker_rebalancing_seconds 2.5");
    }

    /** A clock the test moves by hand. */
    private static final class MovableClock extends Clock {

        private Instant now = Instant.parse("2026-05-01T10:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

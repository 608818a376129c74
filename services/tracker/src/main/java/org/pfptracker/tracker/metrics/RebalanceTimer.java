package org.pfptracker.tracker.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.streams.KafkaStreams;

/**
 * {@code pfp_tracker_rebalancing_seconds}: how long this instance has been in Kafka Streams' REBALANCING state,
 * 0 while it is not. Kafka's own meters say how long the group protocol took ({@code rebalance_latency_max}) and
 * which state the client is in (an ordinal), but not how long it has been stuck there; an alert on this gauge
 * fires for one long rebalance however often the others flicker by.
 *
 * <p>A state listener: Kafka Streams tells it of every transition, including the REBALANCING it starts in.
 */
public final class RebalanceTimer implements KafkaStreams.StateListener, MeterBinder {

    private final Clock clock;
    /** When the current rebalance began; null while the instance is not rebalancing. */
    private volatile Instant rebalancingSince;

    public RebalanceTimer(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void onChange(KafkaStreams.State newState, KafkaStreams.State oldState) {
        if (newState != KafkaStreams.State.REBALANCING) {
            rebalancingSince = null;
        } else if (rebalancingSince == null) {
            // A rebalance that starts again before RUNNING is the same stretch of unavailability.
            rebalancingSince = clock.instant();
        }
    }

    /** How long the current rebalance has lasted; zero while the instance is not rebalancing. */
    public Duration rebalancing() {
        Instant since = rebalancingSince;
        return since == null ? Duration.ZERO : Duration.between(since, clock.instant());
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("pfp.tracker.rebalancing", this, timer -> timer.rebalancing().toMillis() / 1000.0)
                .baseUnit("seconds")
                .description("Seconds this instance has been in Kafka Streams' REBALANCING state, 0 while it is not")
                .register(registry);
    }
}

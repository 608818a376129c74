package org.pfptracker.simulator.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.pfptracker.core.config.Setting;
import org.pfptracker.core.config.Settings;
import org.pfptracker.core.config.Validator;
import org.pfptracker.platform.config.KafkaSettings;
import org.pfptracker.publisher.EventPublisher;

/** The simulator's settings, each declared once with its default and what it does. */
public final class SimulatorSettings {

    public static final Setting<Integer> MAX_IN_FLIGHT = Setting.integer("simulator.max.in.flight",
            "Publishes the simulator keeps in flight at most: deep enough to keep the producer's batches full, "
                    + "bounded so that memory stays flat however long the history.")
            .withDefault(20_000).validatedBy(Validator.atLeast(1));
    public static final Setting<Duration> PROGRESS_INTERVAL = Setting.duration("simulator.progress.interval",
            "How often the simulator prints a progress line when its output is not a terminal, or CI=true.")
            .withDefault(Duration.ofSeconds(10)).validatedBy(Validator.atLeast(Duration.ofMillis(1)));

    public static final List<Setting<?>> ALL = List.of(MAX_IN_FLIGHT, PROGRESS_INTERVAL);

    /** The producer's batch size, passed through like any kafka.client.* key; the simulator's own default below. */
    private static final String PRODUCER_BATCH_SIZE = KafkaSettings.CLIENT_PREFIX + "batch.size";
    private static final String THROUGHPUT_BATCH_SIZE = "262144";
    private static final Duration THROUGHPUT_LINGER = Duration.ofMillis(20);

    private SimulatorSettings() {
    }

    /**
     * The settings with producer batching sized for a backfill, where the operator has not chosen:
     * 256 KiB batches and 20 ms linger instead of the publisher's 16 KiB and 5 ms, which are tuned for
     * the latency of single events. Millions of small events need full batches to go fast.
     */
    public static Settings forThroughput(Settings settings) {
        Settings tuned = settings;
        if (!settings.asMap().containsKey(PRODUCER_BATCH_SIZE)) {
            tuned = tuned.withValues(Map.of(PRODUCER_BATCH_SIZE, THROUGHPUT_BATCH_SIZE));
        }
        if (!settings.asMap().containsKey(EventPublisher.LINGER.key())) {
            tuned = tuned.with(EventPublisher.LINGER, THROUGHPUT_LINGER);
        }
        return tuned;
    }
}

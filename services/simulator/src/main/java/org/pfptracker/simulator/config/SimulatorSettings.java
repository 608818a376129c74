package org.pfptracker.simulator.config;

import java.util.List;
import org.pfptracker.platform.config.Setting;
import org.pfptracker.platform.config.Settings;
import org.pfptracker.publisher.EventPublisher;

/** The simulator's settings, each declared once with its default and what it does. */
public final class SimulatorSettings {

    public static final Setting MAX_IN_FLIGHT = new Setting("simulator.max.in.flight", "20000",
            "Publishes the simulator keeps in flight at most: deep enough to keep the producer's batches full, "
                    + "bounded so that memory stays flat however long the history.");
    public static final Setting PROGRESS_INTERVAL = new Setting("simulator.progress.interval", "10s",
            "How often the simulator prints a progress line when its output is not a terminal, or CI=true.");

    public static final List<Setting> ALL = List.of(MAX_IN_FLIGHT, PROGRESS_INTERVAL);

    /** The producer's batch size, passed through like any kafka.client.* key; the simulator's own default below. */
    private static final Setting PRODUCER_BATCH_SIZE = new Setting(Settings.KAFKA_CLIENT_PREFIX + "batch.size", null,
            "Kafka producer batch size in bytes.");
    private static final String THROUGHPUT_BATCH_SIZE = "262144";
    private static final String THROUGHPUT_LINGER = "20ms";

    private SimulatorSettings() {
    }

    /**
     * The settings with producer batching sized for a backfill, where the operator has not chosen:
     * 256 KiB batches and 20 ms linger instead of the publisher's 16 KiB and 5 ms, which are tuned for
     * the latency of single events. Millions of small events need full batches to go fast.
     */
    public static Settings forThroughput(Settings settings) {
        Settings tuned = settings;
        if (!settings.asMap().containsKey(PRODUCER_BATCH_SIZE.key())) {
            tuned = tuned.with(PRODUCER_BATCH_SIZE, THROUGHPUT_BATCH_SIZE);
        }
        if (!settings.asMap().containsKey(EventPublisher.LINGER.key())) {
            tuned = tuned.with(EventPublisher.LINGER, THROUGHPUT_LINGER);
        }
        return tuned;
    }
}

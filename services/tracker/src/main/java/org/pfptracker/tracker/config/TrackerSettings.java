package org.pfptracker.tracker.config;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.pfptracker.platform.config.KafkaSettings;
import org.pfptracker.platform.config.Setting;
import org.pfptracker.platform.config.Settings;
import org.pfptracker.platform.topic.Topics;
import org.pfptracker.tracker.topology.DeadLetterDeserializationHandler;
import org.pfptracker.tracker.topology.DeadLetterProcessingHandler;

/** The tracker's own options, each with its default for the embedded local stack. */
public final class TrackerSettings {

    public static final Setting APPLICATION_ID = new Setting("tracker.application.id", "pfp-tracker",
            "Kafka Streams application id: instances with the same id share the work and the state.");
    public static final Setting HTTP_HOST = new Setting("tracker.http.host", "127.0.0.1",
            "Interface the query API listens on.");
    public static final Setting HTTP_PORT = new Setting("tracker.http.port", "8080",
            "Port of the query API (0 picks a free port).");
    public static final Setting ADVERTISED_HOST = new Setting("tracker.advertised.host", null,
            "Host name other instances use to reach this one's query API; defaults to tracker.http.host.");
    public static final Setting STATE_DIR = new Setting("tracker.state.dir",
            Path.of(System.getProperty("java.io.tmpdir"), "pfp-tracker-state").toString(),
            "Directory of the RocksDB state stores; keep it across restarts to avoid restoring from changelogs.");
    public static final Setting STANDBY_REPLICAS = new Setting("tracker.standby.replicas", "0",
            "Warm copies of each store on other instances, for fast fail-over (1 in a multi-instance set-up).");
    public static final Setting STREAM_THREADS = new Setting("tracker.stream.threads", "1",
            "Stream threads in this instance.");

    public static final List<Setting> ALL = List.of(APPLICATION_ID, HTTP_HOST, HTTP_PORT, ADVERTISED_HOST,
            STATE_DIR, STANDBY_REPLICAS, STREAM_THREADS);

    private TrackerSettings() {
    }

    /** The Kafka Streams configuration of a tracker instance whose query API listens on the given port. */
    public static Map<String, Object> streamsConfig(Settings settings, int httpPort) {
        Map<String, Object> config = new HashMap<>(KafkaSettings.clientConfig(settings));
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.get(APPLICATION_ID));
        // A view must never count an event twice, even when an instance dies mid-commit.
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.STATE_DIR_CONFIG, settings.get(STATE_DIR));
        config.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, settings.getInt(STANDBY_REPLICAS));
        config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, settings.getInt(STREAM_THREADS));
        config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, settings.getInt(KafkaSettings.TOPIC_REPLICATION_FACTOR));
        config.put(StreamsConfig.APPLICATION_SERVER_CONFIG, advertisedHost(settings) + ":" + httpPort);
        config.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, Topics.TRACKER_DEAD_LETTERS);
        config.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterDeserializationHandler.class);
        config.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class);
        config.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        return config;
    }

    public static String advertisedHost(Settings settings) {
        return settings.find(ADVERTISED_HOST).orElseGet(() -> settings.get(HTTP_HOST));
    }
}

package org.pfptracker.launcher.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;
import org.pfptracker.core.config.Settings;
import org.pfptracker.platform.config.KafkaSettings;

/**
 * The floor under the tracker among Kafka Streams applications: the smallest stateful one, a count
 * per key over the four event topics, with the tracker's guarantee (exactly-once v2) and a RocksDB
 * store with its changelog. What the tracker does beyond this (decoding Avro, deduplicating, folding
 * facts, re-keying exercises) is what the difference between the two figures costs.
 */
final class StreamsCountRead {

    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private StreamsCountRead() {
    }

    /**
     * Runs the count from the beginning of the backlog under a fresh application id until its committed
     * offsets reach the end, then stops it and deletes its local state.
     */
    static CatchUpResult run(Settings settings, String applicationId, Backlog backlog, Path stateDirectory,
                             Admin admin, PrintStream log) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(EventTopics.NAMES, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
                .groupByKey(Grouped.with(Serdes.ByteArray(), Serdes.ByteArray()))
                .count(Materialized.<byte[], Long, KeyValueStore<Bytes, byte[]>>as("events-per-key")
                        .withKeySerde(Serdes.ByteArray())
                        .withValueSerde(Serdes.Long()));

        Properties properties = new Properties();
        properties.putAll(KafkaSettings.clientConfig(settings));
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDirectory.toString());
        properties.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, settings.get(KafkaSettings.TOPIC_REPLICATION_FACTOR));

        long started = System.nanoTime();
        KafkaStreams streams = new KafkaStreams(builder.build(), properties);
        try {
            streams.start();
            return CatchUp.await("Kafka Streams count", new GroupProgress(admin, applicationId, backlog), backlog,
                    started, log);
        } finally {
            streams.close(CloseOptions.timeout(CLOSE_TIMEOUT)
                    .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
            streams.cleanUp();
        }
    }
}

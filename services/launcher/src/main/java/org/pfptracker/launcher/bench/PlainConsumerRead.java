package org.pfptracker.launcher.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.pfptracker.core.config.Settings;
import org.pfptracker.launcher.UserFacingException;
import org.pfptracker.platform.config.KafkaSettings;

/**
 * The floor under every other figure: one plain consumer reading the backlog from the beginning as
 * raw bytes, no group, no deserialisation, no state. Nothing built on Kafka reads faster on this machine.
 */
final class PlainConsumerRead {

    private static final Duration STALL_LIMIT = Duration.ofMinutes(1);

    private PlainConsumerRead() {
    }

    /** Reads every record of the backlog once; the time runs from creating the consumer to the last record. */
    static Throughput run(Settings settings, Backlog backlog) {
        Map<String, Object> config = new HashMap<>(KafkaSettings.clientConfig(settings));
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "pfp-bench-plain-consumer");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        long started = System.nanoTime();
        long read = 0;
        long took;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            // Assigned, not subscribed: no group to join, so the figure is reading alone.
            consumer.assign(backlog.partitions());
            backlog.start().forEach(consumer::seek);
            Set<TopicPartition> unfinished = new HashSet<>();
            backlog.partitions().forEach(partition -> {
                if (backlog.end().get(partition) > backlog.start().get(partition)) {
                    unfinished.add(partition);
                }
            });
            long lastRecord = System.nanoTime();
            while (!unfinished.isEmpty()) {
                int polled = 0;
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    long end = backlog.end().get(new TopicPartition(record.topic(), record.partition()));
                    if (record.offset() < end) {
                        polled++;
                    }
                }
                // By position, not by the last record seen: transaction markers take offsets too.
                unfinished.removeIf(partition -> consumer.position(partition) >= backlog.end().get(partition));
                read += polled;
                long now = System.nanoTime();
                if (polled > 0) {
                    lastRecord = now;
                } else if (now - lastRecord > STALL_LIMIT.toNanos()) {
                    throw new UserFacingException(String.format("The plain consumer read nothing for %d s, at %,d of %,d "
                            + "records", STALL_LIMIT.toSeconds(), read, backlog.records()));
                }
            }
            took = System.nanoTime() - started;
        }
        return new Throughput(read, Duration.ofNanos(took));
    }
}

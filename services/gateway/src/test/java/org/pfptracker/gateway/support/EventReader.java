package org.pfptracker.gateway.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.pfptracker.core.config.Settings;
import org.pfptracker.platform.config.KafkaSettings;
import org.pfptracker.platform.event.Events;
import org.pfptracker.platform.serde.EventSerdes;

/** Reads events back from Kafka as any consumer would: Avro decoded through the registry. */
public final class EventReader implements AutoCloseable {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final KafkaConsumer<String, SpecificRecord> consumer;

    public EventReader(Settings settings) {
        Map<String, Object> config = new HashMap<>(KafkaSettings.clientConfig(settings));
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), EventSerdes.eventValues(settings).deserializer());
    }

    /** The record at this position. */
    public ConsumerRecord<String, SpecificRecord> at(String topic, int partition, long offset) {
        TopicPartition where = new TopicPartition(topic, partition);
        consumer.assign(List.of(where));
        consumer.seek(where, offset);
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, SpecificRecord> record : consumer.poll(Duration.ofMillis(200))) {
                if (record.offset() == offset) {
                    return record;
                }
            }
        }
        throw new AssertionError("No record at " + topic + "-" + partition + "@" + offset);
    }

    /** Every record of the partition, up to its current end, that carries this event id. */
    public List<ConsumerRecord<String, SpecificRecord>> withEventId(String topic, int partition, String eventId) {
        TopicPartition where = new TopicPartition(topic, partition);
        consumer.assign(List.of(where));
        consumer.seekToBeginning(List.of(where));
        long end = consumer.endOffsets(List.of(where)).get(where);
        List<ConsumerRecord<String, SpecificRecord>> found = new ArrayList<>();
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (consumer.position(where) < end) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Could not read " + where + " up to offset " + end);
            }
            for (ConsumerRecord<String, SpecificRecord> record : consumer.poll(Duration.ofMillis(200))) {
                if (record.value() != null && Events.metadataOf(record.value()).getEventId().toString().equals(eventId)) {
                    found.add(record);
                }
            }
        }
        return found;
    }

    /** The sum of the end offsets of a topic's partitions: how many records it has ever held. */
    public long endOffsetSum(String topic) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
    }

    @Override
    public void close() {
        consumer.close();
    }
}

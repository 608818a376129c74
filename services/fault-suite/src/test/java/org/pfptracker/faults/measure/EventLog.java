package org.pfptracker.faults.measure;

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
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.pfptracker.core.config.Settings;
import org.pfptracker.platform.config.KafkaSettings;
import org.pfptracker.platform.event.EventCatalogue;
import org.pfptracker.platform.event.Events;
import org.pfptracker.platform.serde.EventSerdes;

/**
 * Every event the event topics hold, read committed from the beginning to the end: what the tracker had
 * to apply, and how often each event id was written (a retry written twice is one event to the tracker).
 */
public record EventLog(List<SpecificRecord> events, Map<String, Integer> copiesByEventId) {

    public static EventLog read(Settings settings) {
        Map<String, Object> config = KafkaSettings.clientConfig(settings);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<SpecificRecord> events = new ArrayList<>();
        Map<String, Integer> copies = new HashMap<>();
        try (Deserializer<SpecificRecord> values = EventSerdes.eventValues(settings).deserializer();
             KafkaConsumer<String, SpecificRecord> consumer = new KafkaConsumer<>(config, new StringDeserializer(), values)) {
            List<TopicPartition> partitions = EventCatalogue.eventTopics().stream()
                    .flatMap(topic -> consumer.partitionsFor(topic).stream()
                            .map(info -> new TopicPartition(topic, info.partition())))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                for (ConsumerRecord<String, SpecificRecord> record : consumer.poll(Duration.ofSeconds(1))) {
                    events.add(record.value());
                    copies.merge(Events.metadataOf(record.value()).getEventId().toString(), 1, Integer::sum);
                }
            }
        }
        return new EventLog(List.copyOf(events), Map.copyOf(copies));
    }

    /** Events written more than once (each extra copy counted). */
    public long extraCopies() {
        return copiesByEventId.values().stream().mapToLong(count -> count - 1).sum();
    }
}

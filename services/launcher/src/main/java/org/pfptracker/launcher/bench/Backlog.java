package org.pfptracker.launcher.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The records of the four event topics at one moment, partition by partition, from the first offset
 * kept to the end: what a reader starting from the beginning has to read to be caught up.
 *
 * @param start first offset of each partition
 * @param end offset after the last record of each partition
 */
record Backlog(Map<TopicPartition, Long> start, Map<TopicPartition, Long> end) {

    private static final long TIMEOUT_SECONDS = 30;

    Backlog {
        start = Map.copyOf(start);
        end = Map.copyOf(end);
    }

    /** The event topics as they are now. */
    static Backlog of(Admin admin) {
        try {
            Map<String, TopicDescription> topics = admin.describeTopics(EventTopics.NAMES).allTopicNames()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            topics.values().forEach(topic -> topic.partitions().forEach(partition -> {
                TopicPartition topicPartition = new TopicPartition(topic.name(), partition.partition());
                earliest.put(topicPartition, OffsetSpec.earliest());
                latest.put(topicPartition, OffsetSpec.latest());
            }));
            return new Backlog(offsets(admin, earliest), offsets(admin, latest));
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot read the offsets of the event topics", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the offsets of the event topics", e);
        }
    }

    /** Offsets of the given partitions, as the Admin client reports them now. */
    static Map<TopicPartition, Long> offsets(Admin admin, Map<TopicPartition, OffsetSpec> specs)
            throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        Map<TopicPartition, ListOffsetsResultInfo> found = admin.listOffsets(specs).all()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        found.forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }

    List<TopicPartition> partitions() {
        return List.copyOf(end.keySet());
    }

    /** Records to read in all. */
    long records() {
        long records = 0;
        for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
            records += partition.getValue() - start.get(partition.getKey());
        }
        return records;
    }

    /** Records of this backlog a consumer group has committed past, partitions it never committed counting none. */
    long consumedBy(Map<TopicPartition, OffsetAndMetadata> committed) {
        long consumed = 0;
        for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
            long first = start.get(partition.getKey());
            OffsetAndMetadata offset = committed.get(partition.getKey());
            long position = offset == null ? first : Math.max(first, Math.min(partition.getValue(), offset.offset()));
            consumed += position - first;
        }
        return consumed;
    }
}

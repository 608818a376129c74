package org.pfptracker.launcher.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far a Kafka Streams application has got through a backlog, seen from outside as an operator
 * sees it: the offsets its consumer group committed. With exactly-once those are committed with the
 * state changes they produced, so a committed offset is work done, never work merely fetched.
 */
final class GroupProgress {

    private static final long TIMEOUT_SECONDS = 30;

    private final Admin admin;
    private final String applicationId;
    private final Backlog backlog;

    GroupProgress(Admin admin, String applicationId, Backlog backlog) {
        this.admin = admin;
        this.applicationId = applicationId;
        this.backlog = backlog;
    }

    /** Records of the backlog the application has committed past so far. */
    long consumed() {
        return backlog.consumedBy(committed());
    }

    /**
     * Whether the application has also committed past everything in its repartition topics: records it
     * re-keyed out of the backlog are only done once read back from there.
     */
    boolean repartitionsDrained() {
        try {
            List<String> repartitions = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).stream()
                    .filter(topic -> topic.startsWith(applicationId + "-") && topic.endsWith("-repartition"))
                    .toList();
            if (repartitions.isEmpty()) {
                return true;
            }
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (TopicDescription topic : admin.describeTopics(repartitions).allTopicNames()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).values()) {
                topic.partitions().forEach(partition ->
                        latest.put(new TopicPartition(topic.name(), partition.partition()), OffsetSpec.latest()));
            }
            Map<TopicPartition, Long> ends = Backlog.offsets(admin, latest);
            Map<TopicPartition, OffsetAndMetadata> committed = committed();
            for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
                OffsetAndMetadata offset = committed.get(end.getKey());
                if (end.getValue() > 0 && (offset == null || offset.offset() < end.getValue())) {
                    return false;
                }
            }
            return true;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot read the repartition topics of " + applicationId, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the repartition topics of " + applicationId, e);
        }
    }

    private Map<TopicPartition, OffsetAndMetadata> committed() {
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(applicationId)
                    .partitionsToOffsetAndMetadata().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            // Partitions without a committed offset come back with a null value.
            Map<TopicPartition, OffsetAndMetadata> present = new HashMap<>();
            offsets.forEach((partition, offset) -> {
                if (offset != null) {
                    present.put(partition, offset);
                }
            });
            return present;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot read the committed offsets of " + applicationId, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the committed offsets of " + applicationId, e);
        }
    }
}

package org.pfptracker.registry.store;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure the schemas topic exists and can hold schemas forever: one partition, so every instance
 * reads one order of events; compacted and never deleted, so the latest record per key (every
 * version of every subject, every setting) survives any retention.
 */
final class SchemasTopic {

    private static final Logger log = LoggerFactory.getLogger(SchemasTopic.class);

    private SchemasTopic() {
    }

    /**
     * Creates the topic if it is missing, or checks the one that exists.
     *
     * @throws IllegalStateException when an existing topic would lose or reorder schemas
     */
    static void ensure(Admin admin, String topic, short replicationFactor, int minInsyncReplicas, Duration timeout) {
        if (!exists(admin, topic, timeout)) {
            NewTopic newTopic = new NewTopic(topic, 1, replicationFactor).configs(Map.of(
                    TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                    TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(minInsyncReplicas)));
            try {
                await(admin.createTopics(List.of(newTopic)).all(), timeout, "create topic " + topic);
                awaitLeader(admin, topic, timeout);
                log.info("Created schemas topic {}: 1 partition, replication factor {}, min.insync.replicas {}, compacted",
                        topic, replicationFactor, minInsyncReplicas);
                return;
            } catch (IllegalStateException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
                // Another instance created it between our check and our create: check theirs.
            }
        }
        verify(admin, topic, timeout);
    }

    /**
     * A created topic reaches every broker's metadata a moment later; until then reading its offsets
     * fails. Wait for its partition to have a leader, as seen through the admin client.
     */
    private static void awaitLeader(Admin admin, String topic, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                TopicDescription description = await(admin.describeTopics(List.of(topic)).allTopicNames(), timeout,
                        "describe topic " + topic).get(topic);
                if (description.partitions().stream().allMatch(partition -> partition.leader() != null
                        && !partition.leader().isEmpty())) {
                    return;
                }
            } catch (IllegalStateException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Created topic " + topic + " but its partition has no leader after "
                        + timeout.toMillis() + " ms");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }

    private static boolean exists(Admin admin, String topic, Duration timeout) {
        try {
            await(admin.describeTopics(List.of(topic)).allTopicNames(), timeout, "describe topic " + topic);
            return true;
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return false;
            }
            throw e;
        }
    }

    private static void verify(Admin admin, String topic, Duration timeout) {
        TopicDescription description = await(admin.describeTopics(List.of(topic)).allTopicNames(), timeout,
                "describe topic " + topic).get(topic);
        if (description.partitions().size() != 1) {
            throw new IllegalStateException("Schemas topic " + topic + " has " + description.partitions().size()
                    + " partitions; it must have exactly 1, so that every registry instance reads the same order");
        }
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = await(admin.describeConfigs(List.of(resource)).all(), timeout, "describe configs of " + topic)
                .get(resource);
        ConfigEntry policy = config.get(TopicConfig.CLEANUP_POLICY_CONFIG);
        String value = policy == null ? "" : policy.value();
        if (!TopicConfig.CLEANUP_POLICY_COMPACT.equals(value)) {
            throw new IllegalStateException("Schemas topic " + topic + " has cleanup.policy=" + value
                    + "; it must be exactly 'compact', or Kafka will delete schemas that records still refer to. "
                    + "Fix it with: kafka-configs.sh --alter --entity-type topics --entity-name " + topic
                    + " --add-config cleanup.policy=compact");
        }
        log.info("Using existing schemas topic {} (compacted, replication factor {})", topic,
                description.partitions().get(0).replicas().size());
    }

    private static <T> T await(org.apache.kafka.common.KafkaFuture<T> future, Duration timeout, String action) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not " + action + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Could not " + action + " within " + timeout.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while trying to " + action, e);
        }
    }
}

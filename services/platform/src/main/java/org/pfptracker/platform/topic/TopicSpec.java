package org.pfptracker.platform.topic;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Everything pfp-tracker requires of one topic. Applied idempotently at start-up by
 * {@link TopicProvisioner}, or verified where the operator owns the cluster.
 *
 * @param name topic name
 * @param partitions number of partitions; can grow later, never shrink
 * @param replicationFactor copies of each partition
 * @param minInSyncReplicas replicas that must acknowledge an {@code acks=all} write
 * @param cleanupPolicy delete (a log of events) or compact (latest value per key)
 * @param retention how long records are kept; {@code null} keeps them forever
 * @param purpose one line for operators: what the topic carries
 */
public record TopicSpec(String name, int partitions, short replicationFactor, int minInSyncReplicas,
                        CleanupPolicy cleanupPolicy, Duration retention, String purpose) {

    public TopicSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(cleanupPolicy, "cleanupPolicy");
        if (partitions < 1) {
            throw new IllegalArgumentException("Topic " + name + " needs at least one partition");
        }
        if (replicationFactor < 1 || minInSyncReplicas < 1 || minInSyncReplicas > replicationFactor) {
            throw new IllegalArgumentException("Topic " + name + ": min.insync.replicas " + minInSyncReplicas
                    + " must be between 1 and the replication factor " + replicationFactor);
        }
    }

    /** How records leave a topic. */
    public enum CleanupPolicy {
        DELETE("delete"), COMPACT("compact");

        private final String configValue;

        CleanupPolicy(String configValue) {
            this.configValue = configValue;
        }

        public String configValue() {
            return configValue;
        }
    }

    /** The topic-level configuration Kafka should hold for this spec. */
    public Map<String, String> configs() {
        Map<String, String> configs = new LinkedHashMap<>();
        configs.put("cleanup.policy", cleanupPolicy.configValue());
        configs.put("min.insync.replicas", Integer.toString(minInSyncReplicas));
        configs.put("retention.ms", retention == null ? "-1" : Long.toString(retention.toMillis()));
        return configs;
    }
}

package org.pfptracker.kafka.junit;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The broker configuration every test cluster runs with, whichever way it is started, so that a
 * test behaves the same on the in-process kit and in a container.
 */
final class BrokerSettings {

    /** Partitions of each internal topic: enough to spread groups, few enough to create fast. */
    private static final String INTERNAL_TOPIC_PARTITIONS = "5";

    /**
     * Topic defaults that KRaft applies on the controller, which creates topics; brokers given
     * them warn that 5.0 will ignore them there.
     */
    private static final Set<String> CONTROLLER_SETTINGS = Set.of("num.partitions", "default.replication.factor");

    private BrokerSettings() {
    }

    /** Whether {@code name} belongs on controllers only when they run apart from brokers. */
    static boolean isControllerOnly(String name) {
        return CONTROLLER_SETTINGS.contains(name);
    }

    /** Server properties for a cluster of {@code brokerCount} brokers, sorted by name. */
    static SortedMap<String, String> forBrokerCount(int brokerCount) {
        if (brokerCount < 1) {
            throw new IllegalArgumentException("A Kafka cluster needs at least one broker, not " + brokerCount);
        }
        // Internal topics are replicated as in production (3) when there are brokers enough, and a
        // lost broker must not stop transactions or groups, hence a minimum ISR of 2 only at 3+.
        String replication = Integer.toString(Math.min(brokerCount, 3));
        String minInSync = brokerCount >= 3 ? "2" : "1";

        SortedMap<String, String> settings = new TreeMap<>();
        // Tests declare their topics, as production deployments do; a misspelt topic then fails
        // the test instead of quietly creating a new, empty topic.
        settings.put("auto.create.topics.enable", "false");
        // Kafka's own default, stated so that tests relying on it can see it.
        settings.put("num.partitions", "1");
        // Kafka Streams creates its internal topics with the broker's default replication factor.
        settings.put("default.replication.factor", replication);
        settings.put("min.insync.replicas", minInSync);
        settings.put("offsets.topic.replication.factor", replication);
        settings.put("offsets.topic.num.partitions", INTERNAL_TOPIC_PARTITIONS);
        settings.put("transaction.state.log.replication.factor", replication);
        settings.put("transaction.state.log.min.isr", minInSync);
        settings.put("transaction.state.log.num.partitions", INTERNAL_TOPIC_PARTITIONS);
        settings.put("share.coordinator.state.topic.replication.factor", replication);
        settings.put("share.coordinator.state.topic.min.isr", minInSync);
        settings.put("share.coordinator.state.topic.num.partitions", INTERNAL_TOPIC_PARTITIONS);
        // A test must not wait the default 3 s for the first consumer group rebalance.
        settings.put("group.initial.rebalance.delay.ms", "0");
        // A stopped broker is fenced within ~2 s instead of 9 s, so broker-loss tests stay short.
        settings.put("broker.session.timeout.ms", "2000");
        settings.put("broker.heartbeat.interval.ms", "500");
        // The test kit enables unreleased protocol versions for Kafka's own tests; ours must see
        // exactly what a released broker offers.
        settings.put("unstable.api.versions.enable", "false");
        settings.put("unstable.feature.versions.enable", "false");
        return settings;
    }

    /**
     * The same settings as environment variables for the {@code apache/kafka} image, which maps
     * {@code KAFKA_A_B} to {@code a.b}, {@code __} to {@code _} and {@code ___} to {@code -}.
     */
    static SortedMap<String, String> asContainerEnvironment(Map<String, String> settings) {
        SortedMap<String, String> environment = new TreeMap<>();
        settings.forEach((name, value) -> environment.put(containerVariable(name), value));
        return environment;
    }

    private static String containerVariable(String propertyName) {
        // Underscores first, so that the ones introduced for dots and dashes are not doubled.
        String escaped = propertyName.replace("_", "__").replace("-", "___").replace('.', '_');
        return "KAFKA_" + escaped.toUpperCase(Locale.ROOT);
    }
}

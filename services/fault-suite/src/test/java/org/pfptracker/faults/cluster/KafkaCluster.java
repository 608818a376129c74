package org.pfptracker.faults.cluster;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.pfptracker.testsupport.process.FreePorts;
import org.pfptracker.testsupport.process.JavaProcess;

/**
 * A KRaft cluster of separate processes: one controller and three brokers, each {@code pfp broker} from the
 * distribution. Every broker has two client listeners on the same log: {@code INTERNAL}, which the brokers
 * and most clients use, and {@code PROXIED}, advertised at the address of a {@link TcpProxy} in front of it.
 * A client bootstrapped through the proxies is told the proxies' addresses in every metadata answer (Kafka
 * answers with the listener the client connected on), so all its traffic, and only its, crosses them.
 */
public final class KafkaCluster implements AutoCloseable {

    public static final int BROKERS = 3;
    private static final int CONTROLLER_ID = 100;

    private final String clusterId = Uuid.randomUuid().toString();
    private final JavaProcess controller;
    private final List<JavaProcess> brokers = new ArrayList<>();
    private final List<Integer> internalPorts = new ArrayList<>();
    private final List<TcpProxy> proxies = new ArrayList<>();

    private KafkaCluster(Path distribution, Path directory) throws IOException {
        int controllerPort = FreePorts.next();
        String voters = CONTROLLER_ID + "@127.0.0.1:" + controllerPort;
        Path logs = directory.resolve("logs");
        Map<String, String> controllerProperties = new LinkedHashMap<>(Map.of(
                "process.roles", "controller",
                "node.id", Integer.toString(CONTROLLER_ID),
                "controller.quorum.voters", voters,
                "controller.listener.names", "CONTROLLER",
                "listeners", "CONTROLLER://127.0.0.1:" + controllerPort,
                "listener.security.protocol.map", "CONTROLLER:PLAINTEXT",
                "log.dirs", directory.resolve("controller").toString()));
        // In KRaft the controller applies the defaults of topics created without them.
        controllerProperties.put("default.replication.factor", "3");
        controllerProperties.put("min.insync.replicas", "2");
        controller = node(distribution, directory, logs, "controller", controllerProperties);
        for (int id = 1; id <= BROKERS; id++) {
            int internal = FreePorts.next();
            int proxied = FreePorts.next();
            TcpProxy proxy = TcpProxy.start(FreePorts.next(), proxied);
            Map<String, String> properties = new LinkedHashMap<>(brokerDefaults());
            properties.putAll(Map.of(
                    "process.roles", "broker",
                    "node.id", Integer.toString(id),
                    "controller.quorum.voters", voters,
                    "controller.listener.names", "CONTROLLER",
                    "listeners", "INTERNAL://127.0.0.1:" + internal + ",PROXIED://127.0.0.1:" + proxied,
                    "advertised.listeners", "INTERNAL://127.0.0.1:" + internal + ",PROXIED://127.0.0.1:" + proxy.port(),
                    "listener.security.protocol.map", "INTERNAL:PLAINTEXT,PROXIED:PLAINTEXT,CONTROLLER:PLAINTEXT",
                    "inter.broker.listener.name", "INTERNAL",
                    "log.dirs", directory.resolve("broker-" + id).toString()));
            brokers.add(node(distribution, directory, logs, "broker-" + id, properties));
            internalPorts.add(internal);
            proxies.add(proxy);
        }
    }

    /** Three copies of everything, two in sync for a write: one broker may go without losing a write. */
    private static Map<String, String> brokerDefaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("default.replication.factor", "3");
        defaults.put("min.insync.replicas", "2");
        defaults.put("offsets.topic.replication.factor", "3");
        defaults.put("offsets.topic.num.partitions", "10");
        defaults.put("transaction.state.log.replication.factor", "3");
        defaults.put("transaction.state.log.min.isr", "2");
        defaults.put("transaction.state.log.num.partitions", "10");
        defaults.put("share.coordinator.state.topic.replication.factor", "3");
        defaults.put("share.coordinator.state.topic.min.isr", "2");
        defaults.put("auto.create.topics.enable", "false");
        defaults.put("group.initial.rebalance.delay.ms", "0");
        defaults.put("num.network.threads", "2");
        defaults.put("num.io.threads", "2");
        defaults.put("log.cleaner.dedupe.buffer.size", "8388608");
        // A replica that stops fetching leaves the ISR after 10 s instead of 30 s: writes go on sooner.
        defaults.put("replica.lag.time.max.ms", "10000");
        return defaults;
    }

    private JavaProcess node(Path distribution, Path directory, Path logs, String name, Map<String, String> properties)
            throws IOException {
        Path file = directory.resolve(name + ".properties");
        Files.createDirectories(directory);
        Files.writeString(file, properties.entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining("\n", "", "\n")));
        return Service.command(distribution, name, logs, "broker", "--properties", file.toString(),
                "--cluster-id", clusterId);
    }

    /** Starts the controller and the brokers, and returns once all three brokers are in the cluster. */
    public static KafkaCluster start(Path distribution, Path directory) {
        try {
            KafkaCluster cluster = new KafkaCluster(distribution, directory);
            cluster.controller.start();
            cluster.brokers.forEach(JavaProcess::start);
            cluster.awaitBrokers(BROKERS);
            return cluster;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String bootstrapServers() {
        return internalPorts.stream().map(port -> "127.0.0.1:" + port).collect(Collectors.joining(","));
    }

    /** Bootstrap servers through the proxies: a client given these crosses the proxies for everything. */
    public String proxiedBootstrapServers() {
        return proxies.stream().map(proxy -> "127.0.0.1:" + proxy.port()).collect(Collectors.joining(","));
    }

    public List<TcpProxy> proxies() {
        return proxies;
    }

    /** Broker {@code id} (1 to 3). */
    public JavaProcess broker(int id) {
        return brokers.get(id - 1);
    }

    public Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000));
    }

    /** The broker leading partition {@code partition} of {@code topic}. */
    public int leaderOf(String topic, int partition) {
        try (Admin admin = admin()) {
            return admin.describeTopics(Set.of(topic)).allTopicNames().get().get(topic).partitions().get(partition)
                    .leader().id();
        } catch (Exception e) {
            throw new IllegalStateException("Could not find the leader of " + topic + "-" + partition, e);
        }
    }

    /** Waits until {@code count} brokers are registered and unfenced. */
    public void awaitBrokers(int count) {
        await("brokers in the cluster").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions().until(() -> {
                    try (Admin admin = admin()) {
                        return admin.describeCluster().nodes().get().size() >= count;
                    }
                });
    }

    /** Waits until every partition of the topics has all three replicas in sync again. */
    public void awaitFullyReplicated(Set<String> topics) {
        await("all replicas in sync").atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions().until(() -> {
                    try (Admin admin = admin()) {
                        return admin.describeTopics(topics).allTopicNames().get().values().stream()
                                .flatMap(description -> description.partitions().stream())
                                .allMatch(partition -> partition.isr().size() == BROKERS);
                    }
                });
    }

    @Override
    public void close() {
        brokers.forEach(JavaProcess::kill);
        controller.kill();
        proxies.forEach(proxy -> {
            try {
                proxy.close();
            } catch (IOException e) {
                // Closing anyway.
            }
        });
    }
}

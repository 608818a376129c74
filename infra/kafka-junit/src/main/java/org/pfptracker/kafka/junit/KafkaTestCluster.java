package org.pfptracker.kafka.junit;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.pfptracker.kafka.embedded.security.AccessPolicy;
import org.pfptracker.kafka.embedded.security.ClientSecurity;
import org.pfptracker.kafka.embedded.security.KafkaPrincipal;

/**
 * A real Kafka cluster shared by the tests of one JVM, injected by {@link WithKafka}.
 *
 * <p>Every cluster runs with these broker settings (the same on the in-process kit and in a
 * container):
 * <ul>
 *   <li>{@code auto.create.topics.enable=false}: create every topic with {@link #createTopics};
 *       Kafka Streams creates its own internal topics.</li>
 *   <li>{@code num.partitions=1}; {@code default.replication.factor} and the replication of the
 *       offsets, transaction and share-state topics equal the broker count, at most 3.</li>
 *   <li>{@code min.insync.replicas} and {@code transaction.state.log.min.isr} are 2 with 3 or more
 *       brokers and 1 otherwise, so transactions and {@code exactly_once_v2} keep working while
 *       one of three brokers is down.</li>
 *   <li>{@code group.initial.rebalance.delay.ms=0}; a stopped broker is fenced within ~2 s.</li>
 *   <li>Released metadata and protocol versions only, as a production broker offers.</li>
 * </ul>
 *
 * <p>A secured cluster ({@code @WithKafka(secured = true)}) speaks SASL_SSL with SCRAM-SHA-512 on
 * every listener and enforces {@link AccessPolicy#standard()} with KRaft's
 * {@code StandardAuthorizer}; every {@link KafkaPrincipal} has a SCRAM user with a random password.
 * {@link #clientConfig(KafkaPrincipal)} connects as one of them; {@link #clientConfig()},
 * {@link #admin()} and {@link #createTopics} act as the {@link KafkaPrincipal#ADMIN admin}
 * super-user, so that a test's set-up is the same on both kinds of cluster.
 *
 * <p>The cluster outlives the test: never rely on it being empty, and name topics, groups and
 * application ids with {@link UniqueNames#of(String)}. Tests that stop brokers should not run in
 * parallel with other tests on the same cluster.
 */
public final class KafkaTestCluster {

    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration REPLICATION_TIMEOUT = Duration.ofSeconds(60);

    private final ClusterBackend backend;

    KafkaTestCluster(ClusterBackend backend) {
        this.backend = backend;
    }

    /** The {@code bootstrap.servers} value for clients, e.g. {@code localhost:41234,localhost:40111}. */
    public String bootstrapServers() {
        return backend.bootstrapServers();
    }

    /** Number of brokers in the cluster, running or not. */
    public int brokerCount() {
        return backend.brokerIds().size();
    }

    /** Ids of all brokers, running or not, in ascending order (from 0 on the in-process kit). */
    public SortedSet<Integer> brokerIds() {
        return backend.brokerIds();
    }

    /** Ids of the brokers currently running, in ascending order. */
    public SortedSet<Integer> runningBrokerIds() {
        return backend.runningBrokerIds();
    }

    /**
     * Stops one broker with a controlled shutdown: its partition leaderships move to other
     * brokers first, and it drops out of every ISR. Returns once the remaining brokers see it gone.
     * Anything it left stopped is started again after the test class.
     *
     * @throws UnsupportedOperationException on a single-broker cluster, whose broker cannot be
     *         stopped on its own; ask for {@code @WithKafka(brokers = 3)}
     * @throws IllegalStateException if the broker is already stopped
     */
    public void stopBroker(int brokerId) {
        backend.stopBroker(brokerId);
    }

    /**
     * Starts a stopped broker again on its old port and data, and returns once every running
     * broker sees it alive. Its replicas catch up afterwards: see {@link #awaitReplicasInSync}.
     *
     * @throws IllegalStateException if the broker is running
     */
    public void startBroker(int brokerId) {
        backend.startBroker(brokerId);
    }

    /**
     * A fresh {@code Map} holding {@code bootstrap.servers}, to which a test adds its client
     * settings; on a secured cluster also the settings that connect as the admin super-user.
     */
    public Map<String, Object> clientConfig() {
        return backend.clientSecurity().isPresent() ? clientConfig(KafkaPrincipal.ADMIN) : bootstrapOnly();
    }

    /**
     * A fresh {@code Map} holding {@code bootstrap.servers} and what connects to this secured
     * cluster as {@code principal} (SASL_SSL, SCRAM-SHA-512 with its password, the trust store).
     *
     * @throws IllegalStateException if the cluster is not secured
     */
    public Map<String, Object> clientConfig(KafkaPrincipal principal) {
        Map<String, Object> config = bootstrapOnly();
        config.putAll(clientSecurity().forPrincipal(principal));
        return config;
    }

    /** Whether clients must authenticate and are held to {@link #accessPolicy()}. */
    public boolean isSecured() {
        return backend.clientSecurity().isPresent();
    }

    /**
     * The trust store and every principal's password of this secured cluster, e.g. to connect as a
     * user with a wrong password ({@link ClientSecurity#forUser}).
     *
     * @throws IllegalStateException if the cluster is not secured
     */
    public ClientSecurity clientSecurity() {
        return backend.clientSecurity().orElseThrow(() -> new IllegalStateException(
                "The " + backend + " is not secured; ask for @WithKafka(secured = true)"));
    }

    /**
     * The ACLs this secured cluster enforces: {@link AccessPolicy#standard()}.
     *
     * @throws IllegalStateException if the cluster is not secured
     */
    public AccessPolicy accessPolicy() {
        if (!isSecured()) {
            throw new IllegalStateException("The " + backend + " is not secured and enforces no access policy");
        }
        return SecuredKit.POLICY;
    }

    private Map<String, Object> bootstrapOnly() {
        Map<String, Object> config = new HashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return config;
    }

    /** A new admin client for this cluster (the admin super-user's, if secured); the caller closes it. */
    public Admin admin() {
        return Admin.create(clientConfig());
    }

    /**
     * Creates topics and returns once each partition has a leader.
     *
     * @throws IllegalStateException if a topic cannot be created, e.g. because it exists
     */
    public void createTopics(NewTopic... topics) {
        createTopics(Arrays.asList(topics));
    }

    /** As {@link #createTopics(NewTopic...)}. */
    public void createTopics(Collection<NewTopic> topics) {
        List<String> names = topics.stream().map(NewTopic::name).toList();
        try (Admin admin = admin()) {
            awaitResult(admin.createTopics(topics).all(), "create topics " + names);
            Polling.await(ADMIN_TIMEOUT, () -> "every partition of " + names + " has a leader",
                    () -> allPartitionsMatch(admin, names,
                            partition -> partition.leader() != null && !partition.leader().isEmpty()));
        }
    }

    /**
     * Waits until every replica of every partition of the given topics is in sync again, as after
     * {@link #startBroker(int)} once the restarted broker has caught up.
     */
    public void awaitReplicasInSync(String... topics) {
        List<String> names = List.of(topics);
        try (Admin admin = admin()) {
            Polling.await(REPLICATION_TIMEOUT, () -> "every replica of " + names + " is in sync",
                    () -> allPartitionsMatch(admin, names,
                            partition -> partition.isr().size() == partition.replicas().size()));
        }
    }

    private static boolean allPartitionsMatch(Admin admin, List<String> topics, Predicate<TopicPartitionInfo> condition) {
        Map<String, TopicDescription> descriptions;
        try {
            descriptions = awaitResult(admin.describeTopics(topics).allTopicNames(), "describe topics " + topics);
        } catch (IllegalStateException e) {
            // The broker that answered may not have the new topic's metadata yet: ask again.
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return false;
            }
            throw e;
        }
        return descriptions.values().stream()
                .flatMap(topic -> topic.partitions().stream())
                .allMatch(condition);
    }

    private static <T> T awaitResult(KafkaFuture<T> future, String action) {
        try {
            return future.get(ADMIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not " + action + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Could not " + action + " within " + ADMIN_TIMEOUT.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while trying to " + action, e);
        }
    }

    @Override
    public String toString() {
        return backend.toString();
    }
}

package org.pfptracker.kafka.junit;

import java.time.Duration;
import java.util.Collections;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.pfptracker.kafka.embedded.security.ClientSecurity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A single-broker cluster in an {@code apache/kafka} container. The only class that touches
 * Testcontainers, and loaded only when a test run asks for containers, so machines without Docker
 * never initialise it.
 */
final class TestcontainersKafkaCluster implements ClusterBackend {

    private static final Logger LOG = LoggerFactory.getLogger(TestcontainersKafkaCluster.class);

    /** Overrides the image, e.g. to follow a Kafka upgrade before this default does. */
    static final String IMAGE_PROPERTY = "pfp.test.kafka.image";
    /** The broker release our clients are built against. */
    static final String DEFAULT_IMAGE = "apache/kafka:4.4.0";
    /** The broker id the image's single combined node registers with. */
    private static final int BROKER_ID = 1;

    private final KafkaContainer container;
    private final String bootstrapServers;

    private TestcontainersKafkaCluster(KafkaContainer container) {
        this.container = container;
        this.bootstrapServers = container.getBootstrapServers();
    }

    static TestcontainersKafkaCluster start() {
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            throw new IllegalStateException(ClusterSource.SYSTEM_PROPERTY + "=testcontainers asks for a Kafka"
                    + " container, but no Docker daemon is reachable; unset it to use the in-process cluster");
        }
        String image = System.getProperty(IMAGE_PROPERTY, DEFAULT_IMAGE);
        long startedAt = System.nanoTime();
        KafkaContainer container = new KafkaContainer(DockerImageName.parse(image))
                .withEnv(BrokerSettings.asContainerEnvironment(BrokerSettings.forBrokerCount(1)))
                .withStartupTimeout(Duration.ofMinutes(2));
        try {
            container.start();
        } catch (RuntimeException e) {
            container.close();
            throw new IllegalStateException("Could not start a Kafka container from " + image, e);
        }
        TestcontainersKafkaCluster cluster = new TestcontainersKafkaCluster(container);
        LOG.info("Started 1-broker Kafka container {} in {} ms at {}", image,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt), cluster.bootstrapServers);
        return cluster;
    }

    @Override
    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public SortedSet<Integer> brokerIds() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(Collections.singleton(BROKER_ID)));
    }

    @Override
    public SortedSet<Integer> runningBrokerIds() {
        return brokerIds();
    }

    @Override
    public Optional<ClientSecurity> clientSecurity() {
        // Secured clusters always come from the test kit.
        return Optional.empty();
    }

    @Override
    public void stopBroker(int brokerId) {
        throw new UnsupportedOperationException("The Kafka container's only broker cannot be stopped alone;"
                + " use @WithKafka(brokers = 3) for broker-loss tests");
    }

    @Override
    public void startBroker(int brokerId) {
        throw new UnsupportedOperationException("The Kafka container's only broker is never stopped");
    }

    @Override
    public void startStoppedBrokers() {
        // Its broker cannot be stopped, so there is nothing to start.
    }

    @Override
    public void verifyHealthy() {
        if (!container.isRunning()) {
            throw new IllegalStateException("The Kafka container " + container.getDockerImageName() + " has stopped");
        }
    }

    @Override
    public void close() {
        container.close();
    }

    @Override
    public String toString() {
        return "1-broker Kafka container at " + bootstrapServers;
    }
}

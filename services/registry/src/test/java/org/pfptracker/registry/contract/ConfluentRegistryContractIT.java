package org.pfptracker.registry.contract;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The contract against Confluent's own Schema Registry, in a container beside an Apache Kafka
 * container: the reference our registry must match. Skipped, saying so, where Docker is absent.
 */
class ConfluentRegistryContractIT extends SchemaRegistryContract {

    private static final String KAFKA_IMAGE = "apache/kafka:4.1.0";
    private static final String REGISTRY_IMAGE = "confluentinc/cp-schema-registry:7.9.0";
    private static final int REGISTRY_PORT = 8081;

    private static Network network;
    private static KafkaContainer kafka;
    private static GenericContainer<?> registry;

    @BeforeAll
    static void startConfluentRegistry() {
        assumeTrue(dockerAvailable(), "Docker is not available here: skipping the contract run against Confluent's "
                + "Schema Registry (" + REGISTRY_IMAGE + "); the same contract runs against ours in OwnRegistryContractIT");
        network = Network.newNetwork();
        kafka = new KafkaContainer(KAFKA_IMAGE)
                .withNetwork(network)
                .withListener("kafka:19092");
        kafka.start();
        registry = new GenericContainer<>(REGISTRY_IMAGE)
                .withNetwork(network)
                .withExposedPorts(REGISTRY_PORT)
                .withEnv("SCHEMA_REGISTRY_HOST_NAME", "schema-registry")
                .withEnv("SCHEMA_REGISTRY_LISTENERS", "http://0.0.0.0:" + REGISTRY_PORT)
                .withEnv("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS", "PLAINTEXT://kafka:19092")
                .waitingFor(Wait.forHttp("/subjects").forStatusCode(200).withStartupTimeout(Duration.ofMinutes(3)));
        registry.start();
    }

    @AfterAll
    static void stopConfluentRegistry() {
        if (registry != null) {
            registry.stop();
        }
        if (kafka != null) {
            kafka.stop();
        }
        if (network != null) {
            network.close();
        }
    }

    @Override
    protected String registryUrl() {
        return "http://" + registry.getHost() + ":" + registry.getMappedPort(REGISTRY_PORT);
    }

    private static boolean dockerAvailable() {
        // Asking Testcontainers on a machine without Docker logs an ERROR; look for a daemon first.
        if (System.getenv("DOCKER_HOST") == null && !Files.exists(Path.of("/var/run/docker.sock"))) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }
}

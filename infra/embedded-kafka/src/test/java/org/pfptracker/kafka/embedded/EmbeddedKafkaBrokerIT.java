package org.pfptracker.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("integration")
class EmbeddedKafkaBrokerIT {

    private static final String TOPIC = "partner-activities";

    @TempDir
    Path dataDirectory;

    private EmbeddedKafkaConfig config;

    @BeforeEach
    void chooseFreePorts() throws IOException {
        // Free ports, so that the test never meets a developer's Kafka on 9092; both starts use
        // the same ones, as the local stack does.
        config = EmbeddedKafkaConfig.inDirectory(dataDirectory)
                .withBrokerPort(freePort())
                .withControllerPort(freePort());
    }

    @Test
    void shouldKeepTopicsAndRecordsAcrossARestartOnTheSameDirectory() throws Exception {
        // Given a node that created a topic and stored a record
        String firstClusterId;
        try (EmbeddedKafkaBroker kafka = new EmbeddedKafkaBroker(config)) {
            String bootstrapServers = kafka.start();
            firstClusterId = kafka.clusterId();
            try (Admin admin = admin(bootstrapServers)) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
            }
            try (KafkaProducer<String, String> producer = producer(bootstrapServers)) {
                producer.send(new ProducerRecord<>(TOPIC, "SWE", "exercise-completed")).get();
            }
        }

        // When a new node starts on the same directory
        try (EmbeddedKafkaBroker kafka = new EmbeddedKafkaBroker(config)) {
            String bootstrapServers = kafka.start();

            // Then the cluster, the topic and the record are still there
            assertThat(kafka.clusterId()).isEqualTo(firstClusterId);
            try (Admin admin = admin(bootstrapServers)) {
                assertThat(admin.listTopics().names().get()).contains(TOPIC);
            }
            assertThat(valuesIn(bootstrapServers, 1)).containsExactly("exercise-completed");
        }
    }

    @Test
    void shouldCommitTransactionsOnItsSingleNode() throws Exception {
        // Given
        try (EmbeddedKafkaBroker kafka = new EmbeddedKafkaBroker(config)) {
            String bootstrapServers = kafka.start();
            try (Admin admin = admin(bootstrapServers)) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
            }
            Map<String, Object> producerConfig = producerConfig(bootstrapServers);
            producerConfig.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "embedded-kafka-it");

            // When
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig)) {
                producer.initTransactions();
                producer.beginTransaction();
                producer.send(new ProducerRecord<>(TOPIC, "FIN", "objective-met"));
                producer.commitTransaction();
            }

            // Then
            assertThat(valuesIn(bootstrapServers, 1)).containsExactly("objective-met");
        }
    }

    private static Admin admin(String bootstrapServers) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    private static KafkaProducer<String, String> producer(String bootstrapServers) {
        return new KafkaProducer<>(producerConfig(bootstrapServers));
    }

    private static Map<String, Object> producerConfig(String bootstrapServers) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        return config;
    }

    /** Reads the topic from the start, read_committed, until {@code expected} values arrived. */
    private static List<String> valuesIn(String bootstrapServers, int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            TopicPartition partition = new TopicPartition(TOPIC, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> values.add(record.value()));
                return values.size() >= expected;
            });
        }
        return values;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}

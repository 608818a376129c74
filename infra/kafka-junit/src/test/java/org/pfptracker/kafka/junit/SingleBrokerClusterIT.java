package org.pfptracker.kafka.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

@WithKafka
class SingleBrokerClusterIT {

    private final KafkaTestCluster kafka;

    SingleBrokerClusterIT(KafkaTestCluster kafka) {
        this.kafka = kafka;
    }

    @Test
    void shouldDeliverAProducedRecordToAConsumer() throws Exception {
        // Given
        String topic = UniqueNames.of("partner-activities");
        kafka.createTopics(new NewTopic(topic, 1, (short) 1));

        // When
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>(topic, "GEO", "exercise-planned")).get();
        }

        // Then
        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, String>> received = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> {
                        consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                        return !received.isEmpty();
                    });
            assertThat(received)
                    .singleElement()
                    .satisfies(record -> {
                        assertThat(record.key()).isEqualTo("GEO");
                        assertThat(record.value()).isEqualTo("exercise-planned");
                    });
        }
    }

    @Test
    void shouldCommitTransactionsOnItsSingleBroker() throws Exception {
        // Given
        String topic = UniqueNames.of("partner-objectives");
        kafka.createTopics(new NewTopic(topic, 1, (short) 1));
        Map<String, Object> config = producerConfig();
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, UniqueNames.of("single-broker-it"));

        // When
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "MDA", "objective-met"));
            producer.commitTransaction();
        }

        // Then a read_committed consumer sees the record
        Map<String, Object> consumerConfig = consumerConfig();
        consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig)) {
            consumer.subscribe(List.of(topic));
            List<String> values = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> {
                        consumer.poll(Duration.ofMillis(200)).forEach(record -> values.add(record.value()));
                        return !values.isEmpty();
                    });
            assertThat(values).containsExactly("objective-met");
        }
    }

    @Test
    void shouldHandTheSameClusterToEveryParameter(KafkaTestCluster sameKafka) {
        // Given the cluster injected into the constructor, When a method asks again
        // Then it gets the one cluster of this JVM, with one broker
        assertThat(sameKafka.bootstrapServers()).isEqualTo(kafka.bootstrapServers());
        assertThat(sameKafka.brokerCount()).isEqualTo(1);
        assertThat(sameKafka.runningBrokerIds()).isEqualTo(sameKafka.brokerIds());
    }

    @Test
    void shouldNotCreateTopicsThatTestsDidNotDeclare() throws Exception {
        // Given
        String undeclared = UniqueNames.of("undeclared");
        Map<String, Object> config = producerConfig();
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 2_000);

        // When
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(undeclared, "ARM", "ignored")).get())
                    // Then the producer never finds the topic
                    .hasCauseInstanceOf(TimeoutException.class);
        }

        // And the broker did not create it either
        try (Admin admin = kafka.admin()) {
            assertThat(admin.listTopics().names().get()).doesNotContain(undeclared);
        }
    }

    @Test
    void shouldRefuseToStopTheOnlyBroker() {
        // Given a single node that is both controller and broker
        int broker = kafka.brokerIds().first();

        // When / Then
        assertThatThrownBy(() -> kafka.stopBroker(broker))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("@WithKafka(brokers = 3)");
        assertThat(kafka.runningBrokerIds()).containsExactly(broker);
    }

    private KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(producerConfig());
    }

    private Map<String, Object> producerConfig() {
        Map<String, Object> config = kafka.clientConfig();
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        return config;
    }

    private KafkaConsumer<String, String> consumer() {
        return new KafkaConsumer<>(consumerConfig());
    }

    private Map<String, Object> consumerConfig() {
        Map<String, Object> config = kafka.clientConfig();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, UniqueNames.of("single-broker-it"));
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        return config;
    }
}

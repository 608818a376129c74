package org.pfptracker.kafka.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestClassOrder;

@WithKafka(brokers = 3)
@TestClassOrder(ClassOrderer.OrderAnnotation.class)
class ThreeBrokerClusterIT {

    @Test
    void shouldKeepAcceptingWritesWhenOneOfThreeBrokersStops(KafkaTestCluster kafka) throws Exception {
        // Given a topic on all three brokers that needs two of them in sync for acks=all
        String topic = UniqueNames.of("partner-progress");
        kafka.createTopics(new NewTopic(topic, 1, (short) 3).configs(Map.of("min.insync.replicas", "2")));
        int leader = leaderOf(kafka, topic);

        try (KafkaProducer<String, String> producer = producer(kafka)) {
            producer.send(new ProducerRecord<>(topic, "UKR", "before")).get();

            // When the partition's leader stops
            kafka.stopBroker(leader);

            // Then writes with acks=all still succeed, on a new leader
            RecordMetadata written = producer.send(new ProducerRecord<>(topic, "UKR", "during")).get();
            assertThat(written.offset()).isEqualTo(1);
            assertThat(leaderOf(kafka, topic)).isNotEqualTo(leader);
            assertThat(kafka.runningBrokerIds()).hasSize(2).doesNotContain(leader);

            // And when the broker comes back, it catches up and rejoins the ISR
            kafka.startBroker(leader);
            kafka.awaitReplicasInSync(topic);
            producer.send(new ProducerRecord<>(topic, "UKR", "after")).get();
        }
        assertThat(kafka.runningBrokerIds()).isEqualTo(kafka.brokerIds());
        assertThat(valuesIn(kafka, topic)).containsExactly("before", "during", "after");
    }

    @Test
    void shouldReplicateTopicsWithoutExplicitSettingsOnAllThreeBrokers(KafkaTestCluster kafka) throws Exception {
        // Given a topic created the way Kafka Streams creates its internal topics
        String topic = UniqueNames.of("pace-changelog");

        // When
        kafka.createTopics(new NewTopic(topic, Optional.empty(), Optional.empty()));

        // Then it takes the cluster's defaults: one partition, on every broker
        try (Admin admin = kafka.admin()) {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
            assertThat(description.partitions())
                    .singleElement()
                    .satisfies(partition -> assertThat(partition.replicas()).hasSize(3));
        }
    }

    @Test
    void shouldRejectStartingABrokerThatIsRunning(KafkaTestCluster kafka) {
        // Given
        int broker = kafka.brokerIds().first();

        // When / Then
        assertThatThrownBy(() -> kafka.startBroker(broker))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is running");
        assertThatThrownBy(() -> kafka.stopBroker(99))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("No broker 99");
    }

    @Nested
    @Order(1)
    class WhenATestLeavesABrokerStopped {

        @Test
        void shouldStopTheBroker(KafkaTestCluster kafka) {
            // When
            kafka.stopBroker(kafka.brokerIds().last());

            // Then
            assertThat(kafka.runningBrokerIds()).hasSize(2);
        }
    }

    @Nested
    @Order(2)
    class TheNextTestClass {

        @Test
        void shouldFindAllThreeBrokersRunningAgain(KafkaTestCluster kafka) {
            assertThat(kafka.brokerCount()).isEqualTo(3);
            assertThat(kafka.runningBrokerIds()).isEqualTo(kafka.brokerIds());
        }
    }

    private static int leaderOf(KafkaTestCluster kafka, String topic) throws Exception {
        try (Admin admin = kafka.admin()) {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
            return description.partitions().get(0).leader().id();
        }
    }

    private static KafkaProducer<String, String> producer(KafkaTestCluster kafka) {
        Map<String, Object> config = kafka.clientConfig();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        return new KafkaProducer<>(config);
    }

    private static List<String> valuesIn(KafkaTestCluster kafka, String topic) {
        Map<String, Object> config = kafka.clientConfig();
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> values.add(record.value()));
                return values.size() >= 3;
            });
        }
        return values;
    }
}

package org.pfptracker.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pfptracker.event.EventMetadata;
import org.pfptracker.event.Framework;
import org.pfptracker.event.PartnerJoined;
import org.pfptracker.kafka.junit.KafkaTestCluster;
import org.pfptracker.kafka.junit.UniqueNames;
import org.pfptracker.kafka.junit.WithKafka;
import org.pfptracker.registry.client.HttpSchemaRegistryClient;
import org.pfptracker.registry.serde.AvroSerdeConfig;
import org.pfptracker.registry.serde.ConfluentWireFormat;
import org.pfptracker.registry.serde.KafkaAvroDeserializer;
import org.pfptracker.registry.serde.KafkaAvroSerializer;

/**
 * Our serdes through a real broker and our registry, configured by class name and keys only, as an
 * application configured for Confluent's serdes would be.
 */
@WithKafka
class SerdeEndToEndIT {

    private static SchemaRegistryServer registry;

    @BeforeAll
    static void startRegistry(KafkaTestCluster kafka) {
        registry = SchemaRegistryServer.start(RegistryConfig.forBootstrapServers(kafka.bootstrapServers())
                .withPort(0).withTopic(UniqueNames.of("schemas")));
    }

    @AfterAll
    static void stopRegistry() {
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void shouldConsumeTheGeneratedEventAProducerWroteThroughTheRegistry(KafkaTestCluster kafka) {
        // Given a topic and a producer whose value serializer is ours, named in configuration
        String topic = UniqueNames.of("partners");
        kafka.createTopics(new NewTopic(topic, 1, (short) 1));
        PartnerJoined joined = PartnerJoined.newBuilder()
                .setMetadata(EventMetadata.newBuilder()
                        .setEventId(UUID.randomUUID())
                        .setOccurredAt(Instant.parse("2026-05-04T08:30:00Z"))
                        .setSource("pcm-portal")
                        .setPartnerId("bosnia-and-herzegovina")
                        .setCorrelationId("onboarding-17")
                        .build())
                .setName("Bosnia and Herzegovina")
                .setFramework(Framework.EURO_ATLANTIC_PARTNERSHIP)
                .setJoinedOn(LocalDate.of(2006, 12, 14))
                .build();

        // When it sends the event
        Map<String, Object> producerConfig = kafka.clientConfig();
        producerConfig.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producerConfig.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, KafkaAvroSerializer.class.getName());
        producerConfig.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url().toString());
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(producerConfig)) {
            producer.send(new ProducerRecord<>(topic, "bosnia-and-herzegovina", joined));
            producer.flush();
        }

        // Then a consumer with our deserializer and the specific reader gets the same event back
        Map<String, Object> consumerConfig = consumerConfig(kafka);
        consumerConfig.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, KafkaAvroDeserializer.class.getName());
        consumerConfig.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url().toString());
        consumerConfig.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, "true");
        assertThat(consumeOne(consumerConfig, topic)).isEqualTo(joined);

        // And on the wire the value is magic byte 0 and the id the registry gave the subject topic-value
        Map<String, Object> rawConfig = consumerConfig(kafka);
        rawConfig.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        byte[] raw = (byte[]) consumeOne(rawConfig, topic);
        int registeredId = HttpSchemaRegistryClient.forUrls(registry.url().toString())
                .lookup(topic + "-value", PartnerJoined.getClassSchema()).id();
        assertThat(raw[0]).isEqualTo(ConfluentWireFormat.MAGIC_BYTE);
        assertThat(ConfluentWireFormat.schemaId(raw)).isEqualTo(registeredId);
    }

    private static Map<String, Object> consumerConfig(KafkaTestCluster kafka) {
        Map<String, Object> config = kafka.clientConfig();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, UniqueNames.of("serde-e2e"));
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return config;
    }

    private static Object consumeOne(Map<String, Object> config, String topic) {
        List<Object> values = new ArrayList<>();
        try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, Object> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
                return !values.isEmpty();
            });
        }
        assertThat(values).hasSize(1);
        return values.get(0);
    }
}

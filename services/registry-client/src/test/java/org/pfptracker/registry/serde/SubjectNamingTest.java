package org.pfptracker.registry.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.avro.Schema;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SubjectNamingTest {

    private static final Schema JOINED = AvroRoundTripTest.partnerJoined().getSchema();

    @Test
    void shouldNameSubjectsAfterTheTopicTheRecordOrBoth() {
        assertThat(new TopicNameStrategy().subjectName("partners", false, JOINED)).isEqualTo("partners-value");
        assertThat(new TopicNameStrategy().subjectName("partners", true, JOINED)).isEqualTo("partners-key");
        assertThat(new RecordNameStrategy().subjectName("partners", false, JOINED))
                .isEqualTo("org.pfptracker.event.PartnerJoined");
        assertThat(new TopicRecordNameStrategy().subjectName("partners", true, JOINED))
                .isEqualTo("partners-org.pfptracker.event.PartnerJoined");
    }

    @ParameterizedTest
    @CsvSource({
            "io.confluent.kafka.serializers.subject.TopicNameStrategy,       partners-value",
            "io.confluent.kafka.serializers.subject.RecordNameStrategy,      org.pfptracker.event.PartnerJoined",
            "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy, partners-org.pfptracker.event.PartnerJoined",
            "org.pfptracker.registry.serde.TopicNameStrategy,                partners-value",
            "org.pfptracker.registry.serde.RecordNameStrategy,               org.pfptracker.event.PartnerJoined",
            "org.pfptracker.registry.serde.TopicRecordNameStrategy,          partners-org.pfptracker.event.PartnerJoined"
    })
    void shouldRegisterUnderTheSubjectOfTheConfiguredStrategyByConfluentsNameOrOurs(String strategy, String subject) {
        // Given a serializer configured with the strategy's class name, as Confluent's would be
        InMemoryRegistry registry = new InMemoryRegistry(1);
        KafkaAvroSerializer serializer = new KafkaAvroSerializer(registry,
                Map.of(AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, strategy), false);

        // When it serializes a value
        serializer.serialize("partners", AvroRoundTripTest.partnerJoined());

        // Then the schema is registered under that strategy's subject
        assertThat(registry.registeredSubjects()).containsExactly(subject);
    }

    @Test
    void shouldUseTheKeyStrategyForKeysAndAcceptAClassObject() {
        InMemoryRegistry registry = new InMemoryRegistry(1);
        KafkaAvroSerializer serializer = new KafkaAvroSerializer(registry, Map.of(
                AvroSerdeConfig.KEY_SUBJECT_NAME_STRATEGY, RecordNameStrategy.class,
                AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, TopicRecordNameStrategy.class), true);

        serializer.serialize("partners", AvroRoundTripTest.partnerJoined());

        assertThat(registry.registeredSubjects()).containsExactly("org.pfptracker.event.PartnerJoined");
    }

    @Test
    void shouldRefuseAStrategyClassThatDoesNotExist() {
        KafkaAvroSerializer serializer = new KafkaAvroSerializer(new InMemoryRegistry(1));

        assertThatThrownBy(() -> serializer.configure(
                Map.of(AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, "com.example.NoSuchStrategy"), false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("com.example.NoSuchStrategy");
    }

    @Test
    void shouldRefuseAStrategyClassThatIsNotAStrategy() {
        KafkaAvroSerializer serializer = new KafkaAvroSerializer(new InMemoryRegistry(1));

        assertThatThrownBy(() -> serializer.configure(
                Map.of(AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, String.class.getName()), false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("does not implement");
    }

    @Test
    void shouldRequireTheRegistryUrlWhenNoClientIsGiven() {
        assertThatThrownBy(() -> new KafkaAvroSerializer().configure(Map.of(), false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(AvroSerdeConfig.SCHEMA_REGISTRY_URL);
    }
}

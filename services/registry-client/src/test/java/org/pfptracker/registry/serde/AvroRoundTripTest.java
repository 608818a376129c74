package org.pfptracker.registry.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.pfptracker.event.EventMetadata;
import org.pfptracker.event.Framework;
import org.pfptracker.event.PartnerJoined;
import org.pfptracker.registry.serde.testdata.ExerciseHeld;
import org.pfptracker.registry.serde.untrusted.Quarantined;

class AvroRoundTripTest {

    /** Version 1 of the test-only ExerciseHeld: before 'location' was added. */
    private static final Schema EXERCISE_HELD_V1 = new Schema.Parser().parse("""
            {"type": "record", "name": "ExerciseHeld", "namespace": "org.pfptracker.registry.serde.testdata",
             "fields": [{"name": "exercise", "type": "string"}, {"name": "participants", "type": "int"}]}""");

    private final InMemoryRegistry registry = new InMemoryRegistry(1);

    @Test
    void shouldRoundTripAGeneratedEventWithLogicalTypesIntoItsOwnClass() {
        // Given a generated event with a date, a timestamp and a UUID
        PartnerJoined joined = partnerJoined();
        SpecificAvroSerde<PartnerJoined> serde = new SpecificAvroSerde<>(registry);
        serde.configure(Map.of(), false);

        // When it goes through the serde
        byte[] bytes = serde.serializer().serialize("partners", joined);
        PartnerJoined read = serde.deserializer().deserialize("partners", bytes);

        // Then the same event comes back, as the generated class
        assertThat(read).isEqualTo(joined);
        assertThat(registry.registeredSubjects()).containsExactly("partners-value");
    }

    @Test
    void shouldReadIntoTheGeneratedClassWithASerdeBuiltOnASharedClientAndNotConfigured() {
        // Kafka Streams does not configure serdes handed to Consumed.with(...): one built on a client works as is.
        SpecificAvroSerde<PartnerJoined> serde = new SpecificAvroSerde<>(registry);

        PartnerJoined read = serde.deserializer().deserialize("partners", serde.serializer().serialize("partners", partnerJoined()));

        assertThat(read).isEqualTo(partnerJoined());
    }

    @Test
    void shouldRoundTripAGenericRecordAsAGenericRecord() {
        GenericRecord record = new GenericData.Record(EXERCISE_HELD_V1);
        record.put("exercise", "Steadfast Jupiter");
        record.put("participants", 12);
        GenericAvroSerde serde = new GenericAvroSerde(registry);
        serde.configure(Map.of(), true);

        GenericRecord read = serde.deserializer().deserialize("exercises", serde.serializer().serialize("exercises", record));

        assertThat(read).isEqualTo(record);
        assertThat(registry.registeredSubjects()).containsExactly("exercises-key");
    }

    @Test
    void shouldReadAGeneratedEventAsAGenericRecordWhenTheSpecificReaderIsOff() {
        KafkaAvroSerializer serializer = new KafkaAvroSerializer(registry, Map.of(), false);
        KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer(registry, Map.of(), false);

        Object read = deserializer.deserialize("partners", serializer.serialize("partners", partnerJoined()));

        assertThat(read).isInstanceOf(GenericRecord.class).isNotInstanceOf(PartnerJoined.class);
        assertThat(((GenericRecord) read).get("name")).isEqualTo("Republic of Moldova");
    }

    @Test
    void shouldRoundTripPrimitivesAsConfluentDoes() {
        KafkaAvroSerializer serializer = new KafkaAvroSerializer(registry, Map.of(), true);
        KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer(registry, Map.of(), true);

        assertThat(deserializer.deserialize("t", serializer.serialize("t", "ukraine"))).isEqualTo("ukraine");
        assertThat(deserializer.deserialize("t", serializer.serialize("t", 42L))).isEqualTo(42L);
        assertThat(deserializer.deserialize("t", serializer.serialize("t", 2.5d))).isEqualTo(2.5d);
        assertThat(deserializer.deserialize("t", serializer.serialize("t", new byte[] {9, 8}))).isEqualTo(new byte[] {9, 8});
    }

    @Test
    void shouldMapNullToNullBothWaysSoThatTombstonesStayTombstones() {
        KafkaAvroSerializer serializer = new KafkaAvroSerializer(registry, Map.of(), false);
        KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer(registry, Map.of(), false);

        assertThat(serializer.serialize("partners", null)).isNull();
        assertThat(deserializer.deserialize("partners", null)).isNull();
        assertThat(registry.registeredSubjects()).isEmpty();
    }

    @Test
    void shouldReadDataWrittenWithAnOlderSchemaIntoTheNewerGeneratedClass() {
        // Given a record written with version 1, before 'location' existed
        GenericRecord old = new GenericData.Record(EXERCISE_HELD_V1);
        old.put("exercise", "Steadfast Jupiter");
        old.put("participants", 12);
        byte[] bytes = new KafkaAvroSerializer(registry, Map.of(), false).serialize("exercises", old);

        // When a consumer with the version 2 class reads it (its package trusted through the serde)
        KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer(registry, Map.of(
                AvroSerdeConfig.SPECIFIC_AVRO_READER, true,
                AvroSerdeConfig.AVRO_TRUSTED_PACKAGES, "org.pfptracker.registry.serde.testdata"), false);
        Object read = deserializer.deserialize("exercises", bytes);

        // Then it gets the generated class, the new field at its default
        assertThat(read).isEqualTo(ExerciseHeld.newBuilder()
                .setExercise("Steadfast Jupiter").setParticipants(12).setLocation("unknown").build());
    }

    @Test
    void shouldExplainHowToTrustAPackageWhenAvroRefusesTheGeneratedClass() {
        // Given a generated class in a package nobody trusts
        byte[] bytes = new KafkaAvroSerializer(registry, Map.of(), false)
                .serialize("quarantine", Quarantined.newBuilder().setNote("x").build());
        KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer(registry,
                Map.of(AvroSerdeConfig.SPECIFIC_AVRO_READER, true), false);

        // When / Then reading it as that class is refused, saying what to configure
        assertThat(AvroTrustedPackages.isTrusted(Quarantined.class)).isFalse();
        assertThatThrownBy(() -> deserializer.deserialize("quarantine", bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("does not trust class org.pfptracker.registry.serde.untrusted.Quarantined")
                .hasMessageContaining(AvroSerdeConfig.AVRO_TRUSTED_PACKAGES)
                .hasMessageContaining("org.apache.avro.SERIALIZABLE_PACKAGES");
    }

    @Test
    void shouldSayWhichClassIsMissingWhenTheWriterSchemaHasNoGeneratedClass() {
        Schema ghost = new Schema.Parser().parse("""
                {"type": "record", "name": "Ghost", "namespace": "org.pfptracker.nowhere",
                 "fields": [{"name": "id", "type": "string"}]}""");
        GenericRecord record = new GenericData.Record(ghost);
        record.put("id", "x");
        byte[] bytes = new KafkaAvroSerializer(registry, Map.of(), false).serialize("ghosts", record);
        KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer(registry,
                Map.of(AvroSerdeConfig.SPECIFIC_AVRO_READER, true), false);

        assertThatThrownBy(() -> deserializer.deserialize("ghosts", bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Could not find class org.pfptracker.nowhere.Ghost");
    }

    @Test
    void shouldFailClearlyWhenTheSchemaIdIsUnknownToTheRegistry() {
        KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer(registry, Map.of(), false);

        assertThatThrownBy(() -> deserializer.deserialize("partners", new byte[] {0, 0, 0, 0, 99, 2}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("writer schema id 99")
                .hasRootCauseInstanceOf(org.pfptracker.registry.client.SchemaNotFoundException.class);
    }

    static PartnerJoined partnerJoined() {
        return PartnerJoined.newBuilder()
                .setMetadata(EventMetadata.newBuilder()
                        .setEventId(UUID.fromString("3f2b6c1e-8f4a-4d7e-9a51-0c2d7e4b9a10"))
                        .setOccurredAt(Instant.parse("1994-03-16T10:15:30Z"))
                        .setSource("simulator")
                        .setPartnerId("moldova")
                        .setCorrelationId(null)
                        .build())
                .setName("Republic of Moldova")
                .setFramework(Framework.EURO_ATLANTIC_PARTNERSHIP)
                .setJoinedOn(LocalDate.of(1994, 3, 16))
                .build();
    }
}

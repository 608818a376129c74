package org.pfptracker.registry.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.pfptracker.registry.client.SubjectNotFoundException;
import org.pfptracker.registry.serde.testdata.ExerciseHeld;

/** Which schema the serializer writes with: registered, looked up, or the subject's latest. */
class SchemaSelectionTest {

    private static final Schema V1 = new Schema.Parser().parse("""
            {"type": "record", "name": "ExerciseHeld", "namespace": "org.pfptracker.registry.serde.testdata",
             "fields": [{"name": "exercise", "type": "string"}, {"name": "participants", "type": "int"}]}""");

    private final InMemoryRegistry registry = new InMemoryRegistry(1);

    @Test
    void shouldWriteWithTheLatestSchemaConvertingAnOlderRecordWhenUseLatestVersionIsOn() {
        // Given version 1 (id 1) and then version 2 (id 2, adds 'location') registered under the subject
        registry.register("exercises-value", V1);
        int latestId = registry.register("exercises-value", ExerciseHeld.getClassSchema());
        KafkaAvroSerializer serializer = new KafkaAvroSerializer(registry,
                Map.of(AvroSerdeConfig.USE_LATEST_VERSION, true, AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false), false);

        // When a producer still on version 1 serializes a record
        byte[] bytes = serializer.serialize("exercises", v1("Cooperative Longbow", 7));

        // Then the record is written as version 2, its new field at the default
        assertThat(ConfluentWireFormat.schemaId(bytes)).isEqualTo(latestId);
        GenericRecord read = (GenericRecord) new KafkaAvroDeserializer(registry, Map.of(), false).deserialize("exercises", bytes);
        assertThat(read.get("location")).hasToString("unknown");
        assertThat(read.get("exercise")).hasToString("Cooperative Longbow");
        assertThat(registry.registeredSubjects()).containsExactly("exercises-value", "exercises-value");
    }

    @Test
    void shouldRefuseToWriteWithALatestSchemaThatCannotReadTheRecord() {
        // Given a latest schema with a required field the record does not have
        Schema stricter = new Schema.Parser().parse("""
                {"type": "record", "name": "ExerciseHeld", "namespace": "org.pfptracker.registry.serde.testdata",
                 "fields": [{"name": "exercise", "type": "string"}, {"name": "participants", "type": "int"},
                            {"name": "nation", "type": "string"}]}""");
        registry.register("exercises-value", stricter);
        KafkaAvroSerializer serializer = new KafkaAvroSerializer(registry,
                Map.of(AvroSerdeConfig.USE_LATEST_VERSION, true, AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false), false);

        assertThatThrownBy(() -> serializer.serialize("exercises", v1("Cooperative Longbow", 7)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("cannot represent")
                .hasMessageContaining("nation");
    }

    @Test
    void shouldRegisterTheRecordsOwnSchemaWhenAutoRegisterIsOnEvenWithUseLatestVersionAsConfluentDoes() {
        // Given a latest version that differs from the record's schema
        registry.register("exercises-value", ExerciseHeld.getClassSchema());
        KafkaAvroSerializer serializer = new KafkaAvroSerializer(registry,
                Map.of(AvroSerdeConfig.USE_LATEST_VERSION, true), false);

        // When a record is serialized with auto.register.schemas at its default, true
        byte[] bytes = serializer.serialize("exercises", v1("Cooperative Longbow", 7));

        // Then its own schema was registered and written
        assertThat(registry.avroSchemaById(ConfluentWireFormat.schemaId(bytes))).isEqualTo(V1);
        assertThat(registry.registeredSubjects()).containsExactly("exercises-value", "exercises-value");
    }

    @Test
    void shouldLookUpInsteadOfRegisteringWhenAutoRegisterIsOff() {
        // Given the schema registered beforehand (id 1)
        registry.register("exercises-value", V1);
        KafkaAvroSerializer serializer = new KafkaAvroSerializer(registry,
                Map.of(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false), false);

        byte[] bytes = serializer.serialize("exercises", v1("Cooperative Longbow", 7));

        assertThat(ConfluentWireFormat.schemaId(bytes)).isEqualTo(1);
        assertThat(registry.registeredSubjects()).containsExactly("exercises-value");
    }

    @Test
    void shouldFailWithTheRegistrysReasonWhenAutoRegisterIsOffAndTheSubjectIsUnknown() {
        KafkaAvroSerializer serializer = new KafkaAvroSerializer(registry,
                Map.of(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "false"), false);

        assertThatThrownBy(() -> serializer.serialize("exercises", v1("Cooperative Longbow", 7)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Error looking up")
                .hasMessageContaining("exercises-value")
                .hasCauseInstanceOf(SubjectNotFoundException.class);
    }

    private static GenericRecord v1(String exercise, int participants) {
        GenericRecord record = new GenericData.Record(V1);
        record.put("exercise", exercise);
        record.put("participants", participants);
        return record;
    }
}

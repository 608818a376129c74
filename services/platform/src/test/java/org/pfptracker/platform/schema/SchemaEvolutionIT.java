package org.pfptracker.platform.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pfptracker.event.ActivityProposed;
import org.pfptracker.event.EventMetadata;
import org.pfptracker.event.Framework;
import org.pfptracker.event.PartnerJoined;
import org.pfptracker.kafka.junit.KafkaTestCluster;
import org.pfptracker.kafka.junit.UniqueNames;
import org.pfptracker.kafka.junit.WithKafka;
import org.pfptracker.platform.event.EventCatalogue;
import org.pfptracker.platform.event.EventCatalogue.EventType;
import org.pfptracker.platform.event.GeneratedEvents;
import org.pfptracker.platform.schema.SchemaContract.Outcome;
import org.pfptracker.platform.serde.EventSerdes;
import org.pfptracker.registry.RegistryConfig;
import org.pfptracker.registry.SchemaRegistryServer;
import org.pfptracker.registry.client.HttpSchemaRegistryClient;
import org.pfptracker.registry.client.IncompatibleSchemaException;
import org.pfptracker.registry.client.RegisteredSchema;
import org.pfptracker.registry.client.SchemaRegistryClient;
import org.pfptracker.registry.serde.GenericAvroSerde;

/**
 * The compatibility policy, enforced by a real registry on a real broker: compatible evolution is
 * accepted and old data stays readable, an incompatible change is refused, and the deploy-time check
 * says which is which before anything is registered.
 */
@WithKafka
class SchemaEvolutionIT {

    private static SchemaRegistryServer registry;
    private static SchemaRegistryClient client;

    @BeforeAll
    static void startRegistry(KafkaTestCluster kafka) {
        // As pfp local starts it: held to the policy from the first schema on.
        registry = SchemaRegistryServer.start(RegistryConfig.forBootstrapServers(kafka.bootstrapServers())
                .withPort(0).withTopic(UniqueNames.of("_schemas")).withDefaultCompatibility(SchemaContract.POLICY));
        client = HttpSchemaRegistryClient.forUrls(registry.url().toString());
    }

    @AfterAll
    static void stopRegistry() {
        client.close();
        registry.close();
    }

    @Test
    void shouldLetTheCurrentReaderReadEventsWrittenWithAnOlderSchema() {
        // Given: PartnerJoined as an older producer wrote it, before 'framework' existed
        String topic = UniqueNames.of("pfp.partners");
        Schema current = PartnerJoined.getClassSchema();
        Schema older = SchemaBuilder.record("PartnerJoined").namespace("org.pfptracker.event").fields()
                .name("metadata").type(EventMetadata.getClassSchema()).noDefault()
                .name("name").type().stringType().noDefault()
                .name("joinedOn").type(current.getField("joinedOn").schema()).noDefault()
                .endRecord();
        GenericRecord metadata = new GenericData.Record(EventMetadata.getClassSchema());
        metadata.put("eventId", UUID.randomUUID().toString());
        metadata.put("occurredAt", Instant.parse("2017-06-05T00:00:00Z").toEpochMilli());
        metadata.put("source", "legacy-portal");
        metadata.put("partnerId", "montenegro");
        metadata.put("correlationId", null);
        GenericRecord oldEvent = new GenericData.Record(older);
        oldEvent.put("metadata", metadata);
        oldEvent.put("name", "Montenegro");
        oldEvent.put("joinedOn", (int) LocalDate.of(2006, 12, 14).toEpochDay());
        Map<String, Object> config = serdeConfig();
        GenericAvroSerde oldWriter = new GenericAvroSerde();
        oldWriter.configure(config, false);
        byte[] written = oldWriter.serializer().serialize(topic, oldEvent);

        // When: the current build (with 'framework', defaulted) registers its schema and reads the old bytes
        client.updateSubjectCompatibility(topic + "-" + PartnerJoined.class.getName(), SchemaContract.POLICY);
        client.register(topic + "-" + PartnerJoined.class.getName(), current);
        SpecificRecord read = EventSerdes.eventValues(config).deserializer().deserialize(topic, written);

        // Then
        assertThat(read).isInstanceOf(PartnerJoined.class);
        PartnerJoined joined = (PartnerJoined) read;
        assertThat(joined.getName()).isEqualTo("Montenegro");
        assertThat(joined.getJoinedOn()).isEqualTo(LocalDate.of(2006, 12, 14));
        assertThat(joined.getFramework()).isEqualTo(Framework.UNKNOWN);
    }

    @Test
    void shouldRefuseAnIncompatibleChangeUnderTheTransitivePolicy() {
        // Given
        String subject = UniqueNames.of("pfp.activities") + "-" + ActivityProposed.class.getName();
        client.updateSubjectCompatibility(subject, SchemaContract.POLICY);
        client.register(subject, ActivityProposed.getClassSchema());

        // When: a new required field without a default, which no old event has
        Schema incompatible = withField(ActivityProposed.getClassSchema(), new Schema.Field("budgetEuros",
                Schema.create(Schema.Type.LONG), "planned budget", (Object) null));

        // Then
        assertThatThrownBy(() -> client.register(subject, incompatible))
                .isInstanceOf(IncompatibleSchemaException.class);
        assertThat(client.checkCompatibility(subject, incompatible, true).compatible()).isFalse();
    }

    @Test
    void shouldAcceptACompatibleEvolutionWithADefault() {
        // Given
        String subject = UniqueNames.of("pfp.activities") + "-" + ActivityProposed.class.getName();
        client.updateSubjectCompatibility(subject, SchemaContract.POLICY);
        client.register(subject, ActivityProposed.getClassSchema());

        // When
        Schema evolved = withField(ActivityProposed.getClassSchema(), new Schema.Field("budgetEuros",
                Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.LONG)),
                "planned budget", Schema.Field.NULL_DEFAULT_VALUE));

        // Then
        assertThat(client.checkCompatibility(subject, evolved, true).compatible()).isTrue();
        assertThat(client.register(subject, evolved)).isPositive();
    }

    @Test
    void shouldReportNewThenRegisterThenUnchangedAndRefuseToRegisterAnythingWhenOneIsIncompatible() {
        // Given: two event types under fresh subjects (test topics), one already holding an incompatible past
        ContractRecord partners = new ContractRecord(PartnerJoined.class, UniqueNames.of("pfp.partners"));
        ContractRecord activities = new ContractRecord(ActivityProposed.class, UniqueNames.of("pfp.activities"));
        SchemaContract contract = new SchemaContract(client, List.of(partners, activities));

        // When / Then: first contact
        assertThat(contract.check().subjects()).extracting(SchemaContract.SubjectStatus::outcome)
                .containsExactly(Outcome.NEW, Outcome.NEW);
        assertThat(contract.register().subjects()).extracting(SchemaContract.SubjectStatus::outcome)
                .containsExactly(Outcome.REGISTERED, Outcome.REGISTERED);
        assertThat(contract.check().subjects()).extracting(SchemaContract.SubjectStatus::outcome)
                .containsExactly(Outcome.UNCHANGED, Outcome.UNCHANGED);
        assertThat(client.subjectCompatibility(partners.subject())).contains(SchemaContract.POLICY);

        // Given: a registry that once held an ActivityProposed whose title was a number
        ContractRecord clashing = new ContractRecord(ActivityProposed.class, UniqueNames.of("pfp.activities"));
        Schema past = withoutField(ActivityProposed.getClassSchema(), "title");
        client.register(clashing.subject(), withField(past, new Schema.Field("title", Schema.create(Schema.Type.INT),
                "a number once", 0)));
        ContractRecord fresh = new ContractRecord(PartnerJoined.class, UniqueNames.of("pfp.partners"));
        SchemaContract clash = new SchemaContract(client, List.of(fresh, clashing));

        // When
        SchemaContract.ContractReport report = clash.register();

        // Then: nothing registered, the incompatible subject named with the registry's reasons, and its
        // version with the numeric title named as one this project never released
        assertThat(report.passed()).isFalse();
        assertThat(report.subjects()).extracting(SchemaContract.SubjectStatus::outcome)
                .containsExactly(Outcome.NEW, Outcome.INCOMPATIBLE);
        assertThat(report.subjects().get(1).messages()).isNotEmpty();
        assertThat(report.subjects().get(1).foreignVersions()).extracting(RegisteredSchema::version).containsExactly(1);
        assertThat(client.subjects()).doesNotContain(fresh.subject());
    }

    @Test
    void shouldCoverEveryEventOfTheCatalogue() {
        // The contract check registers the catalogue's subjects: it must hold every event schema shipped.
        assertThat(EventCatalogue.ALL).extracting(EventType::recordClass)
                .containsExactlyInAnyOrderElementsOf(GeneratedEvents.classes());
        assertThat(EventCatalogue.ALL).extracting(EventType::subject).doesNotHaveDuplicates();
        // and the tracker's outputs, on their own topics
        assertThat(ContractRecord.all()).extracting(ContractRecord::recordClass)
                .containsAll(GeneratedEvents.classes())
                .contains(org.pfptracker.view.PartnerView.class, org.pfptracker.signal.PacePhaseChanged.class,
                        org.pfptracker.signal.ObjectiveBecameOverdue.class);
        assertThat(ContractRecord.all()).extracting(ContractRecord::subject).doesNotHaveDuplicates();
    }

    private static Map<String, Object> serdeConfig() {
        return Map.of("schema.registry.url", registry.url().toString(), "auto.register.schemas", "true",
                "specific.avro.reader", "true",
                "value.subject.name.strategy", "org.pfptracker.registry.serde.TopicRecordNameStrategy");
    }

    private static Schema withField(Schema schema, Schema.Field extra) {
        List<Schema.Field> fields = new java.util.ArrayList<>(schema.getFields().stream()
                .map(f -> new Schema.Field(f, f.schema())).toList());
        fields.add(extra);
        return Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
    }

    private static Schema withoutField(Schema schema, String name) {
        List<Schema.Field> fields = schema.getFields().stream().filter(f -> !f.name().equals(name))
                .map(f -> new Schema.Field(f, f.schema())).toList();
        return Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
    }
}

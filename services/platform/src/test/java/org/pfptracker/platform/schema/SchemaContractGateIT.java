package org.pfptracker.platform.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pfptracker.event.ActivityProposed;
import org.pfptracker.event.EventMetadata;
import org.pfptracker.event.PartnerJoined;
import org.pfptracker.kafka.junit.KafkaTestCluster;
import org.pfptracker.kafka.junit.UniqueNames;
import org.pfptracker.kafka.junit.WithKafka;
import org.pfptracker.platform.schema.SchemaContract.ContractReport;
import org.pfptracker.platform.schema.SchemaContract.Outcome;
import org.pfptracker.platform.schema.SchemaContract.SubjectStatus;
import org.pfptracker.registry.RegistryConfig;
import org.pfptracker.registry.SchemaRegistryServer;
import org.pfptracker.registry.client.CompatibilityLevel;
import org.pfptracker.registry.client.HttpSchemaRegistryClient;
import org.pfptracker.registry.client.IncompatibleSchemaException;
import org.pfptracker.registry.client.RegisteredSchema;
import org.pfptracker.registry.client.SchemaRegistryClient;

/**
 * The deploy gate against a registry someone tampered with: a weakened level, or a version that no
 * release of this project registered, fails the check until an administrator puts it right, and a
 * soft delete (retiring the version) is how a bad version is put right.
 */
@WithKafka
class SchemaContractGateIT {

    private static SchemaRegistryServer registry;
    private static SchemaRegistryClient client;

    @BeforeAll
    static void startRegistry(KafkaTestCluster kafka) {
        registry = SchemaRegistryServer.start(RegistryConfig.forBootstrapServers(kafka.bootstrapServers())
                .withPort(0).withTopic(UniqueNames.of("_schemas")).withDefaultCompatibility(SchemaContract.POLICY));
        client = HttpSchemaRegistryClient.forUrls(registry.url().toString());
    }

    @AfterEach
    void restoreTheGlobalLevel() {
        client.updateGlobalCompatibility(SchemaContract.POLICY);
    }

    @AfterAll
    static void stopRegistry() {
        client.close();
        registry.close();
    }

    @Test
    void shouldFailWhileTheGlobalLevelIsWeakerThanThePolicy() {
        // Given a contract registered as the policy says
        SchemaContract contract = new SchemaContract(client, List.of(activities()));
        assertThat(contract.register().passed()).isTrue();

        // When someone sets the global level to NONE
        client.updateGlobalCompatibility(CompatibilityLevel.NONE);

        // Then the check fails on the global level, though every subject holds its own level
        ContractReport report = contract.check();
        assertThat(report.passed()).isFalse();
        assertThat(report.globalLevel()).isEqualTo(CompatibilityLevel.NONE);
        assertThat(report.globalLevelHoldsPolicy()).isFalse();
        assertThat(report.subjects()).allSatisfy(status -> assertThat(status.passed()).isTrue());
    }

    @Test
    void shouldFailOnASubjectWhoseLevelInForceIsWeakerThanThePolicy() {
        // Given two subjects registered, then one set to BACKWARD: it checks the latest version only
        ContractRecord weakened = activities();
        ContractRecord untouched = partners();
        SchemaContract contract = new SchemaContract(client, List.of(weakened, untouched));
        contract.register();
        client.updateSubjectCompatibility(weakened.subject(), CompatibilityLevel.BACKWARD);

        // When
        ContractReport report = contract.check();

        // Then only that subject fails, naming its own level
        assertThat(report.passed()).isFalse();
        assertThat(report.subjects()).extracting(SubjectStatus::passed).containsExactly(false, true);
        SubjectStatus status = report.subjects().get(0);
        assertThat(status.level()).isEqualTo(CompatibilityLevel.BACKWARD);
        assertThat(status.followsGlobal()).isFalse();
        assertThat(status.outcome()).isEqualTo(Outcome.UNCHANGED);
    }

    @Test
    void shouldPassASubjectHeldToAStricterLevelThanThePolicy() {
        ContractRecord strict = activities();
        SchemaContract contract = new SchemaContract(client, List.of(strict));
        contract.register();
        client.updateSubjectCompatibility(strict.subject(), CompatibilityLevel.FULL_TRANSITIVE);

        assertThat(contract.check().passed()).isTrue();
    }

    @Test
    void shouldFailOnAVersionNoReleaseRegisteredUntilItIsRetired() {
        // Given this build's ActivityProposed registered, then, while the global level was NONE, a
        // version with a single long field, and the level put back
        ContractRecord record = activities();
        SchemaContract contract = new SchemaContract(client, List.of(record));
        contract.register();
        client.updateSubjectCompatibility(record.subject(), CompatibilityLevel.NONE);
        client.register(record.subject(), singleLongField());
        client.updateSubjectCompatibility(record.subject(), SchemaContract.POLICY);

        // Then a legitimate evolution is refused because of it, and the check says why, though this
        // build's own schema is still there unchanged
        Schema evolved = withOptionalBudget(ActivityProposed.getClassSchema());
        assertThatThrownBy(() -> client.register(record.subject(), evolved)).isInstanceOf(IncompatibleSchemaException.class);
        ContractReport tampered = contract.check();
        assertThat(tampered.passed()).isFalse();
        assertThat(tampered.subjects().get(0).outcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(tampered.subjects().get(0).foreignVersions()).extracting(RegisteredSchema::version).containsExactly(2);
        assertThat(contract.register().subjects().get(0).outcome()).isEqualTo(Outcome.UNCHANGED);

        // When the version is retired (soft-deleted)
        client.deleteSubjectVersion(record.subject(), 2, false);

        // Then the check passes, the evolution registers, and the retired schema still resolves by id
        assertThat(contract.check().passed()).isTrue();
        assertThat(client.register(record.subject(), evolved)).isPositive();
        assertThat(client.versions(record.subject())).containsExactly(1, 3);
    }

    @Test
    void shouldTakeVersionsOfEarlierReleasesAsReleasedAndNoOthers() {
        // Given a subject holding PartnerJoined as an earlier release had it, before 'framework'
        String topic = UniqueNames.of("pfp.partners");
        Schema earlier = partnerJoinedBeforeFramework();
        client.register(topic + "-" + PartnerJoined.class.getName(), earlier);

        // When a build that lists it among its releases checks, and one that does not
        ContractReport knowing = new SchemaContract(client,
                List.of(new ContractRecord(PartnerJoined.class, topic, List.of(earlier)))).check();
        ContractReport forgetful = new SchemaContract(client,
                List.of(new ContractRecord(PartnerJoined.class, topic, List.of()))).check();

        // Then
        assertThat(knowing.passed()).isTrue();
        assertThat(knowing.subjects().get(0).outcome()).isEqualTo(Outcome.COMPATIBLE);
        assertThat(forgetful.passed()).isFalse();
        assertThat(forgetful.subjects().get(0).foreignVersions()).extracting(RegisteredSchema::version).containsExactly(1);
    }

    private static ContractRecord activities() {
        return new ContractRecord(ActivityProposed.class, UniqueNames.of("pfp.activities"));
    }

    private static ContractRecord partners() {
        return new ContractRecord(PartnerJoined.class, UniqueNames.of("pfp.partners"));
    }

    /** What a hostile user registered as ActivityProposed. */
    private static Schema singleLongField() {
        return SchemaBuilder.record("ActivityProposed").namespace("org.pfptracker.event").fields()
                .name("n").type().longType().noDefault()
                .endRecord();
    }

    private static Schema partnerJoinedBeforeFramework() {
        Schema current = PartnerJoined.getClassSchema();
        return SchemaBuilder.record("PartnerJoined").namespace("org.pfptracker.event").fields()
                .name("metadata").type(EventMetadata.getClassSchema()).noDefault()
                .name("name").type().stringType().noDefault()
                .name("joinedOn").type(current.getField("joinedOn").schema()).noDefault()
                .endRecord();
    }

    private static Schema withOptionalBudget(Schema schema) {
        List<Schema.Field> fields = new ArrayList<>(schema.getFields().stream()
                .map(field -> new Schema.Field(field, field.schema())).toList());
        fields.add(new Schema.Field("budgetEuros", Schema.createUnion(Schema.create(Schema.Type.NULL),
                Schema.create(Schema.Type.LONG)), "planned budget", Schema.Field.NULL_DEFAULT_VALUE));
        return Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
    }
}

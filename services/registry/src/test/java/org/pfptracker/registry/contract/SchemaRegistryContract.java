package org.pfptracker.registry.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pfptracker.registry.client.CompatibilityCheck;
import org.pfptracker.registry.client.CompatibilityLevel;
import org.pfptracker.registry.client.HttpSchemaRegistryClient;
import org.pfptracker.registry.client.IncompatibleSchemaException;
import org.pfptracker.registry.client.InvalidSchemaException;
import org.pfptracker.registry.client.InvalidVersionException;
import org.pfptracker.registry.client.NotSoftDeletedException;
import org.pfptracker.registry.client.RegisteredSchema;
import org.pfptracker.registry.client.SchemaNotFoundException;
import org.pfptracker.registry.client.SchemaRegistryClient;
import org.pfptracker.registry.client.SchemaRegistryException;
import org.pfptracker.registry.client.SoftDeletedException;
import org.pfptracker.registry.client.SubjectNotFoundException;
import org.pfptracker.registry.client.SubjectVersion;
import org.pfptracker.registry.client.VersionNotFoundException;
import org.pfptracker.registry.client.protocol.RegistryMediaTypes;

/**
 * What any registry speaking Confluent's REST API must do, as seen through our client. Subclasses say
 * which registry: ours on a real broker always; Apicurio's Confluent-compatible API, from its Maven
 * Central distribution, where a Java 21+ exists; Confluent's own where Docker exists. The same
 * assertions passing against all of them is what makes ours a drop-in.
 *
 * <p>Registries outlive a test here, so every test uses subjects of its own; a test that changes the
 * global level puts it back.
 */
abstract class SchemaRegistryContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FRAMEWORK_WITH_DEFAULT = ", {\"name\": \"framework\", \"type\": \"string\", \"default\": \"UNKNOWN\"}";
    private static final String FRAMEWORK_WITHOUT_DEFAULT = ", {\"name\": \"framework\", \"type\": \"string\"}";

    private SchemaRegistryClient client;
    private String subject;
    /** Schemas of one test are its own: the same schema in another test would share its id. */
    private String namespace;

    /** The base URL of the registry under test. */
    protected abstract String registryUrl();

    @BeforeEach
    void connect() {
        client = HttpSchemaRegistryClient.forUrls(registryUrl());
        subject = uniqueSubject("partners-value");
        namespace = "org.pfptracker.test.t" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void disconnect() {
        client.close();
    }

    @Test
    void shouldRegisterASchemaAndServeItById() {
        // When
        int id = client.register(subject, partnerJoined(""));

        // Then
        assertThat(id).isPositive();
        assertThat(HttpSchemaRegistryClient.forUrls(registryUrl()).avroSchemaById(id)).isEqualTo(partnerJoined(""));
    }

    @Test
    void shouldGiveTheSameIdAndVersionWhenTheSameSchemaIsRegisteredAgainInAnotherLayout() {
        int id = client.register(subject, partnerJoined(""));

        // The same schema with other whitespace and attribute order; a fresh client, so no cache answers.
        String relaidOut = "{ \"fields\": [ {\"type\": \"string\", \"name\": \"partnerId\"} ],\n"
                + "  \"namespace\": \"" + namespace + "\", \"name\": \"PartnerJoined\", \"type\": \"record\" }";
        int again = HttpSchemaRegistryClient.forUrls(registryUrl()).register(subject, relaidOut);

        assertThat(again).isEqualTo(id);
        assertThat(client.versions(subject)).containsExactly(1);
    }

    @Test
    void shouldShareOneIdBetweenSubjectsHoldingTheSameSchema() {
        String otherSubject = uniqueSubject("partners-archive-value");

        int id = client.register(subject, partnerJoined(""));
        int sameId = client.register(otherSubject, partnerJoined(""));

        assertThat(sameId).isEqualTo(id);
        assertThat(client.subjectVersionsById(id))
                .containsExactlyInAnyOrder(new SubjectVersion(subject, 1), new SubjectVersion(otherSubject, 1));
    }

    @Test
    void shouldLookUpARegisteredSchemaWithItsSubjectVersionAndId() {
        int id = client.register(subject, partnerJoined(""));
        client.register(subject, partnerJoined(FRAMEWORK_WITH_DEFAULT));

        RegisteredSchema found = HttpSchemaRegistryClient.forUrls(registryUrl()).lookup(subject, partnerJoined(""));

        assertThat(found.subject()).isEqualTo(subject);
        assertThat(found.version()).isEqualTo(1);
        assertThat(found.id()).isEqualTo(id);
        assertThat(found.avroSchema()).isEqualTo(partnerJoined(""));
    }

    @Test
    void shouldAnswerTheLatestVersionAndListSubjectsAndVersions() {
        client.register(subject, partnerJoined(""));
        int latestId = client.register(subject, partnerJoined(FRAMEWORK_WITH_DEFAULT));

        RegisteredSchema latest = client.latestVersion(subject);

        assertThat(latest.version()).isEqualTo(2);
        assertThat(latest.id()).isEqualTo(latestId);
        assertThat(latest.avroSchema()).isEqualTo(partnerJoined(FRAMEWORK_WITH_DEFAULT));
        assertThat(client.version(subject, 1).avroSchema()).isEqualTo(partnerJoined(""));
        assertThat(client.versions(subject)).containsExactly(1, 2);
        assertThat(client.subjects()).contains(subject);
    }

    @Test
    void shouldAcceptACompatibleEvolutionUnderBackward() {
        // Given the default level, BACKWARD
        client.register(subject, partnerJoined(""));

        // When a field with a default is added
        client.register(subject, partnerJoined(FRAMEWORK_WITH_DEFAULT));

        // Then it is version 2
        assertThat(client.versions(subject)).containsExactly(1, 2);
    }

    @Test
    void shouldRefuseAnIncompatibleSchemaWith409() {
        client.register(subject, partnerJoined(""));

        // A field without a default cannot be read from data written before it existed.
        assertThatThrownBy(() -> client.register(subject, partnerJoined(FRAMEWORK_WITHOUT_DEFAULT)))
                .asInstanceOf(type(IncompatibleSchemaException.class))
                .satisfies(refusal -> {
                    assertThat(refusal.httpStatus()).isEqualTo(409);
                    assertThat(refusal.errorCode()).isIn(409, 40901);
                    assertThat(refusal.getMessage()).contains("incompatible with an earlier schema");
                });
        assertThat(client.versions(subject)).containsExactly(1);
    }

    @Test
    void shouldCheckCompatibilityWithoutRegistering() {
        client.register(subject, partnerJoined(""));

        CompatibilityCheck compatible = client.checkCompatibility(subject, partnerJoined(FRAMEWORK_WITH_DEFAULT), false);
        CompatibilityCheck incompatible = client.checkCompatibility(subject, partnerJoined(FRAMEWORK_WITHOUT_DEFAULT), false);
        CompatibilityCheck explained = client.checkCompatibility(subject, partnerJoined(FRAMEWORK_WITHOUT_DEFAULT), true);

        assertThat(compatible.compatible()).isTrue();
        assertThat(incompatible.compatible()).isFalse();
        assertThat(explained.compatible()).isFalse();
        assertThat(explained.messages()).anySatisfy(message -> assertThat(message).contains("framework"));
        assertThat(client.versions(subject)).containsExactly(1);
    }

    @Test
    void shouldFindAnySchemaCompatibleWithTheLatestVersionOfASubjectThatHasNone() {
        assertThat(client.checkCompatibility(subject, partnerJoined(FRAMEWORK_WITHOUT_DEFAULT), false).compatible()).isTrue();
    }

    @Test
    void shouldSetAndReadTheGlobalCompatibilityLevel() {
        CompatibilityLevel before = client.globalCompatibility();
        try {
            assertThat(client.updateGlobalCompatibility(CompatibilityLevel.FULL)).isEqualTo(CompatibilityLevel.FULL);
            assertThat(client.globalCompatibility()).isEqualTo(CompatibilityLevel.FULL);
        } finally {
            client.updateGlobalCompatibility(before);
        }
    }

    @Test
    void shouldLetASubjectLevelOverrideTheGlobalOne() {
        client.register(subject, partnerJoined(""));
        assertThat(client.subjectCompatibility(subject)).isEmpty();

        // When the subject alone is set to NONE
        assertThat(client.updateSubjectCompatibility(subject, CompatibilityLevel.NONE)).isEqualTo(CompatibilityLevel.NONE);

        // Then it reads back, and a change the global level would refuse is accepted there
        assertThat(client.subjectCompatibility(subject)).contains(CompatibilityLevel.NONE);
        client.register(subject, partnerJoined(FRAMEWORK_WITHOUT_DEFAULT));
        assertThat(client.versions(subject)).containsExactly(1, 2);
    }

    @Test
    void shouldAnswer40401ForAnUnknownSubject() {
        assertThatThrownBy(() -> client.latestVersion(subject)).isInstanceOf(SubjectNotFoundException.class)
                .satisfies(refusal -> assertThat(((SchemaRegistryException) refusal).errorCode()).isEqualTo(40401));
        assertThatThrownBy(() -> client.versions(subject)).isInstanceOf(SubjectNotFoundException.class);
        assertThatThrownBy(() -> client.lookup(subject, partnerJoined(""))).isInstanceOf(SubjectNotFoundException.class);
    }

    @Test
    void shouldAnswer40402ForAnUnknownVersion() {
        client.register(subject, partnerJoined(""));

        assertThatThrownBy(() -> client.version(subject, 99)).isInstanceOf(VersionNotFoundException.class)
                .satisfies(refusal -> assertThat(((SchemaRegistryException) refusal).errorCode()).isEqualTo(40402));
    }

    @Test
    void shouldAnswer40403ForAnUnknownIdOrASchemaTheSubjectDoesNotHold() {
        client.register(subject, partnerJoined(""));

        assertThatThrownBy(() -> client.schemaById(Integer.MAX_VALUE)).isInstanceOf(SchemaNotFoundException.class)
                .satisfies(refusal -> assertThat(((SchemaRegistryException) refusal).errorCode()).isEqualTo(40403));
        assertThatThrownBy(() -> client.lookup(subject, partnerJoined(FRAMEWORK_WITH_DEFAULT)))
                .isInstanceOf(SchemaNotFoundException.class);
    }

    @Test
    void shouldAnswer42201ForAnInvalidSchema() {
        assertThatThrownBy(() -> client.register(subject, "{\"type\": \"record\", \"name\": \"Broken\", \"fields\": 7}"))
                .isInstanceOf(InvalidSchemaException.class)
                .satisfies(refusal -> {
                    assertThat(((SchemaRegistryException) refusal).httpStatus()).isEqualTo(422);
                    assertThat(((SchemaRegistryException) refusal).errorCode()).isEqualTo(42201);
                });
    }

    @Test
    void shouldAnswer42202ForAnInvalidVersion() {
        client.register(subject, partnerJoined(""));

        assertThatThrownBy(() -> client.version(subject, 0)).isInstanceOf(InvalidVersionException.class)
                .satisfies(refusal -> assertThat(((SchemaRegistryException) refusal).errorCode()).isEqualTo(42202));
    }

    @Test
    void shouldAnswer42203ForAnInvalidCompatibilityLevel() throws IOException, InterruptedException {
        // Our client cannot send an unknown level (it takes an enum), so the request is made by hand.
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest
                        .newBuilder(URI.create(registryUrl() + "/config/" + subject))
                        .header("Content-Type", RegistryMediaTypes.V1_JSON)
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"compatibility\": \"SIDEWAYS\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.get("error_code").asInt()).isEqualTo(42203);
        assertThat(error.get("message").asText()).isNotBlank();
    }

    @Test
    void shouldRetireASoftDeletedVersionFromChecksButKeepItsIdReadable() {
        // Given a subject that took a version the policy would refuse, while it was set to NONE
        client.register(subject, partnerJoined(""));
        client.updateSubjectCompatibility(subject, CompatibilityLevel.NONE);
        int badId = client.register(subject, partnerIdAsNumber());
        client.updateSubjectCompatibility(subject, CompatibilityLevel.BACKWARD);
        assertThatThrownBy(() -> client.register(subject, partnerJoined(FRAMEWORK_WITH_DEFAULT)))
                .isInstanceOf(IncompatibleSchemaException.class);

        // When the bad version is soft-deleted
        assertThat(client.deleteSubjectVersion(subject, 2, false)).isEqualTo(2);

        // Then it is no longer listed or looked up, the legitimate evolution goes through as version 3,
        // and records written with the bad id stay readable
        assertThat(client.versions(subject)).containsExactly(1);
        assertThatThrownBy(() -> client.version(subject, 2)).isInstanceOf(VersionNotFoundException.class);
        client.register(subject, partnerJoined(FRAMEWORK_WITH_DEFAULT));
        assertThat(client.versions(subject)).containsExactly(1, 3);
        assertThat(HttpSchemaRegistryClient.forUrls(registryUrl()).avroSchemaById(badId)).isEqualTo(partnerIdAsNumber());
    }

    @Test
    void shouldDeleteAVersionPermanentlyOnlyAfterASoftDelete() {
        client.register(subject, partnerJoined(""));
        client.register(subject, partnerJoined(FRAMEWORK_WITH_DEFAULT));

        assertThatThrownBy(() -> client.deleteSubjectVersion(subject, 2, true))
                .isInstanceOf(NotSoftDeletedException.class)
                .satisfies(refusal -> assertThat(((SchemaRegistryException) refusal).errorCode()).isEqualTo(40407));
        client.deleteSubjectVersion(subject, 2, false);
        assertThatThrownBy(() -> client.deleteSubjectVersion(subject, 2, false))
                .isInstanceOf(SoftDeletedException.class)
                .satisfies(refusal -> assertThat(((SchemaRegistryException) refusal).errorCode()).isEqualTo(40406));
        assertThat(client.deleteSubjectVersion(subject, 2, true)).isEqualTo(2);
        assertThatThrownBy(() -> client.deleteSubjectVersion(subject, 2, true)).isInstanceOf(VersionNotFoundException.class);
        assertThat(client.versions(subject)).containsExactly(1);
    }

    @Test
    void shouldDeleteASubjectSoftlyThenPermanently() {
        client.register(subject, partnerJoined(""));
        client.register(subject, partnerJoined(FRAMEWORK_WITH_DEFAULT));

        assertThatThrownBy(() -> client.deleteSubject(subject, true))
                .isInstanceOf(NotSoftDeletedException.class)
                .satisfies(refusal -> assertThat(((SchemaRegistryException) refusal).errorCode()).isEqualTo(40405));
        assertThat(client.deleteSubject(subject, false)).containsExactly(1, 2);
        assertThat(client.subjects()).doesNotContain(subject);
        assertThatThrownBy(() -> client.versions(subject)).isInstanceOf(SubjectNotFoundException.class);
        assertThatThrownBy(() -> client.deleteSubject(subject, false))
                .isInstanceOf(SoftDeletedException.class)
                .satisfies(refusal -> assertThat(((SchemaRegistryException) refusal).errorCode()).isEqualTo(40404));
        assertThat(client.deleteSubject(subject, true)).containsExactly(1, 2);
        assertThatThrownBy(() -> client.deleteSubject(subject, true)).isInstanceOf(SubjectNotFoundException.class);
    }

    @Test
    void shouldAnswer40401And40402WhenDeletingWhatDoesNotExist() {
        assertThatThrownBy(() -> client.deleteSubjectVersion(subject, 1, false)).isInstanceOf(SubjectNotFoundException.class);
        assertThatThrownBy(() -> client.deleteSubject(subject, false)).isInstanceOf(SubjectNotFoundException.class);
        client.register(subject, partnerJoined(""));
        assertThatThrownBy(() -> client.deleteSubjectVersion(subject, 7, false)).isInstanceOf(VersionNotFoundException.class);
    }

    @Test
    void shouldAcceptSubjectNamesThatNeedEncodingInAPath() {
        String spaced = uniqueSubject("partner events:value");

        int id = client.register(spaced, partnerJoined(""));

        assertThat(client.latestVersion(spaced).id()).isEqualTo(id);
        assertThat(client.subjects()).contains(spaced);
    }

    private Schema partnerJoined(String extraFields) {
        return new Schema.Parser().parse("{\"type\": \"record\", \"name\": \"PartnerJoined\", \"namespace\": \""
                + namespace + "\", \"fields\": [{\"name\": \"partnerId\", \"type\": \"string\"}" + extraFields + "]}");
    }

    /** The same record with its one field retyped: no later version with a string partnerId can read it. */
    private Schema partnerIdAsNumber() {
        return new Schema.Parser().parse("{\"type\": \"record\", \"name\": \"PartnerJoined\", \"namespace\": \""
                + namespace + "\", \"fields\": [{\"name\": \"partnerId\", \"type\": \"long\"}]}");
    }

    private static String uniqueSubject(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}

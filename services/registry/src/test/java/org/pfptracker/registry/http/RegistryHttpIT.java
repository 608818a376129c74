package org.pfptracker.registry.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pfptracker.kafka.junit.KafkaTestCluster;
import org.pfptracker.kafka.junit.UniqueNames;
import org.pfptracker.kafka.junit.WithKafka;
import org.pfptracker.registry.RegistryConfig;
import org.pfptracker.registry.SchemaRegistryServer;
import org.pfptracker.registry.client.protocol.RegistryMediaTypes;

/**
 * HTTP details beyond what our client uses: raw schema endpoints, content types (JSON only on writes),
 * soft-deleted versions on request, deletion refusals, answers to paths and methods the API does not
 * have, malformed bodies.
 */
@WithKafka
class RegistryHttpIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCHEMA_BODY = "{\"schema\": \"{\\\"type\\\": \\\"record\\\", \\\"name\\\": \\\"Pace\\\", "
            + "\\\"fields\\\": [{\\\"name\\\": \\\"score\\\", \\\"type\\\": \\\"int\\\"}]}\"}";
    /** Pace with a second field that has a default: a compatible second version. */
    private static final String EVOLVED_BODY = "{\"schema\": \"{\\\"type\\\": \\\"record\\\", \\\"name\\\": \\\"Pace\\\", "
            + "\\\"fields\\\": [{\\\"name\\\": \\\"score\\\", \\\"type\\\": \\\"int\\\"}, "
            + "{\\\"name\\\": \\\"trend\\\", \\\"type\\\": \\\"int\\\", \\\"default\\\": 0}]}\"}";

    private static SchemaRegistryServer registry;
    private final HttpClient http = HttpClient.newHttpClient();

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
    void shouldAcceptPlainJsonAndAnswerWithTheRegistryContentType() throws Exception {
        HttpResponse<String> response = send("POST", "/subjects/pace-value/versions", SCHEMA_BODY, "application/json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith(RegistryMediaTypes.V1_JSON));
        assertThat(JSON.readTree(response.body()).get("id").asInt()).isPositive();
    }

    @Test
    void shouldServeTheBareSchemaOfAVersion() throws Exception {
        send("POST", "/subjects/pace-bare-value/versions", SCHEMA_BODY, RegistryMediaTypes.V1_JSON);

        HttpResponse<String> response = send("GET", "/subjects/pace-bare-value/versions/latest/schema", null, null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"type\":\"record\",\"name\":\"Pace\",\"fields\":[{\"name\":\"score\",\"type\":\"int\"}]}");
    }

    @Test
    void shouldAnswerAnUnknownPathWithAConfluentStyle404() throws Exception {
        HttpResponse<String> response = send("GET", "/no/such/thing", null, null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(error(response).get("error_code").asInt()).isEqualTo(404);
    }

    @Test
    void shouldKeepTheRegistrysOwn404BodyForAnUnknownSubject() throws Exception {
        HttpResponse<String> response = send("GET", "/subjects/never-registered/versions", null, null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(error(response).get("error_code").asInt()).isEqualTo(40401);
        assertThat(error(response).get("message").asText()).isEqualTo("Subject 'never-registered' not found.");
    }

    @Test
    void shouldRefuseToDeleteACompatibilityLevelWith405SayingWhy() throws Exception {
        HttpResponse<String> response = send("DELETE", "/config/pace-value", null, null);

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(error(response).get("error_code").asInt()).isEqualTo(405);
        assertThat(error(response).get("message").asText()).contains("set another one with PUT");
    }

    @Test
    void shouldRefuseAFormPostWith415AndRegisterNothing() throws Exception {
        // Given what a page on another site can make a browser send without asking this server first
        String form = "schema=" + URLEncoder.encode("{\"type\": \"string\"}", StandardCharsets.UTF_8);

        // When
        HttpResponse<String> response = send("POST", "/subjects/csrf-form-value/versions", form,
                "application/x-www-form-urlencoded");

        // Then
        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(error(response).get("error_code").asInt()).isEqualTo(415);
        assertThat(error(response).get("message").asText()).contains("application/x-www-form-urlencoded")
                .contains(RegistryMediaTypes.V1_JSON);
        assertThat(send("GET", "/subjects/csrf-form-value/versions", null, null).statusCode()).isEqualTo(404);
    }

    @Test
    void shouldRefuseGoodJsonSentAsTextPlainWith415AndChangeNothing() throws Exception {
        // A text/plain body may hold valid JSON: the declared type, not the content, is what is refused.
        HttpResponse<String> register = send("POST", "/subjects/csrf-text-value/versions", SCHEMA_BODY, "text/plain");
        HttpResponse<String> level = send("PUT", "/config", "{\"compatibility\": \"NONE\"}", "text/plain;charset=UTF-8");
        HttpResponse<String> untyped = send("POST", "/subjects/csrf-text-value/versions", SCHEMA_BODY, null);

        assertThat(List.of(register, level, untyped)).allSatisfy(response -> {
            assertThat(response.statusCode()).isEqualTo(415);
            assertThat(error(response).get("error_code").asInt()).isEqualTo(415);
        });
        assertThat(send("GET", "/subjects/csrf-text-value/versions", null, null).statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(send("GET", "/config", null, null).body()).get("compatibilityLevel").asText())
                .isEqualTo("BACKWARD");
    }

    @Test
    void shouldAcceptEachJsonTypeWithACharset() throws Exception {
        for (String type : List.of(RegistryMediaTypes.V1_JSON + "; charset=utf-8", RegistryMediaTypes.DEFAULT_JSON,
                "application/json;charset=UTF-8")) {
            assertThat(send("POST", "/subjects/pace-typed-value", SCHEMA_BODY, type).statusCode())
                    .as(type).isIn(200, 404);
            assertThat(send("POST", "/subjects/pace-typed-value/versions", SCHEMA_BODY, type).statusCode())
                    .as(type).isEqualTo(200);
        }
    }

    @Test
    void shouldShowASoftDeletedVersionOnlyWhenAskedAndKeepItsIdResolvable() throws Exception {
        // Given two versions, the second soft-deleted
        send("POST", "/subjects/pace-retired-value/versions", SCHEMA_BODY, RegistryMediaTypes.V1_JSON);
        int id = JSON.readTree(send("POST", "/subjects/pace-retired-value/versions", EVOLVED_BODY,
                RegistryMediaTypes.V1_JSON).body()).get("id").asInt();
        HttpResponse<String> deleted = send("DELETE", "/subjects/pace-retired-value/versions/2", null, null);

        // Then the answer is the version, and it is gone from what clients see by default
        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(deleted.body()).isEqualTo("2");
        assertThat(send("GET", "/subjects/pace-retired-value/versions", null, null).body()).isEqualTo("[1]");
        assertThat(send("GET", "/subjects/pace-retired-value/versions/latest", null, null).body()).contains("\"version\":1");
        assertThat(send("GET", "/subjects/pace-retired-value/versions/2", null, null).statusCode()).isEqualTo(404);
        assertThat(send("POST", "/subjects/pace-retired-value", EVOLVED_BODY, RegistryMediaTypes.V1_JSON).statusCode())
                .isEqualTo(404);
        assertThat(send("GET", "/schemas/ids/" + id + "/versions", null, null).body()).isEqualTo("[]");
        // And there when asked
        assertThat(send("GET", "/subjects/pace-retired-value/versions?deleted=true", null, null).body()).isEqualTo("[1,2]");
        assertThat(send("GET", "/subjects/pace-retired-value/versions/2?deleted=true", null, null).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/subjects/pace-retired-value?deleted=true", EVOLVED_BODY, RegistryMediaTypes.V1_JSON)
                .statusCode()).isEqualTo(200);
        assertThat(send("GET", "/schemas/ids/" + id + "/subjects?deleted=true", null, null).body())
                .isEqualTo("[\"pace-retired-value\"]");
        // And records written with its id stay readable
        assertThat(send("GET", "/schemas/ids/" + id, null, null).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldAnswerEachRefusedDeletionWithConfluentsCode() throws Exception {
        // Given a subject with one version
        send("POST", "/subjects/pace-deletions-value/versions", SCHEMA_BODY, RegistryMediaTypes.V1_JSON);

        // Then each out-of-order step is refused with its own code
        assertThat(errorCode(send("DELETE", "/subjects/pace-deletions-value/versions/1?permanent=true", null, null)))
                .isEqualTo(40407);
        assertThat(errorCode(send("DELETE", "/subjects/pace-deletions-value?permanent=true", null, null))).isEqualTo(40405);
        assertThat(errorCode(send("DELETE", "/subjects/pace-deletions-value/versions/9", null, null))).isEqualTo(40402);
        assertThat(errorCode(send("DELETE", "/subjects/never-registered/versions/1", null, null))).isEqualTo(40401);
        assertThat(errorCode(send("DELETE", "/subjects/never-registered", null, null))).isEqualTo(40401);
        assertThat(errorCode(send("DELETE", "/subjects/pace-deletions-value/versions/zero", null, null))).isEqualTo(42202);
        assertThat(send("DELETE", "/subjects/pace-deletions-value", null, null).body()).isEqualTo("[1]");
        assertThat(errorCode(send("DELETE", "/subjects/pace-deletions-value", null, null))).isEqualTo(40404);
        assertThat(errorCode(send("DELETE", "/subjects/pace-deletions-value/versions/1", null, null))).isEqualTo(40406);
        assertThat(send("GET", "/subjects", null, null).body()).doesNotContain("pace-deletions-value");
        assertThat(send("GET", "/subjects?deleted=true", null, null).body()).contains("pace-deletions-value");

        // When the second step is taken, the subject is gone even from ?deleted=true
        assertThat(send("DELETE", "/subjects/pace-deletions-value?permanent=true", null, null).body()).isEqualTo("[1]");
        assertThat(send("GET", "/subjects?deleted=true", null, null).body()).doesNotContain("pace-deletions-value");
        assertThat(errorCode(send("DELETE", "/subjects/pace-deletions-value/versions/1?permanent=true", null, null)))
                .isEqualTo(40401);
    }

    @Test
    void shouldAnswer400ForABodyThatIsNotJson() throws Exception {
        HttpResponse<String> response = send("POST", "/subjects/pace-value/versions", "{not json", RegistryMediaTypes.V1_JSON);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(error(response).get("error_code").asInt()).isEqualTo(400);
    }

    @Test
    void shouldRefuseASchemaTypeOtherThanAvroAsAnInvalidSchema() throws Exception {
        HttpResponse<String> response = send("POST", "/subjects/pace-proto-value/versions",
                "{\"schemaType\": \"PROTOBUF\", \"schema\": \"syntax = \\\"proto3\\\";\"}", RegistryMediaTypes.V1_JSON);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(error(response).get("error_code").asInt()).isEqualTo(42201);
        assertThat(error(response).get("message").asText()).contains("PROTOBUF");
    }

    @Test
    void shouldAnswerTheGlobalLevelForASubjectWithoutOneWhenAskedToDefaultToGlobal() throws Exception {
        HttpResponse<String> own = send("GET", "/config/pace-value", null, null);
        HttpResponse<String> defaulted = send("GET", "/config/pace-value?defaultToGlobal=true", null, null);

        assertThat(own.statusCode()).isEqualTo(404);
        assertThat(error(own).get("error_code").asInt()).isEqualTo(40408);
        assertThat(JSON.readTree(defaulted.body()).get("compatibilityLevel").asText()).isEqualTo("BACKWARD");
    }

    private HttpResponse<String> send(String method, String path, String body, String contentType)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(registry.url() + path));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode error(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    private static int errorCode(HttpResponse<String> response) throws IOException {
        return error(response).get("error_code").asInt();
    }
}

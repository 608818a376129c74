package org.pfptracker.registry.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * HTTP details beyond what our client uses: raw schema endpoints, content types, answers to paths and
 * methods the API does not have, malformed bodies.
 */
@WithKafka
class RegistryHttpIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCHEMA_BODY = "{\"schema\": \"{\\\"type\\\": \\\"record\\\", \\\"name\\\": \\\"Pace\\\", "
            + "\\\"fields\\\": [{\\\"name\\\": \\\"score\\\", \\\"type\\\": \\\"int\\\"}]}\"}";

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
    void shouldRefuseDeletionWith405SayingWhy() throws Exception {
        HttpResponse<String> response = send("DELETE", "/subjects/pace-value", null, null);

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(error(response).get("error_code").asInt()).isEqualTo(405);
        assertThat(error(response).get("message").asText()).contains("deleting is not supported");
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
}

package org.pfptracker.registry.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pfptracker.http.issuer.LocalIssuerServer;
import org.pfptracker.http.issuer.TokenGrant;
import org.pfptracker.kafka.junit.KafkaTestCluster;
import org.pfptracker.kafka.junit.UniqueNames;
import org.pfptracker.kafka.junit.WithKafka;
import org.pfptracker.registry.RegistryConfig;
import org.pfptracker.registry.SchemaRegistryServer;

/**
 * Who may change the registry: reads need any valid token, writes the registry-admin role. Refusals are in
 * Confluent's error shape (40101, 40301) with an RFC 6750 challenge, and change nothing.
 */
@WithKafka
class RegistryAccessIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCHEMA_BODY = "{\"schema\": \"{\\\"type\\\": \\\"record\\\", \\\"name\\\": \\\"Pace\\\", "
            + "\\\"fields\\\": [{\\\"name\\\": \\\"score\\\", \\\"type\\\": \\\"int\\\"}]}\"}";
    private static final String JSON_TYPE = "application/vnd.schemaregistry.v1+json";

    private static LocalIssuerServer issuer;
    private static SchemaRegistryServer registry;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startRegistryWithAccessControl(KafkaTestCluster kafka) {
        issuer = LocalIssuerServer.start("127.0.0.1", 0, null, Clock.systemUTC());
        registry = SchemaRegistryServer.start(RegistryConfig.forBootstrapServers(kafka.bootstrapServers())
                .withPort(0).withTopic(UniqueNames.of("schemas")), issuer.accessSettings());
    }

    @AfterAll
    static void stop() {
        if (registry != null) {
            registry.close();
        }
        if (issuer != null) {
            issuer.close();
        }
    }

    private static String bearer(TokenGrant grant) {
        return "Bearer " + issuer.issuer().issue(grant, Duration.ofMinutes(5));
    }

    @Test
    void shouldAskForATokenOnReadsInConfluentsShape() throws Exception {
        HttpResponse<String> anonymous = send("GET", "/subjects", null, null);

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(json(anonymous).get("error_code").asInt()).isEqualTo(40101);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"pfp-registry\"");
        assertThat(send("GET", "/subjects", null, bearer(TokenGrant.staffReader())).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/", null, null).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldLetOnlyTheAdministratorRegister() throws Exception {
        String subject = UniqueNames.of("pace") + "-value";

        HttpResponse<String> byWriter = send("POST", "/subjects/" + subject + "/versions", SCHEMA_BODY,
                bearer(TokenGrant.writer("some-system")));
        HttpResponse<String> afterRefusal = send("GET", "/subjects/" + subject + "/versions", null,
                bearer(TokenGrant.staffReader()));
        HttpResponse<String> byAdmin = send("POST", "/subjects/" + subject + "/versions", SCHEMA_BODY,
                bearer(TokenGrant.registryAdmin()));
        HttpResponse<String> lookupByReader = send("POST", "/subjects/" + subject, SCHEMA_BODY,
                bearer(TokenGrant.writer("some-system")));

        assertThat(byWriter.statusCode()).isEqualTo(403);
        assertThat(json(byWriter).get("error_code").asInt()).isEqualTo(40301);
        assertThat(byWriter.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(challenge ->
                assertThat(challenge).contains("insufficient_scope"));
        assertThat(afterRefusal.statusCode()).isEqualTo(404);
        assertThat(byAdmin.statusCode()).isEqualTo(200);
        // Looking a schema up is a read, though Confluent's API makes it a POST: serdes do it.
        assertThat(lookupByReader.statusCode()).isEqualTo(200);
    }

    @Test
    void shouldLetOnlyTheAdministratorWeakenCompatibility() throws Exception {
        HttpResponse<String> before = send("GET", "/config", null, bearer(TokenGrant.staffReader()));

        HttpResponse<String> weakened = send("PUT", "/config", "{\"compatibility\": \"NONE\"}",
                bearer(TokenGrant.staffReader()));
        HttpResponse<String> after = send("GET", "/config", null, bearer(TokenGrant.staffReader()));

        assertThat(weakened.statusCode()).isEqualTo(403);
        assertThat(json(after).get("compatibilityLevel")).isEqualTo(json(before).get("compatibilityLevel"));
    }

    @Test
    void shouldRefuseAnExpiredTokenSayingWhy() throws Exception {
        String expired = "Bearer " + issuer.issuer().issue(TokenGrant.registryAdmin(), Duration.ofMinutes(-5));

        HttpResponse<String> refused = send("DELETE", "/subjects/anything", null, expired);

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(challenge ->
                assertThat(challenge).contains("invalid_token").contains("Expired"));
    }

    @Test
    void shouldAnswerProbesOpenlyAndMetricsToOperatorsOnlyAsEveryPfpServerDoes() throws Exception {
        // Given a request answered, so there is something to count
        send("GET", "/subjects", null, bearer(TokenGrant.staffReader()));

        // When
        HttpResponse<String> ready = send("GET", "/health/ready", null, null);
        HttpResponse<String> live = send("GET", "/health/live", null, null);
        HttpResponse<String> metricsByReader = send("GET", "/metrics", null, bearer(TokenGrant.staffReader()));
        HttpResponse<String> metricsByOperator = send("GET", "/metrics", null, bearer(TokenGrant.operator()));

        // Then
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(json(ready).get("status").asText()).isEqualTo("UP");
        assertThat(json(ready).get("detail").asText()).startsWith("following the schemas topic");
        assertThat(json(ready).at("/checks/position").isNumber()).isTrue();
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(metricsByReader.statusCode()).isEqualTo(403);
        assertThat(metricsByOperator.statusCode()).isEqualTo(200);
        assertThat(metricsByOperator.body())
                .containsPattern("http_server_requests_seconds_count\\{[^}]*status=\"200\"[^}]*uri=\"/subjects\"")
                .contains("pfp_registry_schemas ")
                .contains("pfp_registry_ready 1.0")
                .contains("jvm_memory_used_bytes");
    }

    private HttpResponse<String> send(String method, String path, String body, String authorization)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(registry.url() + path));
        if (body != null) {
            request.header("Content-Type", JSON_TYPE);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }
}

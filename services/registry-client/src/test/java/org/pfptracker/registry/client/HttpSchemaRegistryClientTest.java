package org.pfptracker.registry.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pfptracker.registry.client.protocol.RegistryMediaTypes;

/**
 * The client's HTTP behaviour against a scripted server on loopback: paths, headers, failover,
 * caching and error bodies. What a real registry answers is tested in the registry module's contract
 * test.
 */
class HttpSchemaRegistryClientTest {

    private static final String SCHEMA = "{\"type\":\"string\"}";

    private final List<String> requests = new CopyOnWriteArrayList<>();
    /** The raw query of each request, null where there was none (a list that takes nulls). */
    private final List<String> queries = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger status = new AtomicInteger(200);
    private volatile String answer = "{}";
    private HttpServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void shouldEncodeTheSubjectAndSendTheRegistryContentType() throws IOException {
        // Given a registry that accepts any registration
        startServer();
        answer = "{\"id\":21}";
        HttpSchemaRegistryClient client = HttpSchemaRegistryClient.forUrls(url());

        // When a schema is registered under a subject with a space, a slash and a colon
        int id = client.register("partner events/v1:value", SCHEMA);

        // Then the subject is one encoded path segment, and the body is the registry's JSON
        assertThat(id).isEqualTo(21);
        assertThat(requests).containsExactly("POST /subjects/partner%20events%2Fv1%3Avalue/versions "
                + RegistryMediaTypes.V1_JSON + " {\"schema\":\"{\\\"type\\\":\\\"string\\\"}\"}");
    }

    @Test
    void shouldAskTheRegistryOnlyOnceForTheSameSubjectAndSchema() throws IOException {
        startServer();
        answer = "{\"id\":5}";
        HttpSchemaRegistryClient client = HttpSchemaRegistryClient.forUrls(url());

        client.register("partners-value", SCHEMA);
        client.register("partners-value", SCHEMA);

        assertThat(requests).hasSize(1);
    }

    @Test
    void shouldTryTheNextUrlWhenAnInstanceCannotBeReached() throws IOException {
        // Given a first URL where nothing listens, and a second that answers
        startServer();
        answer = "{\"schema\":\"{\\\"type\\\":\\\"string\\\"}\"}";
        HttpSchemaRegistryClient client = HttpSchemaRegistryClient.forUrls(deadUrl() + "," + url());

        // When a schema is fetched by id
        String schema = client.schemaById(3);

        // Then the second instance answered
        assertThat(schema).isEqualTo(SCHEMA);
        assertThat(requests).containsExactly("GET /schemas/ids/3 null ");
    }

    @Test
    void shouldReportARetriableFailureWhenNoInstanceCanBeReached() throws IOException {
        HttpSchemaRegistryClient client = HttpSchemaRegistryClient.forUrls(deadUrl());

        assertThatThrownBy(() -> client.subjects())
                .isInstanceOf(RetriableSchemaRegistryException.class)
                .hasMessageContaining("cannot be reached")
                .satisfies(e -> assertThat(((SchemaRegistryException) e).httpStatus()).isEqualTo(-1));
    }

    @Test
    void shouldNotAskAnotherInstanceAfterARefusal() throws IOException {
        // Given one instance that refuses, listed twice
        startServer();
        status.set(404);
        answer = "{\"error_code\":40401,\"message\":\"Subject 'partners-value' not found.\"}";
        HttpSchemaRegistryClient client = HttpSchemaRegistryClient.forUrls(url() + "," + url());

        // When / Then the refusal is final
        assertThatThrownBy(() -> client.latestVersion("partners-value"))
                .isInstanceOf(SubjectNotFoundException.class)
                .hasMessage("Subject 'partners-value' not found.");
        assertThat(requests).hasSize(1);
    }

    @Test
    void shouldDescribeAnAnswerThatIsNotARegistryError() throws IOException {
        startServer();
        status.set(502);
        answer = "<html>Bad Gateway</html>";
        HttpSchemaRegistryClient client = HttpSchemaRegistryClient.forUrls(url());

        assertThatThrownBy(() -> client.subjects())
                .isInstanceOf(RetriableSchemaRegistryException.class)
                .hasMessageContaining("HTTP 502 from GET " + url() + "/subjects")
                .hasMessageContaining("Bad Gateway");
    }

    @Test
    void shouldTreatASubjectWithoutItsOwnLevelAsFollowingTheGlobalOne() throws IOException {
        startServer();
        status.set(404);
        answer = "{\"error_code\":40408,\"message\":\"Subject 'x' does not have subject-level compatibility configured\"}";
        HttpSchemaRegistryClient client = HttpSchemaRegistryClient.forUrls(url());

        assertThat(client.subjectCompatibility("x")).isEmpty();
    }

    @Test
    void shouldReadTheLevelFromEitherFieldNameOfTheConfigAnswers() throws IOException {
        startServer();
        HttpSchemaRegistryClient client = HttpSchemaRegistryClient.forUrls(url());

        answer = "{\"compatibilityLevel\":\"FULL_TRANSITIVE\"}";
        assertThat(client.globalCompatibility()).isEqualTo(CompatibilityLevel.FULL_TRANSITIVE);
        answer = "{\"compatibility\":\"NONE\"}";
        assertThat(client.updateSubjectCompatibility("partners-value", CompatibilityLevel.NONE))
                .isEqualTo(CompatibilityLevel.NONE);
        assertThat(requests).last().isEqualTo("PUT /config/partners-value " + RegistryMediaTypes.V1_JSON
                + " {\"compatibility\":\"NONE\"}");
    }

    @Test
    void shouldSoftDeleteAVersionWithoutABodyAndPermanentlyOnlyWhenAsked() throws IOException {
        startServer();
        answer = "3";
        HttpSchemaRegistryClient client = HttpSchemaRegistryClient.forUrls(url());

        assertThat(client.deleteSubjectVersion("partners-value", 3, false)).isEqualTo(3);
        assertThat(client.deleteSubjectVersion("partners-value", 3, true)).isEqualTo(3);

        assertThat(requests).containsExactly("DELETE /subjects/partners-value/versions/3 null ",
                "DELETE /subjects/partners-value/versions/3 null ");
        assertThat(queries).containsExactly(null, "permanent=true");
    }

    @Test
    void shouldAnswerTheVersionsOfADeletedSubject() throws IOException {
        startServer();
        answer = "[1,2]";
        HttpSchemaRegistryClient client = HttpSchemaRegistryClient.forUrls(url());

        assertThat(client.deleteSubject("partners-value", false)).containsExactly(1, 2);
        assertThat(requests).containsExactly("DELETE /subjects/partners-value null ");
    }

    @Test
    void shouldAskTheRegistryAgainAfterDeletingFromASubject() throws IOException {
        // Given a schema registered, then its version deleted through the same client
        startServer();
        answer = "{\"id\":5}";
        HttpSchemaRegistryClient client = HttpSchemaRegistryClient.forUrls(url());
        client.register("partners-value", SCHEMA);
        answer = "1";
        client.deleteSubjectVersion("partners-value", 1, false);

        // When it is registered again
        answer = "{\"id\":5}";
        client.register("partners-value", SCHEMA);

        // Then the registry was asked, not the cache: it makes a new version
        assertThat(requests).hasSize(3);
        assertThat(requests.get(2)).startsWith("POST /subjects/partners-value/versions ");
    }

    @Test
    void shouldTellAVersionSoftDeletedAlreadyFromOneNotSoftDeletedFirst() throws IOException {
        startServer();
        status.set(404);
        HttpSchemaRegistryClient client = HttpSchemaRegistryClient.forUrls(url());

        answer = "{\"error_code\":40406,\"message\":\"Subject 'p' Version 1 was soft deleted.\"}";
        assertThatThrownBy(() -> client.deleteSubjectVersion("p", 1, false)).isInstanceOf(SoftDeletedException.class);
        answer = "{\"error_code\":40407,\"message\":\"Subject 'p' Version 1 was not deleted first\"}";
        assertThatThrownBy(() -> client.deleteSubjectVersion("p", 1, true)).isInstanceOf(NotSoftDeletedException.class);
    }

    @Test
    void shouldRefuseAUrlThatIsNotHttp() {
        assertThatThrownBy(() -> HttpSchemaRegistryClient.forUrls("mock://scope"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mock://scope");
    }

    private void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath() + " "
                + exchange.getRequestHeaders().getFirst("Content-Type") + " " + body);
        queries.add(exchange.getRequestURI().getRawQuery());
        byte[] reply = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", RegistryMediaTypes.V1_JSON);
        exchange.sendResponseHeaders(status.get(), reply.length);
        exchange.getResponseBody().write(reply);
        exchange.close();
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A port that was free a moment ago: nothing listens there. */
    private static String deadUrl() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }
    }
}

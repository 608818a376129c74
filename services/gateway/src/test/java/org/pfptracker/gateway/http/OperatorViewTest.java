package org.pfptracker.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pfptracker.gateway.idempotency.IdempotencyStore;
import org.pfptracker.gateway.partner.Directories;
import org.pfptracker.platform.event.EventCatalogue;
import org.pfptracker.platform.event.Events;
import org.pfptracker.publisher.PublishReceipt;
import org.pfptracker.testsupport.http.ApiClient;

/** What an operator reads from a gateway: its metrics and its browsable API docs. */
class OperatorViewTest {

    private static final Pattern SCRIPT = Pattern.compile("<script src=\"(/[^\"]+)\"");

    private GatewayHttpServer server;
    private ApiClient client;

    @BeforeEach
    void start() {
        server = GatewayHttpServer.start(new HttpOptions("127.0.0.1", 0, 65536, Duration.ofSeconds(1), "test"),
                Directories.complete("georgia"), (event, traceparent) -> CompletableFuture.completedFuture(
                        new PublishReceipt(Events.metadataOf(event).getEventId().toString(),
                                EventCatalogue.typeOf(event).topic(), 0, 1)),
                new IdempotencyStore<>(Duration.ofMinutes(1), 10, Clock.systemUTC()), Clock.systemUTC());
        client = ApiClient.onPort(server.port());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void shouldTimeCommandsByRouteAndStatusInPrometheusFormat() {
        // Given
        client.post("/api/v1/partners/georgia/activities", ApiClient.json("{'title': 'Seminar', 'area': 'DEFENCE_REFORM'}"));
        client.post("/api/v1/partners/georgia/activities", ApiClient.json("{'title': ''}"));

        // When / Then: each timing is recorded once its answer is written
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            HttpResponse<String> metrics = client.get("/metrics");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/plain; version=0.0.4"));
            assertThat(metrics.body())
                    .containsPattern("http_server_requests_seconds_count\\{[^}]*status=\"202\"[^}]*uri=\"/api/v1/partners/\\{partnerId}/activities\"")
                    .containsPattern("http_server_requests_seconds_count\\{[^}]*status=\"422\"")
                    .contains("http_server_requests_seconds_bucket{")
                    .contains("jvm_memory_used_bytes");
        });
    }

    @Test
    void shouldServeItsApiDocsWithSwaggerUiFromItsOwnJar() {
        // When
        HttpResponse<String> docs = client.get("/docs");

        // Then
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("data-spec=\"/openapi.yaml\"").doesNotContain("{{");
        assertThat(docs.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                policy -> assertThat(policy).contains("script-src 'self';"));
        Matcher scripts = SCRIPT.matcher(docs.body());
        int served = 0;
        while (scripts.find()) {
            assertThat(client.get(scripts.group(1)).statusCode()).as(scripts.group(1)).isEqualTo(200);
            served++;
        }
        assertThat(served).isEqualTo(2);
    }
}

package org.pfptracker.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pfptracker.gateway.delivery.EventSink;
import org.pfptracker.gateway.idempotency.IdempotencyStore;
import org.pfptracker.gateway.partner.Directories;
import org.pfptracker.http.access.AccessControl;
import org.pfptracker.http.access.Role;
import org.pfptracker.http.issuer.LocalIssuerServer;
import org.pfptracker.http.issuer.TokenGrant;
import org.pfptracker.platform.event.EventCatalogue;
import org.pfptracker.platform.event.Events;
import org.pfptracker.publisher.PublishReceipt;
import org.pfptracker.testsupport.http.ApiClient;

/** Who may publish what through the gateway, with tokens from a local issuer whose keys are fetched over HTTP. */
class GatewayAccessTest {

    private static final String ACTIVITY = "{\"title\": \"Defence reform seminar\", \"area\": \"DEFENCE_REFORM\"}";
    private static LocalIssuerServer issuer;

    private final List<SpecificRecord> published = new CopyOnWriteArrayList<>();
    private GatewayHttpServer server;
    private ApiClient gateway;

    @BeforeAll
    static void startIssuer() {
        issuer = LocalIssuerServer.start("127.0.0.1", 0, null, Clock.systemUTC());
    }

    @AfterAll
    static void stopIssuer() {
        issuer.close();
    }

    @BeforeEach
    void startGateway() {
        EventSink sink = (event, traceparent) -> {
            published.add(event);
            return CompletableFuture.completedFuture(new PublishReceipt(Events.metadataOf(event).getEventId().toString(),
                    EventCatalogue.typeOf(event).topic(), 0, published.size()));
        };
        server = GatewayHttpServer.start(new HttpOptions("127.0.0.1", 0, 65536, Duration.ofSeconds(5), "gateway",
                        AccessControl.of(issuer.accessSettings(), "pfp-gateway", "gateway")),
                Directories.complete("ukraine", "georgia"), sink,
                new IdempotencyStore<>(Duration.ofMinutes(1), 10, Clock.systemUTC()), Clock.systemUTC());
        gateway = ApiClient.onPort(server.port());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static String bearer(TokenGrant grant) {
        return "Bearer " + issuer.issuer().issue(grant, Duration.ofMinutes(5));
    }

    @Test
    void shouldRefuseAnonymousCommandsAndPublishNothing() {
        HttpResponse<String> anonymous = gateway.post("/api/v1/partners/ukraine/activities", ACTIVITY);

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"pfp-gateway\"");
        assertThat(published).isEmpty();
    }

    @Test
    void shouldNameTheTokensClientAsTheSourceWhateverTheBodySays() {
        HttpResponse<String> accepted = gateway.post("/api/v1/partners/ukraine/activities", ACTIVITY,
                "Authorization", bearer(TokenGrant.writer("ukraine-mod")));

        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(Events.metadataOf(published.get(0)).getSource()).isEqualTo("ukraine-mod");
    }

    @Test
    void shouldLetAPartnersSystemPublishItsOwnEventTypesForItsOwnPartnerOnly() {
        String ukraineSystem = bearer(new TokenGrant("ukraine-mod", "ukraine-mod", List.of(Role.WRITER), "ukraine",
                List.of("ActivityProposed")));

        HttpResponse<String> own = gateway.post("/api/v1/partners/ukraine/activities", ACTIVITY,
                "Authorization", ukraineSystem);
        HttpResponse<String> otherPartner = gateway.post("/api/v1/partners/georgia/activities", ACTIVITY,
                "Authorization", ukraineSystem);
        HttpResponse<String> otherType = gateway.put("/api/v1/partners/ukraine/priorities",
                "{\"priorities\": [\"DEFENCE_REFORM\"], \"targetCompletedActivitiesPerYear\": 12}",
                "Authorization", ukraineSystem);

        assertThat(own.statusCode()).isEqualTo(202);
        assertThat(otherPartner.statusCode()).isEqualTo(403);
        assertThat(ApiClient.json(otherPartner).path("detail").asText()).contains("partner 'ukraine' only");
        assertThat(otherType.statusCode()).isEqualTo(403);
        assertThat(published).hasSize(1);
    }

    @Test
    void shouldKeepEachClientsIdempotencyKeysToItself() {
        // Given two upstream systems that happen to choose the same key for different commands
        String first = bearer(TokenGrant.writer("system-a"));
        String second = bearer(TokenGrant.writer("system-b"));

        // When
        HttpResponse<String> fromA = gateway.post("/api/v1/partners/ukraine/activities", ACTIVITY,
                "Authorization", first, "Idempotency-Key", "k-1");
        HttpResponse<String> fromB = gateway.post("/api/v1/partners/georgia/activities", ACTIVITY,
                "Authorization", second, "Idempotency-Key", "k-1");
        HttpResponse<String> retryOfA = gateway.post("/api/v1/partners/ukraine/activities", ACTIVITY,
                "Authorization", first, "Idempotency-Key", "k-1");

        // Then: both take effect, neither sees the other's answer, and a retry replays its own
        assertThat(fromA.statusCode()).isEqualTo(202);
        assertThat(fromB.statusCode()).isEqualTo(202);
        assertThat(fromB.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(retryOfA.headers().firstValue("Idempotent-Replayed")).isPresent();
        assertThat(ApiClient.json(retryOfA).get("eventId")).isEqualTo(ApiClient.json(fromA).get("eventId"));
        assertThat(published).hasSize(2);
    }

    @Test
    void shouldRefuseAReaderAndKeepMetricsForOperators() {
        HttpResponse<String> reader = gateway.post("/api/v1/partners/ukraine/activities", ACTIVITY,
                "Authorization", bearer(TokenGrant.staffReader()));

        assertThat(reader.statusCode()).isEqualTo(403);
        assertThat(published).isEmpty();
        assertThat(gateway.send("GET", "/metrics", null, null, "Authorization", bearer(TokenGrant.staffReader()))
                .statusCode()).isEqualTo(403);
        assertThat(gateway.send("GET", "/metrics", null, null, "Authorization", bearer(TokenGrant.operator()))
                .statusCode()).isEqualTo(200);
        assertThat(gateway.get("/health/live").statusCode()).isEqualTo(200);
    }
}

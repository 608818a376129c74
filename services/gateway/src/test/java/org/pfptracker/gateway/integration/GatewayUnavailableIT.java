package org.pfptracker.gateway.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.pfptracker.testsupport.http.ApiClient.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pfptracker.core.config.Settings;
import org.pfptracker.gateway.GatewayService;
import org.pfptracker.gateway.support.EventReader;
import org.pfptracker.kafka.junit.KafkaTestCluster;
import org.pfptracker.kafka.junit.UniqueNames;
import org.pfptracker.kafka.junit.WithKafka;
import org.pfptracker.platform.topic.Topics;
import org.pfptracker.testsupport.http.ApiClient;
import org.pfptracker.testsupport.http.TestTokens;
import org.pfptracker.testsupport.system.TestSystem;

/**
 * A cluster that cannot take a write gets the client a 503 with Retry-After, never a 202: three brokers,
 * topics replicated three times with min.insync.replicas 2, and two brokers stopped.
 */
@WithKafka(brokers = 3)
class GatewayUnavailableIT {

    /** Short, so the test waits seconds for the refusal, not the 10 s default. */
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(3);
    private static final String PROPOSAL = json("{'title': 'Seminar', 'area': 'DEFENCE_REFORM'}");

    private static GatewayService gateway;
    private static ApiClient client;
    private static Settings settings;

    @BeforeAll
    static void startTheGateway(KafkaTestCluster kafka) {
        settings = TestSystem.shared(kafka).settings("gateway.http.port", "0",
                "gateway.delivery.timeout", DELIVERY_TIMEOUT.toMillis() + "ms");
        gateway = GatewayService.start(settings);
        client = ApiClient.onPort(gateway.httpPort()).withAuthorization(TestTokens.writer());
        await().atMost(Duration.ofSeconds(30)).until(gateway::isReady);
    }

    @AfterAll
    static void stopTheGateway() {
        gateway.close();
    }

    @Test
    void shouldAnswer503WithRetryAfterWhenTheClusterCannotTakeTheWrite(KafkaTestCluster kafka) {
        // Given a partner whose proposals the cluster accepts (which also registers the proposal's schema)
        String partner = UniqueNames.of("georgia");
        assertThat(client.post("/api/v1/partners", json("{'partnerId': '" + partner + "', 'name': 'Georgia', "
                + "'framework': 'EURO_ATLANTIC_PARTNERSHIP', 'joinedOn': '1994-03-23'}")).statusCode()).isEqualTo(202);
        assertThat(client.post(proposals(partner), PROPOSAL).statusCode()).isEqualTo(202);
        kafka.awaitReplicasInSync(Topics.ACTIVITIES);

        // And two of the three brokers stopped: one replica left, two needed in sync
        List<Integer> stopped = kafka.brokerIds().stream().skip(1).toList();
        stopped.forEach(kafka::stopBroker);
        String key = UUID.randomUUID().toString();
        HttpResponse<String> refused;
        long started = System.nanoTime();
        try {
            // When
            refused = client.post(proposals(partner), PROPOSAL, "Idempotency-Key", key);
        } finally {
            stopped.forEach(kafka::startBroker);
        }
        Duration waited = Duration.ofNanos(System.nanoTime() - started);

        // Then a 503 the client can act on, after the gateway's delivery timeout, well before the publisher's 30 s
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Integer.parseInt(seconds)).isPositive());
        JsonNode problem = ApiClient.json(refused);
        assertThat(problem.get("type").asText()).isEqualTo("urn:pfp-tracker:problem:unavailable");
        assertThat(problem.get("detail").asText()).contains("may or may not have been written");
        assertThat(waited).isLessThan(Duration.ofSeconds(15));

        // And once the brokers are back, the retry with the same key is accepted under the event id the 503 named
        kafka.awaitReplicasInSync(Topics.ACTIVITIES);
        HttpResponse<String> retried = client.post(proposals(partner), PROPOSAL, "Idempotency-Key", key);
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(202);
        String eventId = ApiClient.json(retried).get("eventId").asText();
        assertThat(problem.get("detail").asText()).contains(eventId);
        try (EventReader events = new EventReader(settings)) {
            // At most the refused attempt and the retry: the consumers' de-duplication by event id does the rest.
            assertThat(events.withEventId(Topics.ACTIVITIES, ApiClient.json(retried).get("partition").asInt(), eventId))
                    .hasSizeBetween(1, 2);
        }
    }

    private static String proposals(String partnerId) {
        return "/api/v1/partners/" + partnerId + "/activities";
    }
}

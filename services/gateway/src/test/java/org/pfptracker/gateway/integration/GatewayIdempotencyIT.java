package org.pfptracker.gateway.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.pfptracker.testsupport.http.ApiClient.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
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
import org.pfptracker.testsupport.http.ApiClient;
import org.pfptracker.testsupport.http.TestTokens;
import org.pfptracker.testsupport.system.TestSystem;

/**
 * Retries with an Idempotency-Key, on a real broker. While the gateway remembers the key a retry is not
 * published again: exactly one record holds the event. A gateway that does not remember it (restarted,
 * or another instance) publishes the retry again under the same event id, which consumers count once; and
 * publishes the same key with another body as another event, which takes effect.
 */
@WithKafka
class GatewayIdempotencyIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String PROPOSAL = json("{'title': 'Seminar', 'area': 'DEFENCE_REFORM'}");

    private static Settings settings;
    private static GatewayService gateway;
    private static ApiClient client;
    private static EventReader events;

    @BeforeAll
    static void startTheGateway(KafkaTestCluster kafka) {
        settings = TestSystem.shared(kafka).settings("gateway.http.port", "0");
        gateway = GatewayService.start(settings);
        client = ApiClient.onPort(gateway.httpPort()).withAuthorization(TestTokens.writer());
        events = new EventReader(settings);
        await().atMost(PATIENCE).until(gateway::isReady);
    }

    @AfterAll
    static void stopTheGateway() {
        events.close();
        gateway.close();
    }

    @Test
    void shouldAnswerARetryWithTheSameBodyAndWriteTheEventOnlyOnce() {
        // Given
        String partner = join(client, UniqueNames.of("georgia"), UUID.randomUUID().toString());
        String key = UUID.randomUUID().toString();
        HttpResponse<String> first = client.post(proposals(partner), PROPOSAL, "Idempotency-Key", key);

        // When
        HttpResponse<String> retry = client.post(proposals(partner), PROPOSAL, "Idempotency-Key", key);

        // Then
        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(retry.statusCode()).isEqualTo(202);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).contains("true");
        JsonNode accepted = ApiClient.json(first);
        assertThat(events.withEventId(accepted.get("topic").asText(), accepted.get("partition").asInt(),
                accepted.get("eventId").asText())).hasSize(1);
    }

    @Test
    void shouldRefuseAKeyReusedForADifferentBodyWith422() {
        // Given
        String partner = join(client, UniqueNames.of("armenia"), UUID.randomUUID().toString());
        String key = UUID.randomUUID().toString();
        assertThat(client.post(proposals(partner), PROPOSAL, "Idempotency-Key", key).statusCode()).isEqualTo(202);

        // When
        HttpResponse<String> reuse = client.post(proposals(partner),
                json("{'title': 'Another seminar', 'area': 'DEFENCE_REFORM'}"), "Idempotency-Key", key);

        // Then
        assertThat(reuse.statusCode()).isEqualTo(422);
        assertThat(ApiClient.json(reuse).get("type").asText()).isEqualTo("urn:pfp-tracker:problem:idempotency-key-reused");
        assertThat(ApiClient.json(reuse).at("/errors/0/field").asText()).isEqualTo("Idempotency-Key");
    }

    @Test
    void shouldGiveARetryTheSameEventAndActivityIdThroughAGatewayThatDoesNotRememberTheKey() {
        // Given a proposal accepted by the first gateway
        String partner = join(client, UniqueNames.of("moldova"), UUID.randomUUID().toString());
        String key = UUID.randomUUID().toString();
        JsonNode first = ApiClient.json(client.post(proposals(partner), PROPOSAL, "Idempotency-Key", key));

        // When the client's retry reaches a gateway that never saw the key (a restart, another instance)
        try (GatewayService restarted = GatewayService.start(settings)) {
            await().atMost(PATIENCE).until(restarted::isReady);
            HttpResponse<String> retry = ApiClient.onPort(restarted.httpPort()).withAuthorization(TestTokens.writer())
                    .post(proposals(partner), PROPOSAL, "Idempotency-Key", key);

            // Then it is published again, as the same event about the same activity
            assertThat(retry.statusCode()).isEqualTo(202);
            JsonNode second = ApiClient.json(retry);
            assertThat(second.get("eventId").asText()).isEqualTo(first.get("eventId").asText());
            assertThat(second.get("activityId").asText()).isEqualTo(first.get("activityId").asText());
            assertThat(second.get("offset").asLong()).isNotEqualTo(first.get("offset").asLong());
            assertThat(events.withEventId(first.get("topic").asText(), first.get("partition").asInt(),
                    first.get("eventId").asText())).hasSize(2);
        }
    }

    @Test
    void shouldPublishTheKeyReusedForAnotherBodyAsAnotherEventThroughAGatewayThatDoesNotRememberTheKey() {
        // Given a proposal accepted by the first gateway
        String partner = join(client, UniqueNames.of("azerbaijan"), UUID.randomUUID().toString());
        String key = UUID.randomUUID().toString();
        JsonNode first = ApiClient.json(client.post(proposals(partner), PROPOSAL, "Idempotency-Key", key));

        // When the client reuses the key for another command, through a gateway that never saw it
        try (GatewayService restarted = GatewayService.start(settings)) {
            await().atMost(PATIENCE).until(restarted::isReady);
            HttpResponse<String> reuse = ApiClient.onPort(restarted.httpPort()).withAuthorization(TestTokens.writer()).post(proposals(partner),
                    json("{'title': 'Another seminar', 'area': 'DEFENCE_REFORM'}"), "Idempotency-Key", key);

            // Then it is another event, written once: the tracker will count it, not drop it as a duplicate
            assertThat(reuse.statusCode()).isEqualTo(202);
            JsonNode second = ApiClient.json(reuse);
            assertThat(second.get("eventId").asText()).isNotEqualTo(first.get("eventId").asText());
            assertThat(second.get("activityId").asText()).isNotEqualTo(first.get("activityId").asText());
            assertThat(events.withEventId(second.get("topic").asText(), second.get("partition").asInt(),
                    second.get("eventId").asText())).hasSize(1);
        }
    }

    @Test
    void shouldAcceptARetriedJoinThroughAGatewayThatAlreadyKnowsThePartnerFromIt() {
        // Given a partner joined through the first gateway with a key
        String partner = UniqueNames.of("ukraine");
        String key = UUID.randomUUID().toString();
        join(client, partner, key);

        // When the retry of that join reaches a gateway that learnt the partner from Kafka, not from the key
        try (GatewayService restarted = GatewayService.start(settings)) {
            await().atMost(PATIENCE).until(restarted::isReady);
            HttpResponse<String> retry = ApiClient.onPort(restarted.httpPort()).withAuthorization(TestTokens.writer()).post("/api/v1/partners",
                    joinBody(partner), "Idempotency-Key", key);

            // Then it is the same join, not a conflicting second one
            assertThat(retry.statusCode()).as(retry.body()).isEqualTo(202);
        }
        // While a join of the same partner under another key is a conflict
        assertThat(client.post("/api/v1/partners", joinBody(partner), "Idempotency-Key", UUID.randomUUID().toString())
                .statusCode()).isEqualTo(409);
    }

    private static String join(ApiClient through, String partnerId, String key) {
        HttpResponse<String> response = through.post("/api/v1/partners", joinBody(partnerId), "Idempotency-Key", key);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return partnerId;
    }

    private static String joinBody(String partnerId) {
        return json("{'partnerId': '" + partnerId + "', 'name': 'Partner', 'framework': 'EURO_ATLANTIC_PARTNERSHIP', "
                + "'joinedOn': '1994-03-23'}");
    }

    private static String proposals(String partnerId) {
        return "/api/v1/partners/" + partnerId + "/activities";
    }
}

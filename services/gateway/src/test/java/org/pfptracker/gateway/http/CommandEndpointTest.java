package org.pfptracker.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pfptracker.testsupport.http.ApiClient.json;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pfptracker.gateway.delivery.EventSink;
import org.pfptracker.gateway.idempotency.IdempotencyStore;
import org.pfptracker.gateway.partner.Directories;
import org.pfptracker.gateway.partner.PartnerDirectory;
import org.pfptracker.http.problem.Problem;
import org.pfptracker.platform.event.EventCatalogue;
import org.pfptracker.platform.event.Events;
import org.pfptracker.publisher.PublishReceipt;
import org.pfptracker.testsupport.http.ApiClient;

/**
 * The request pipeline around the sink, without Kafka: what the client is told for each outcome of a
 * publish. The real cluster's side of the same contract is in the integration tests.
 */
class CommandEndpointTest {

    private static final String PROPOSALS = "/api/v1/partners/georgia/activities";
    private static final String PROPOSAL = json("{'title': 'Seminar', 'area': 'DEFENCE_REFORM'}");
    private static final Duration ANSWER_TIMEOUT = Duration.ofMillis(300);

    private final List<String> traceparents = new CopyOnWriteArrayList<>();
    private final List<SpecificRecord> published = new CopyOnWriteArrayList<>();
    private GatewayHttpServer server;

    @AfterEach
    void stopTheServer() {
        server.close();
    }

    @Test
    void shouldAnswer202WithTheEventAndWhereKafkaHasIt() {
        ApiClient client = start(Directories.complete("georgia"), acknowledging());

        HttpResponse<String> response = client.post(PROPOSALS, PROPOSAL);

        assertThat(response.statusCode()).isEqualTo(202);
        var body = ApiClient.json(response);
        assertThat(body.get("eventType").asText()).isEqualTo("ActivityProposed");
        assertThat(body.get("partnerId").asText()).isEqualTo("georgia");
        assertThat(body.get("activityId").asText()).isNotBlank();
        assertThat(body.get("topic").asText()).isEqualTo("pfp.activities.v1");
        assertThat(body.get("partition").asInt()).isEqualTo(3);
        assertThat(body.get("offset").asLong()).isEqualTo(42);
        assertThat(body.has("exerciseId")).isFalse();
    }

    @Test
    void shouldAnswer503WithRetryAfterWhenKafkaRefusesTheWriteForNow() {
        ApiClient client = start(Directories.complete("georgia"),
                failingWith(new NotEnoughReplicasException("Messages are rejected since there are fewer in-sync replicas")));

        HttpResponse<String> response = client.post(PROPOSALS, PROPOSAL);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).contains("5");
        assertThat(ApiClient.json(response).get("type").asText()).isEqualTo(Problem.UNAVAILABLE);
        assertThat(ApiClient.json(response).get("detail").asText()).contains("NotEnoughReplicasException");
    }

    @Test
    void shouldAnswer503WhenNoAcknowledgementComesWithinTheAnswerTimeout() {
        ApiClient client = start(Directories.complete("georgia"), event -> new CompletableFuture<>());

        HttpResponse<String> response = client.post(PROPOSALS, PROPOSAL);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void shouldAnswer500WhenKafkaRefusesTheWriteForGood() {
        ApiClient client = start(Directories.complete("georgia"),
                failingWith(new RecordTooLargeException("The message is too large")));

        HttpResponse<String> response = client.post(PROPOSALS, PROPOSAL);

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("Retry-After")).isEmpty();
    }

    @Test
    void shouldRefuseCommandsAndReportNotReadyUntilThePartnersAreLoaded() {
        ApiClient client = start(Directories.loading("georgia"), acknowledging());

        HttpResponse<String> command = client.post(PROPOSALS, PROPOSAL);
        HttpResponse<String> readiness = client.get("/health/ready");

        assertThat(command.statusCode()).isEqualTo(503);
        assertThat(command.headers().firstValue("Retry-After")).isPresent();
        assertThat(readiness.statusCode()).isEqualTo(503);
        assertThat(ApiClient.json(readiness).get("status").asText()).isEqualTo("DOWN");
        assertThat(ApiClient.json(readiness).at("/checks/knownPartners").asInt()).isEqualTo(1);
        assertThat(readiness.headers().firstValue("Retry-After")).isPresent();
        assertThat(client.get("/health/live").statusCode()).isEqualTo(200);
    }

    @Test
    void shouldPassAValidTraceparentOnAndDropAMalformedOne() {
        ApiClient client = start(Directories.complete("georgia"), acknowledging());
        String valid = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

        client.post(PROPOSALS, PROPOSAL, "traceparent", valid);
        client.post(PROPOSALS, PROPOSAL, "traceparent", "garbage");

        assertThat(traceparents).containsExactly(valid, "none");
    }

    @Test
    void shouldNotPublishAgainForARetryThatTheGatewayRemembers() {
        ApiClient client = start(Directories.complete("georgia"), acknowledging());

        HttpResponse<String> first = client.post(PROPOSALS, PROPOSAL, "Idempotency-Key", "k-1");
        HttpResponse<String> retry = client.post(PROPOSALS, PROPOSAL, "Idempotency-Key", "k-1");

        assertThat(traceparents).hasSize(1);
        assertThat(retry.statusCode()).isEqualTo(202);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.headers().firstValue(CommandEndpoint.REPLAYED_HEADER)).contains("true");
        assertThat(first.headers().firstValue(CommandEndpoint.REPLAYED_HEADER)).isEmpty();
    }

    @Test
    void shouldAnswer400NamingTheHeaderWhenTheIdempotencyKeyIsSentTwice() {
        // Given
        ApiClient client = start(Directories.complete("georgia"), acknowledging());

        // When
        HttpResponse<String> response = client.post(PROPOSALS, PROPOSAL, "Idempotency-Key", "k-1",
                "Idempotency-Key", "k-2");

        // Then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith(Problem.CONTENT_TYPE));
        var problem = ApiClient.json(response);
        assertThat(problem.get("detail").asText()).contains("Idempotency-Key", "2 times");
        assertThat(problem.at("/errors/0/field").asText()).isEqualTo("Idempotency-Key");
        assertThat(published).isEmpty();
    }

    @Test
    void shouldAnswer422NotA500ForAnEventTimeBeforeTheRangeAndPublishNothing() {
        // Given: before 1970 the event time cannot be a Kafka record timestamp; the far past overflowed a long
        ApiClient client = start(Directories.complete("georgia"), acknowledging());

        for (String occurredAt : List.of("1969-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z")) {
            // When
            HttpResponse<String> response = client.post(PROPOSALS, json("{'title': 'Seminar', 'area': 'DEFENCE_REFORM', "
                    + "'occurredAt': '" + occurredAt + "'}"));

            // Then
            assertThat(response.statusCode()).as(occurredAt).isEqualTo(422);
            assertThat(ApiClient.json(response).at("/errors/0/field").asText()).isEqualTo("occurredAt");
            assertThat(ApiClient.json(response).at("/errors/0/message").asText()).contains("1970-01-01T00:00:00Z");
        }
        assertThat(published).isEmpty();
    }

    @Test
    void shouldGiveARetryWithTheSameBodyTheSameEventIdThroughAGatewayThatForgotTheKey() {
        // Given: a proposal accepted by a gateway that is then restarted (a new instance, a new store)
        ApiClient first = start(Directories.complete("georgia"), acknowledging());
        var accepted = ApiClient.json(first.post(PROPOSALS, PROPOSAL, "Idempotency-Key", "k-1"));
        server.close();
        ApiClient restarted = start(Directories.complete("georgia"), acknowledging());

        // When the client retries it
        HttpResponse<String> retry = restarted.post(PROPOSALS, PROPOSAL, "Idempotency-Key", "k-1");

        // Then it is published again as the same event about the same activity: a duplicate consumers drop
        assertThat(retry.statusCode()).isEqualTo(202);
        assertThat(retry.headers().firstValue(CommandEndpoint.REPLAYED_HEADER)).isEmpty();
        assertThat(ApiClient.json(retry).get("eventId").asText()).isEqualTo(accepted.get("eventId").asText());
        assertThat(ApiClient.json(retry).get("activityId").asText()).isEqualTo(accepted.get("activityId").asText());
        assertThat(published).extracting(event -> Events.metadataOf(event).getEventId().toString())
                .containsExactly(accepted.get("eventId").asText(), accepted.get("eventId").asText());
    }

    @Test
    void shouldGiveTheSameKeyWithAnotherBodyAnotherEventIdThroughAGatewayThatForgotTheKey() {
        // Given: a proposal accepted by a gateway that is then restarted (a new instance, a new store)
        ApiClient first = start(Directories.complete("georgia"), acknowledging());
        var accepted = ApiClient.json(first.post(PROPOSALS, PROPOSAL, "Idempotency-Key", "k-1"));
        server.close();
        ApiClient restarted = start(Directories.complete("georgia"), acknowledging());

        // When the client reuses the key for another command
        HttpResponse<String> reuse = restarted.post(PROPOSALS, json("{'title': 'Another seminar', "
                + "'area': 'DEFENCE_REFORM'}"), "Idempotency-Key", "k-1");

        // Then it is a new event (so it takes effect downstream), not a duplicate of the first to be dropped
        assertThat(reuse.statusCode()).isEqualTo(202);
        assertThat(ApiClient.json(reuse).get("eventId").asText()).isNotEqualTo(accepted.get("eventId").asText());
        assertThat(ApiClient.json(reuse).get("activityId").asText()).isNotEqualTo(accepted.get("activityId").asText());
        assertThat(published).hasSize(2);
    }

    @Test
    void shouldRefuseTheSameKeyWithAnotherBodyWhileTheGatewayRemembersIt() {
        // Given
        ApiClient client = start(Directories.complete("georgia"), acknowledging());
        client.post(PROPOSALS, PROPOSAL, "Idempotency-Key", "k-1");

        // When
        HttpResponse<String> reuse = client.post(PROPOSALS, json("{'title': 'Another seminar', 'area': 'DEFENCE_REFORM'}"),
                "Idempotency-Key", "k-1");

        // Then
        assertThat(reuse.statusCode()).isEqualTo(422);
        assertThat(ApiClient.json(reuse).get("type").asText()).isEqualTo(GatewayProblems.IDEMPOTENCY_KEY_REUSED);
        assertThat(ApiClient.json(reuse).at("/errors/0/field").asText()).isEqualTo("Idempotency-Key");
        assertThat(published).hasSize(1);
    }

    private ApiClient start(PartnerDirectory directory, Function<SpecificRecord, CompletableFuture<PublishReceipt>> outcome) {
        EventSink sink = (event, traceparent) -> {
            traceparents.add(traceparent == null ? "none" : traceparent);
            published.add(event);
            return outcome.apply(event);
        };
        server = GatewayHttpServer.start(new HttpOptions("127.0.0.1", 0, 65536, ANSWER_TIMEOUT, "test"), directory, sink,
                new IdempotencyStore<>(Duration.ofMinutes(1), 10, Clock.systemUTC()), Clock.systemUTC());
        return ApiClient.onPort(server.port());
    }

    private static Function<SpecificRecord, CompletableFuture<PublishReceipt>> acknowledging() {
        return event -> CompletableFuture.completedFuture(new PublishReceipt(
                Events.metadataOf(event).getEventId().toString(), EventCatalogue.typeOf(event).topic(), 3, 42));
    }

    private static Function<SpecificRecord, CompletableFuture<PublishReceipt>> failingWith(Exception failure) {
        return event -> CompletableFuture.failedFuture(failure);
    }
}

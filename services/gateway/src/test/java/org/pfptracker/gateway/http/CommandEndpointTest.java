package org.pfptracker.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pfptracker.gateway.support.GatewayClient.json;

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
import org.pfptracker.gateway.support.GatewayClient;
import org.pfptracker.platform.event.EventCatalogue;
import org.pfptracker.platform.event.Events;
import org.pfptracker.publisher.PublishReceipt;

/**
 * The request pipeline around the sink, without Kafka: what the client is told for each outcome of a
 * publish. The real cluster's side of the same contract is in the integration tests.
 */
class CommandEndpointTest {

    private static final String PROPOSALS = "/api/v1/partners/georgia/activities";
    private static final String PROPOSAL = json("{'title': 'Seminar', 'area': 'DEFENCE_REFORM'}");
    private static final Duration ANSWER_TIMEOUT = Duration.ofMillis(300);

    private final List<String> traceparents = new CopyOnWriteArrayList<>();
    private GatewayHttpServer server;

    @AfterEach
    void stopTheServer() {
        server.close();
    }

    @Test
    void shouldAnswer202WithTheEventAndWhereKafkaHasIt() {
        GatewayClient client = start(Directories.complete("georgia"), acknowledging());

        HttpResponse<String> response = client.post(PROPOSALS, PROPOSAL);

        assertThat(response.statusCode()).isEqualTo(202);
        var body = GatewayClient.json(response);
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
        GatewayClient client = start(Directories.complete("georgia"),
                failingWith(new NotEnoughReplicasException("Messages are rejected since there are fewer in-sync replicas")));

        HttpResponse<String> response = client.post(PROPOSALS, PROPOSAL);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).contains("5");
        assertThat(GatewayClient.json(response).get("type").asText()).isEqualTo(Problem.UNAVAILABLE);
        assertThat(GatewayClient.json(response).get("detail").asText()).contains("NotEnoughReplicasException");
    }

    @Test
    void shouldAnswer503WhenNoAcknowledgementComesWithinTheAnswerTimeout() {
        GatewayClient client = start(Directories.complete("georgia"), event -> new CompletableFuture<>());

        HttpResponse<String> response = client.post(PROPOSALS, PROPOSAL);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void shouldAnswer500WhenKafkaRefusesTheWriteForGood() {
        GatewayClient client = start(Directories.complete("georgia"),
                failingWith(new RecordTooLargeException("The message is too large")));

        HttpResponse<String> response = client.post(PROPOSALS, PROPOSAL);

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("Retry-After")).isEmpty();
    }

    @Test
    void shouldRefuseCommandsAndReportNotReadyUntilThePartnersAreLoaded() {
        GatewayClient client = start(Directories.loading("georgia"), acknowledging());

        HttpResponse<String> command = client.post(PROPOSALS, PROPOSAL);
        HttpResponse<String> readiness = client.get("/health/ready");

        assertThat(command.statusCode()).isEqualTo(503);
        assertThat(command.headers().firstValue("Retry-After")).isPresent();
        assertThat(readiness.statusCode()).isEqualTo(503);
        assertThat(GatewayClient.json(readiness).get("status").asText()).isEqualTo("STARTING");
        assertThat(client.get("/health/live").statusCode()).isEqualTo(200);
    }

    @Test
    void shouldPassAValidTraceparentOnAndDropAMalformedOne() {
        GatewayClient client = start(Directories.complete("georgia"), acknowledging());
        String valid = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

        client.post(PROPOSALS, PROPOSAL, "traceparent", valid);
        client.post(PROPOSALS, PROPOSAL, "traceparent", "garbage");

        assertThat(traceparents).containsExactly(valid, "none");
    }

    @Test
    void shouldNotPublishAgainForARetryThatTheGatewayRemembers() {
        GatewayClient client = start(Directories.complete("georgia"), acknowledging());

        HttpResponse<String> first = client.post(PROPOSALS, PROPOSAL, "Idempotency-Key", "k-1");
        HttpResponse<String> retry = client.post(PROPOSALS, PROPOSAL, "Idempotency-Key", "k-1");

        assertThat(traceparents).hasSize(1);
        assertThat(retry.statusCode()).isEqualTo(202);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.headers().firstValue(CommandEndpoint.REPLAYED_HEADER)).contains("true");
        assertThat(first.headers().firstValue(CommandEndpoint.REPLAYED_HEADER)).isEmpty();
    }

    private GatewayClient start(PartnerDirectory directory, Function<SpecificRecord, CompletableFuture<PublishReceipt>> outcome) {
        EventSink sink = (event, traceparent) -> {
            traceparents.add(traceparent == null ? "none" : traceparent);
            return outcome.apply(event);
        };
        server = GatewayHttpServer.start(new HttpOptions("127.0.0.1", 0, 65536, ANSWER_TIMEOUT, "test"), directory, sink,
                new IdempotencyStore<>(Duration.ofMinutes(1), 10, Clock.systemUTC()), Clock.systemUTC());
        return new GatewayClient(server.port());
    }

    private static Function<SpecificRecord, CompletableFuture<PublishReceipt>> acknowledging() {
        return event -> CompletableFuture.completedFuture(new PublishReceipt(
                Events.metadataOf(event).getEventId().toString(), EventCatalogue.typeOf(event).topic(), 3, 42));
    }

    private static Function<SpecificRecord, CompletableFuture<PublishReceipt>> failingWith(Exception failure) {
        return event -> CompletableFuture.failedFuture(failure);
    }
}

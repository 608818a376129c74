package org.pfptracker.tracker.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pfptracker.tracker.http.TwoInstances.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pfptracker.tracker.query.ViewFixtures;

/** Any instance answers any partner: locally, forwarded once to the owner, or from a standby copy flagged stale. */
class KeyRoutingTest {

    private final TwoInstances instances = new TwoInstances();
    private final TwoInstances.Instance a = instances.a;
    private final TwoInstances.Instance b = instances.b;

    @AfterEach
    void stop() {
        instances.close();
    }

    @Test
    void shouldAnswerFromItsOwnStoreAPartnerItHolds() {
        // Given
        a.views.holdActive(ViewFixtures.partner("georgia", "Georgia", 7));
        a.routing.place("georgia", a.host, b.host);

        // When
        HttpResponse<String> response = a.get("/api/v1/partners/georgia");

        // Then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).at("/profile/name").asText()).isEqualTo("Georgia");
        assertThat(response.headers().firstValue("X-PFP-Served-By")).contains(a.address());
        assertThat(response.headers().firstValue("X-PFP-Stale")).isEmpty();
        assertThat(a.server.counters().forwardedQueries()).isZero();
    }

    @Test
    void shouldForwardToTheOwnerAPartnerItDoesNotHold() {
        // Given
        b.views.holdActive(ViewFixtures.partner("georgia", "Georgia", 7));
        a.routing.place("georgia", b.host, a.host);
        b.routing.place("georgia", b.host, a.host);

        // When
        HttpResponse<String> viaA = a.get("/api/v1/partners/georgia");
        HttpResponse<String> fromB = b.get("/api/v1/partners/georgia");

        // Then
        assertThat(viaA.statusCode()).isEqualTo(200);
        assertThat(viaA.headers().firstValue("X-PFP-Served-By")).contains(b.address());
        assertThat(viaA.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(json(viaA)).isEqualTo(json(fromB));
        assertThat(a.server.counters().forwardedQueries()).isEqualTo(1);
        assertThat(a.views.reads()).as("A never read its own stores").isZero();
    }

    @Test
    void shouldPinTheAsOfDateWhenForwarding() {
        // Given
        b.views.holdActive(ViewFixtures.partner("georgia", "Georgia", 7));
        a.routing.place("georgia", b.host);
        b.routing.place("georgia", b.host);

        // When
        JsonNode defaulted = json(a.get("/api/v1/partners/georgia"));
        JsonNode asked = json(a.get("/api/v1/partners/georgia?asOf=2020-01-31"));

        // Then
        assertThat(defaulted.get("asOf").asText()).isEqualTo(ViewFixtures.AS_OF.toString());
        assertThat(asked.get("asOf").asText()).isEqualTo("2020-01-31");
    }

    @Test
    void shouldRelayTheOwnersNotFound() {
        // Given
        a.routing.place("atlantis", b.host);
        b.routing.place("atlantis", b.host);

        // When
        HttpResponse<String> response = a.get("/api/v1/partners/atlantis");

        // Then
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(response).get("detail").asText()).contains("atlantis");
        assertThat(response.headers().firstValue("X-PFP-Served-By")).contains(b.address());
    }

    @Test
    void shouldNeverForwardAForwardedRequestAgain() {
        // Given: A and B each believe the other holds the partner (metadata mid-rebalance)
        b.views.holdActive(ViewFixtures.partner("georgia", "Georgia", 7));
        a.routing.place("georgia", b.host);
        b.routing.place("georgia", a.host);

        // When
        HttpResponse<String> response = a.get("/api/v1/partners/georgia");

        // Then: one hop, then a 503 to retry; no ping-pong
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).contains("3");
        assertThat(json(response).get("detail").asText()).contains("not held here");
        assertThat(a.server.counters().forwardedQueries()).isEqualTo(1);
        assertThat(b.server.counters().forwardedQueries()).isZero();
        assertThat(b.views.reads()).isZero();
    }

    @Test
    void shouldServeItsStandbyCopyFlaggedStaleWhenTheOwnerIsUnreachable() {
        // Given
        HostInfo dead = TwoInstances.deadInstance();
        a.views.holdStandby(ViewFixtures.partner("georgia", "Georgia", 7));
        a.routing.place("georgia", dead, a.host);

        // When
        HttpResponse<String> response = a.get("/api/v1/partners/georgia");

        // Then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-PFP-Stale")).contains("true");
        assertThat(response.headers().firstValue("X-PFP-Served-By")).contains(a.address());
        assertThat(json(response).at("/freshness/eventsApplied").asLong()).isEqualTo(7);
        assertThat(a.server.counters().staleAnswers()).isEqualTo(1);
        assertThat(a.server.counters().peerFailures()).isEqualTo(1);
    }

    @Test
    void shouldAskAnotherInstancesStandbyCopyWhenTheOwnerDoesNotAnswerInTime() throws IOException {
        // Given: an owner that accepts connections and never answers
        try (ServerSocket silent = new ServerSocket()) {
            silent.bind(new InetSocketAddress("127.0.0.1", 0));
            HostInfo owner = new HostInfo("127.0.0.1", silent.getLocalPort());
            b.views.holdStandby(ViewFixtures.partner("georgia", "Georgia", 7));
            a.routing.place("georgia", owner, b.host);
            b.routing.place("georgia", owner, b.host);

            // When
            HttpResponse<String> response = a.get("/api/v1/partners/georgia");

            // Then
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("X-PFP-Stale")).contains("true");
            assertThat(response.headers().firstValue("X-PFP-Served-By")).contains(b.address());
            assertThat(b.server.counters().staleAnswers()).isEqualTo(1);
        }
    }

    @Test
    void shouldNotServeAStandbyCopyToAForwardedRequestThatDoesNotAllowIt() {
        // Given
        b.views.holdStandby(ViewFixtures.partner("georgia", "Georgia", 7));
        b.routing.place("georgia", a.host, b.host);

        // When
        HttpResponse<String> strict = b.get("/api/v1/partners/georgia",
                TwoInstances.forwardedBy(a, "/api/v1/partners/georgia"));
        HttpResponse<String> lenient = b.get("/api/v1/partners/georgia",
                TwoInstances.forwardedBy(a, "/api/v1/partners/georgia", "X-PFP-Allow-Stale", "true"));

        // Then
        assertThat(strict.statusCode()).isEqualTo(503);
        assertThat(lenient.statusCode()).isEqualTo(200);
        assertThat(lenient.headers().firstValue("X-PFP-Stale")).contains("true");
    }

    @Test
    void shouldFallBackToAStandbyWhileTheOwnerRestores() {
        // Given
        b.views.restoring("restoring partner-state-3");
        b.views.holdActive(ViewFixtures.partner("georgia", "Georgia", 7));
        a.views.holdStandby(ViewFixtures.partner("georgia", "Georgia", 6));
        a.routing.place("georgia", b.host, a.host);
        b.routing.place("georgia", b.host, a.host);

        // When
        HttpResponse<String> response = a.get("/api/v1/partners/georgia");

        // Then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-PFP-Stale")).contains("true");
        assertThat(json(response).at("/freshness/eventsApplied").asLong()).isEqualTo(6);
    }

    @Test
    void shouldAnswer503RatherThanNotFoundWhileThePartnersPartitionRestoresHere() {
        // Given: A holds the partition, but it is restoring, and no standby exists
        a.routing.place("georgia", a.host);
        a.routing.restoring(a.routing.partitionOf("georgia"));

        // When
        HttpResponse<String> response = a.get("/api/v1/partners/georgia");

        // Then
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(json(response).get("detail").asText()).contains("not queryable here yet");
        assertThat(a.views.reads()).isZero();
    }

    @Test
    void shouldAnswer503WithRetryAfterWhenNoCopyCanAnswer() {
        // Given
        HostInfo dead = TwoInstances.deadInstance();
        a.routing.place("georgia", dead);

        // When
        HttpResponse<String> response = a.get("/api/v1/partners/georgia");

        // Then
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).contains("3");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(503);
        assertThat(problem.get("detail").asText()).contains("connection refused");
    }

    @Test
    void shouldAnswer503WithAProblemBodyWhileTheInstancesRebalance() {
        // Given
        a.routing.rebalancing("which instance holds partner 'georgia' is not known yet (the tracker is REBALANCING)");

        // When
        HttpResponse<String> response = a.get("/api/v1/partners/georgia");

        // Then
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).contains("3");
        JsonNode problem = json(response);
        assertThat(problem.get("title").asText()).isEqualTo("Views temporarily unavailable");
        assertThat(problem.get("detail").asText()).contains("REBALANCING");
        assertThat(problem.get("instance").asText()).isEqualTo("/api/v1/partners/georgia");
        assertThat(response.body()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void shouldRouteThePaceAndProgrammeQueriesLikeTheView() {
        // Given
        b.views.holdActive(ViewFixtures.partner("georgia", "Georgia", 7));
        a.routing.place("georgia", b.host);
        b.routing.place("georgia", b.host);

        // When
        HttpResponse<String> pace = a.get("/api/v1/partners/georgia/pace?from=2023-Q4&to=2024-Q1");
        HttpResponse<String> programme = a.get("/api/v1/partners/georgia/programmes/p1");

        // Then
        assertThat(pace.statusCode()).isEqualTo(200);
        assertThat(pace.headers().firstValue("X-PFP-Served-By")).contains(b.address());
        assertThat(json(pace).get("quarters").findValuesAsText("quarter")).containsExactly("2023-Q4", "2024-Q1");
        assertThat(programme.statusCode()).isEqualTo(200);
        assertThat(json(programme).at("/objectives/0/state").asText()).isEqualTo("OVERDUE");
        assertThat(a.server.counters().forwardedQueries()).isEqualTo(2);
    }
}

package org.pfptracker.tracker.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pfptracker.tracker.http.TwoInstances.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pfptracker.tracker.query.Readiness;
import org.pfptracker.tracker.query.ViewFixtures;

/** What a client sees of one instance: answers, problems, health. */
class ApiContractTest {

    private final TwoInstances instances = new TwoInstances();
    private final TwoInstances.Instance tracker = instances.a;

    @BeforeEach
    void holdGeorgia() {
        tracker.views.holdActive(ViewFixtures.partner("georgia", "Georgia", 7));
    }

    @AfterEach
    void stop() {
        instances.close();
    }

    @Test
    void shouldAnswerThePartnersViewAsOfTheDateAsked() {
        HttpResponse<String> response = tracker.get("/api/v1/partners/georgia?asOf=2024-01-15");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode view = json(response);
        assertThat(view.get("partnerId").asText()).isEqualTo("georgia");
        assertThat(view.get("asOf").asText()).isEqualTo("2024-01-15");
        assertThat(view.at("/freshness/lastEventAt").asText()).isEqualTo("2024-02-01T00:00:00Z");
    }

    @Test
    void shouldAnswer404WithAProblemForAnUnknownPartner() {
        HttpResponse<String> response = tracker.get("/api/v1/partners/atlantis");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json(response);
        assertThat(problem.get("title").asText()).isEqualTo("Unknown partner");
        assertThat(problem.get("detail").asText()).contains("atlantis");
        assertThat(problem.get("instance").asText()).isEqualTo("/api/v1/partners/atlantis");
        assertThat(problem.has("parameter")).isFalse();
    }

    @Test
    void shouldTellAnUnknownProgrammeFromAnUnknownPartner() {
        HttpResponse<String> programme = tracker.get("/api/v1/partners/georgia/programmes/p9");
        HttpResponse<String> partner = tracker.get("/api/v1/partners/atlantis/programmes/p1");

        assertThat(programme.statusCode()).isEqualTo(404);
        assertThat(json(programme).get("title").asText()).isEqualTo("Unknown programme");
        assertThat(partner.statusCode()).isEqualTo(404);
        assertThat(json(partner).get("title").asText()).isEqualTo("Unknown partner");
    }

    @Test
    void shouldAnswer400NamingTheParameterAtFault() {
        assertBadParameter(tracker.get("/api/v1/partners/Not_An_Id"), "partnerId");
        assertBadParameter(tracker.get("/api/v1/partners/georgia?asOf=2024-02-30"), "asOf");
        assertBadParameter(tracker.get("/api/v1/partners/georgia?asof=2024-02-01"), "asof");
        assertBadParameter(tracker.get("/api/v1/partners/georgia/pace?from=2024-Q9"), "from");
        assertBadParameter(tracker.get("/api/v1/partners/georgia/pace?from=2024-Q3&to=2024-Q1"), "from");
        assertBadParameter(tracker.get("/api/v1/partners/georgia/programmes/-p1"), "programmeId");
        assertBadParameter(tracker.get("/api/v1/partners?status=ASLEEP"), "status");
        assertBadParameter(tracker.get("/api/v1/partners?sort=size"), "sort");
        assertThat(tracker.views.reads()).as("no store read for a bad request").isZero();
    }

    @Test
    void shouldAnswerThePaceSeriesOfTheQuartersAsked() {
        HttpResponse<String> response = tracker.get("/api/v1/partners/georgia/pace?from=2023-Q3&to=2024-Q2");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode series = json(response);
        assertThat(series.get("status").asText()).isEqualTo("BEHIND");
        assertThat(series.get("ratio").asDouble()).isEqualTo(0.5);
        assertThat(series.get("quarters").findValuesAsText("quarter"))
                .containsExactly("2023-Q3", "2023-Q4", "2024-Q1", "2024-Q2");
        assertThat(series.at("/quarters/2/completed").asInt()).isEqualTo(2);
        assertThat(series.at("/quarters/3/completed").asInt()).isZero();
    }

    @Test
    void shouldAnswer503WithoutAStackTraceWhileTheStoresRestore() {
        tracker.views.restoring("the tracker is REBALANCING, not yet RUNNING");

        HttpResponse<String> response = tracker.get("/api/v1/partners/georgia");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).contains("3");
        assertThat(json(response).get("detail").asText()).contains("REBALANCING");
        assertThat(response.body()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void shouldAnswer500WithAProblemAndNoInternalsForAnUnexpectedError() {
        tracker.views.failWith(new IllegalStateException("RocksDB says no"));

        HttpResponse<String> response = tracker.get("/api/v1/partners/georgia");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(json(response).get("title").asText()).isEqualTo("Internal error");
        assertThat(response.body()).doesNotContain("RocksDB", "IllegalStateException");
    }

    @Test
    void shouldAnswer404WithAProblemForAnUnknownPath() {
        HttpResponse<String> response = tracker.get("/api/v2/partners");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).get("detail").asText()).contains("/openapi.yaml");
    }

    @Test
    void shouldBeLiveAndReadyWhenTheStoresAreQueryable() {
        HttpResponse<String> live = tracker.get("/health/live");
        HttpResponse<String> ready = tracker.get("/health/ready");

        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(json(live).get("status").asText()).isEqualTo("UP");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(json(ready).get("status").asText()).isEqualTo("UP");
        assertThat(json(ready).at("/checks/streams").asText()).isEqualTo("RUNNING");
    }

    @Test
    void shouldBeLiveButNotReadyWhileRebalancing() {
        tracker.routing.readiness(new Readiness(false, "REBALANCING", "Kafka Streams is REBALANCING, not RUNNING"));

        HttpResponse<String> live = tracker.get("/health/live");
        HttpResponse<String> ready = tracker.get("/health/ready");

        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(ready.headers().firstValue("Retry-After")).contains("3");
        assertThat(json(ready).get("status").asText()).isEqualTo("DOWN");
        assertThat(json(ready).at("/checks/streams").asText()).isEqualTo("REBALANCING");
        assertThat(json(ready).get("detail").asText()).isEqualTo("Kafka Streams is REBALANCING, not RUNNING");
    }

    @Test
    void shouldStopBeingLiveWhenItsStreamsHaveFailedForGoodSoThatItIsRestarted() {
        tracker.routing.failure("Kafka Streams stopped on an error (ERROR); see the log. Restart this instance.");

        HttpResponse<String> live = tracker.get("/health/live");

        assertThat(live.statusCode()).isEqualTo(503);
        assertThat(json(live).get("status").asText()).isEqualTo("DOWN");
        assertThat(json(live).get("detail").asText()).contains("Restart this instance");
        assertThat(live.headers().firstValue("Retry-After")).isEmpty();
    }

    private static void assertBadParameter(HttpResponse<String> response, String parameter) {
        assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json(response);
        assertThat(problem.get("parameter").asText()).as(response.uri().toString()).isEqualTo(parameter);
        assertThat(problem.get("detail").asText()).contains(parameter);
    }
}

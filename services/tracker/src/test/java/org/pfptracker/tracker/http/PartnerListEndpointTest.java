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

/** The partner list is gathered from every instance holding partners, complete or not at all. */
class PartnerListEndpointTest {

    private final TwoInstances instances = new TwoInstances();
    private final TwoInstances.Instance a = instances.a;
    private final TwoInstances.Instance b = instances.b;

    @BeforeEach
    void spreadPartnersOverBothInstances() {
        a.views.holdActive(ViewFixtures.partner("ukraine", "Ukraine", 3));
        a.views.holdActive(ViewFixtures.partner("armenia", "Armenia", 3));
        b.views.holdActive(ViewFixtures.partner("georgia", "Georgia", 3));
        b.views.holdStandby(ViewFixtures.partner("ukraine", "Ukraine", 3));
        a.routing.activeInstances(a.host, b.host);
        b.routing.activeInstances(a.host, b.host);
    }

    @AfterEach
    void stop() {
        instances.close();
    }

    @Test
    void shouldListThePartnersOfEveryInstanceFromEitherInstance() {
        // When
        HttpResponse<String> fromA = a.get("/api/v1/partners");
        HttpResponse<String> fromB = b.get("/api/v1/partners");

        // Then
        assertThat(fromA.statusCode()).isEqualTo(200);
        JsonNode list = json(fromA);
        assertThat(list.get("count").asInt()).isEqualTo(3);
        assertThat(list.get("asOf").asText()).isEqualTo(ViewFixtures.AS_OF.toString());
        assertThat(list.get("partners").findValuesAsText("partnerId")).containsExactly("armenia", "georgia", "ukraine");
        assertThat(json(fromB)).isEqualTo(list);
        assertThat(a.server.counters().forwardedQueries()).isEqualTo(1);
    }

    @Test
    void shouldAnswerAForwardedListRequestWithItsOwnPartnersOnly() {
        // When
        HttpResponse<String> part = b.get("/api/v1/partners", TwoInstances.forwardedBy(a, "/api/v1/partners"));

        // Then: its active partners, not its standby copies
        assertThat(part.statusCode()).isEqualTo(200);
        assertThat(json(part).get("partners").findValuesAsText("partnerId")).containsExactly("georgia");
        assertThat(b.server.counters().forwardedQueries()).isZero();
    }

    @Test
    void shouldFilterAndSortTheWholeList() {
        // When
        HttpResponse<String> response = a.get("/api/v1/partners?sort=name&order=desc&paceStatus=behind");

        // Then
        assertThat(json(response).get("partners").findValuesAsText("partnerId"))
                .containsExactly("ukraine", "georgia", "armenia");
    }

    @Test
    void shouldAnswer503RatherThanAnIncompleteListWhenAnInstanceCannotGiveItsPart() {
        // Given
        b.views.restoring("restoring partner-state-1");

        // When
        HttpResponse<String> response = a.get("/api/v1/partners");

        // Then
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(json(response).get("detail").asText()).contains("incomplete", b.address(), "restoring");
    }

    @Test
    void shouldAnswer503WhileAPartitionOfAnInstanceRestores() {
        // Given
        b.routing.readiness(new Readiness(false, "RUNNING", "partition 4 of the partner views is not queryable here yet"));

        // When
        HttpResponse<String> response = a.get("/api/v1/partners");

        // Then
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(json(response).get("detail").asText()).contains("partition 4");
        assertThat(b.views.reads()).isZero();
    }

    @Test
    void shouldAnswer503WhenAnInstanceIsUnreachable() {
        // Given
        a.routing.activeInstances(a.host, b.host, TwoInstances.deadInstance());

        // When
        HttpResponse<String> response = a.get("/api/v1/partners");

        // Then
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(json(response).get("detail").asText()).contains("connection refused");
    }

    @Test
    void shouldAnswer503WhileThePartitionsMove() {
        // Given
        a.routing.rebalancing("partition 3 of pfp.partners.v1 has no active instance (a rebalance is in progress)");

        // When
        HttpResponse<String> response = a.get("/api/v1/partners");

        // Then
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(json(response).get("detail").asText()).contains("rebalance");
    }

    @Test
    void shouldAnswer503WhenTwoInstancesListTheSamePartner() {
        // Given: B still holds a partner A already took over
        b.views.holdActive(ViewFixtures.partner("ukraine", "Ukraine", 3));

        // When
        HttpResponse<String> response = a.get("/api/v1/partners");

        // Then
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(json(response).get("detail").asText()).contains("'ukraine' was listed by two instances");
    }

    @Test
    void shouldRefuseABadFilterBeforeAskingAnyInstance() {
        // When
        HttpResponse<String> response = a.get("/api/v1/partners?framework=NATO");

        // Then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("parameter").asText()).isEqualTo("framework");
        assertThat(a.server.counters().forwardedQueries()).isZero();
        assertThat(a.views.reads()).isZero();
    }
}

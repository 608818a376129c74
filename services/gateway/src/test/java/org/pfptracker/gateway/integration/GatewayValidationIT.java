package org.pfptracker.gateway.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.pfptracker.testsupport.http.ApiClient.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * Every kind of refusal, over HTTP against a gateway on a real broker: the status, a problem body, and
 * each field at fault named.
 */
@WithKafka
class GatewayValidationIT {

    private static final int BODY_LIMIT = 4096;

    private static GatewayService gateway;
    private static ApiClient client;
    private static Settings settings;
    private static String host;
    private static String guest;

    @BeforeAll
    static void startTheGatewayWithTwoPartners(KafkaTestCluster kafka) {
        settings = TestSystem.shared(kafka).settings("gateway.http.port", "0",
                "gateway.http.max.body.bytes", Integer.toString(BODY_LIMIT));
        gateway = GatewayService.start(settings);
        client = ApiClient.onPort(gateway.httpPort()).withAuthorization(TestTokens.writer());
        await().atMost(Duration.ofSeconds(30)).until(gateway::isReady);
        host = join("georgia");
        guest = join("armenia");
    }

    @AfterAll
    static void stopTheGateway() {
        gateway.close();
    }

    @Test
    void shouldAnswer422NamingAnUnknownAreaAndListingTheAllowedOnes() {
        HttpResponse<String> response = client.post(activities(host), json("{'title': 'Seminar', 'area': 'DEFENSE'}"));

        assertThat(errorsOf(response, 422)).singleElement().satisfies(error -> {
            assertThat(error.get("field").asText()).isEqualTo("area");
            assertThat(error.get("message").asText()).contains("'DEFENSE'", "DEFENCE_REFORM", "CIVIL_EMERGENCY_PLANNING");
        });
        assertThat(ApiClient.json(response).get("type").asText()).isEqualTo("urn:pfp-tracker:problem:invalid-command");
    }

    @Test
    void shouldAnswer422NamingAnUnknownFrameworkAndListingTheAllowedOnes() {
        HttpResponse<String> response = client.post("/api/v1/partners", json("{'partnerId': '" + UniqueNames.of("x")
                + "', 'name': 'X', 'framework': 'PARTNERSHIP', 'joinedOn': '2024-01-01'}"));

        assertThat(errorsOf(response, 422)).singleElement().satisfies(error -> {
            assertThat(error.get("field").asText()).isEqualTo("framework");
            assertThat(error.get("message").asText()).contains("MEDITERRANEAN_DIALOGUE", "GLOBAL_PARTNER");
        });
    }

    @Test
    void shouldAnswer422NamingAnUnknownStatusAndListingTheAllowedOnes() {
        HttpResponse<String> response = client.post("/api/v1/partners/" + host + "/status-changes",
                json("{'status': 'PAUSED', 'effectiveOn': '2024-01-01'}"));

        assertThat(errorsOf(response, 422)).singleElement().satisfies(error -> {
            assertThat(error.get("field").asText()).isEqualTo("status");
            assertThat(error.get("message").asText()).contains("SUSPENDED", "BECAME_ALLY", "'PAUSED'");
        });
    }

    @Test
    void shouldAnswer422NamingAnUnknownProgrammeTypeAndListingTheAllowedOnes() {
        HttpResponse<String> response = client.post("/api/v1/partners/" + host + "/programmes", json(
                "{'programmeType': 'MAP', 'periodStart': '2024-01-01', 'periodEnd': '2025-12-31', 'objectives': ["
                        + "{'objectiveId': 'o1', 'description': 'x', 'area': 'DEFENCE_REFORM', 'targetDate': '2025-01-01'}]}"));

        assertThat(errorsOf(response, 422)).singleElement().satisfies(error -> {
            assertThat(error.get("field").asText()).isEqualTo("programmeType");
            assertThat(error.get("message").asText()).contains("[IPCP, IPAP, PARP, ITPP]");
        });
    }

    @Test
    void shouldAnswer422WhenAnExerciseEndsBeforeItStarts() {
        HttpResponse<String> response = client.post(exercises(host), json("{'name': 'Longbow', "
                + "'participantPartnerIds': ['" + host + "'], 'startsOn': '2024-09-06', 'endsOn': '2024-09-02'}"));

        assertThat(errorsOf(response, 422)).singleElement().satisfies(error -> {
            assertThat(error.get("field").asText()).isEqualTo("endsOn");
            assertThat(error.get("message").asText()).contains("before startsOn");
        });
    }

    @Test
    void shouldAnswer422WhenAnObjectivesTargetDateIsOutsideTheProgrammesPeriod() {
        HttpResponse<String> response = client.post("/api/v1/partners/" + host + "/programmes", json(
                "{'programmeType': 'PARP', 'periodStart': '2024-01-01', 'periodEnd': '2025-12-31', 'objectives': ["
                        + "{'objectiveId': 'o1', 'description': 'x', 'area': 'DEFENCE_REFORM', 'targetDate': '2025-01-01'},"
                        + "{'objectiveId': 'o2', 'description': 'y', 'area': 'DEFENCE_REFORM', 'targetDate': '2023-12-31'}]}"));

        assertThat(errorsOf(response, 422)).singleElement().satisfies(error -> {
            assertThat(error.get("field").asText()).isEqualTo("objectives[1].targetDate");
            assertThat(error.get("message").asText()).contains("2024-01-01 to 2025-12-31");
        });
    }

    @Test
    void shouldAnswer422ForAnExerciseWithNoParticipants() {
        HttpResponse<String> response = client.post(exercises(host), json(
                "{'name': 'Longbow', 'participantPartnerIds': [], 'startsOn': '2024-09-02', 'endsOn': '2024-09-06'}"));

        assertThat(errorsOf(response, 422)).singleElement().satisfies(error -> {
            assertThat(error.get("field").asText()).isEqualTo("participantPartnerIds");
            assertThat(error.get("message").asText()).contains("at least one");
        });
    }

    @Test
    void shouldAnswer422NamingEachParticipantThatIsNotAKnownPartner() {
        HttpResponse<String> response = client.post(exercises(host), json("{'name': 'Longbow', "
                + "'participantPartnerIds': ['" + host + "', 'atlantis', '" + guest + "', 'lemuria'], "
                + "'startsOn': '2024-09-02', 'endsOn': '2024-09-06'}"));

        assertThat(fields(errorsOf(response, 422)))
                .containsExactly("participantPartnerIds[1]", "participantPartnerIds[3]");
    }

    @Test
    void shouldAnswer404ForACommandAboutAPartnerThatHasNotJoined() {
        HttpResponse<String> response = client.post(activities("atlantis"),
                json("{'title': 'Seminar', 'area': 'DEFENCE_REFORM'}"));

        assertProblem(response, 404, "urn:pfp-tracker:problem:unknown-partner");
        assertThat(ApiClient.json(response).get("detail").asText()).contains("'atlantis'");
    }

    @Test
    void shouldAnswer422NamingEveryBlankOrMissingRequiredFieldAtOnce() {
        HttpResponse<String> response = client.post(exercises(host),
                json("{'name': '  ', 'participantPartnerIds': ['" + host + "'], 'startsOn': ''}"));

        assertThat(fields(errorsOf(response, 422))).containsExactlyInAnyOrder("name", "startsOn", "endsOn");
    }

    @Test
    void shouldAnswer422NamingAFieldTheCommandDoesNotHave() {
        HttpResponse<String> response = client.post(activities(host),
                json("{'title': 'Seminar', 'area': 'DEFENCE_REFORM', 'plannedStrat': '2024-09-01'}"));

        assertThat(errorsOf(response, 422)).singleElement().satisfies(error -> {
            assertThat(error.get("field").asText()).isEqualTo("plannedStrat");
            assertThat(error.get("message").asText()).contains("plannedStart");
        });
    }

    @Test
    void shouldAnswer422NotA500ForAnEventTimeKafkaCannotStampAndForDatesOutsideTheRange() {
        // Given: before 1970 an event time is no Kafka record timestamp (the publisher refused it: a 500)
        String body = json("{'title': 'Seminar', 'area': 'DEFENCE_REFORM', 'occurredAt': '1969-07-20T20:17:40Z', "
                + "'plannedStart': '+999999999-12-31'}");

        // When
        HttpResponse<String> response = client.post(activities(host), body);

        // Then: both named, and the date no longer wrapped into year 466210 by Avro's int of days
        assertThat(fields(errorsOf(response, 422))).containsExactlyInAnyOrder("occurredAt", "plannedStart");
    }

    @Test
    void shouldAnswer422NamingATitleThatReadsBackwardsOrShowsNothing() {
        HttpResponse<String> backwards = client.post(activities(host),
                json("{'title': 'Seminar \u202Eexe.gnp', 'area': 'DEFENCE_REFORM'}"));
        HttpResponse<String> invisible = client.post(activities(host),
                json("{'title': '\u200B\u200B\u200B', 'area': 'DEFENCE_REFORM'}"));

        assertThat(errorsOf(backwards, 422)).singleElement().satisfies(error -> {
            assertThat(error.get("field").asText()).isEqualTo("title");
            assertThat(error.get("message").asText()).contains("bidirectional control U+202E");
        });
        assertThat(errorsOf(invisible, 422)).singleElement().satisfies(error -> {
            assertThat(error.get("field").asText()).isEqualTo("title");
            assertThat(error.get("message").asText()).isEqualTo("must not be blank");
        });
    }

    @Test
    void shouldAnswer413ForABodyOverTheLimitWhetherItsLengthIsDeclaredOrNot() throws Exception {
        String huge = json("{'title': '" + "x".repeat(BODY_LIMIT) + "', 'area': 'DEFENCE_REFORM'}");

        HttpResponse<String> declared = client.post(activities(host), huge);
        HttpResponse<String> chunked = client.postStreamed(activities(host),
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge.getBytes())));

        assertProblem(declared, 413, "urn:pfp-tracker:problem:body-too-large");
        assertProblem(chunked, 413, "urn:pfp-tracker:problem:body-too-large");
        assertThat(ApiClient.json(declared).get("detail").asText()).contains(Integer.toString(BODY_LIMIT));
    }

    @Test
    void shouldAnswer400SayingWhereTheJsonIsMalformed() {
        HttpResponse<String> response = client.post(activities(host), "{\n  \"title\": \"Seminar\",\n  \"area\" DEFENCE\n}");

        assertProblem(response, 400, "urn:pfp-tracker:problem:malformed-request");
        assertThat(ApiClient.json(response).get("detail").asText()).contains("line 3, column");
    }

    @Test
    void shouldAnswer415ForABodyThatIsNotJson() {
        HttpResponse<String> response = client.send("POST", activities(host), "title=Seminar&area=DEFENCE_REFORM",
                "application/x-www-form-urlencoded");

        assertProblem(response, 415, "urn:pfp-tracker:problem:unsupported-media-type");
        assertThat(ApiClient.json(response).get("detail").asText()).contains("application/json");
    }

    @Test
    void shouldAnswer400NamingAMalformedIdInThePath() {
        HttpResponse<String> response = client.post("/api/v1/partners/" + host + "/activities/has%20space/approval", null);

        assertThat(fields(errorsOf(response, 400))).containsExactly("activityId");
    }

    @Test
    void shouldAnswer409WhenAPartnerThatHasJoinedJoinsAgain() {
        HttpResponse<String> response = client.post("/api/v1/partners", json("{'partnerId': '" + host
                + "', 'name': 'Georgia', 'framework': 'EURO_ATLANTIC_PARTNERSHIP', 'joinedOn': '1994-03-23'}"));

        assertProblem(response, 409, "urn:pfp-tracker:problem:partner-already-joined");
    }

    @Test
    void shouldAnswerAnUnknownRouteAndAWrongMethodWithProblems() {
        assertProblem(client.get("/api/v1/partnerz"), 404, "about:blank");
        assertProblem(client.get(activities(host)), 405, "about:blank");
    }

    @Test
    void shouldPublishNothingForARefusedCommand() {
        try (EventReader reader = new EventReader(settings)) {
            // Given
            long before = reader.endOffsetSum(Topics.EXERCISES);

            // When
            HttpResponse<String> response = client.post(exercises(host), json("{'name': 'Longbow', "
                    + "'participantPartnerIds': ['atlantis'], 'startsOn': '2024-09-02', 'endsOn': '2024-09-06'}"));

            // Then
            assertThat(response.statusCode()).isEqualTo(422);
            assertThat(reader.endOffsetSum(Topics.EXERCISES)).isEqualTo(before);
        }
    }

    private static String join(String name) {
        String partnerId = UniqueNames.of(name);
        HttpResponse<String> response = client.post("/api/v1/partners", json("{'partnerId': '" + partnerId
                + "', 'name': '" + name + "', 'framework': 'EURO_ATLANTIC_PARTNERSHIP', 'joinedOn': '1994-03-23'}"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return partnerId;
    }

    private static String activities(String partnerId) {
        return "/api/v1/partners/" + partnerId + "/activities";
    }

    private static String exercises(String partnerId) {
        return "/api/v1/partners/" + partnerId + "/exercises";
    }

    private static void assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                contentType -> assertThat(contentType).startsWith("application/problem+json"));
        JsonNode problem = ApiClient.json(response);
        assertThat(problem.get("type").asText()).isEqualTo(type);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asText()).isNotBlank();
    }

    private static List<JsonNode> errorsOf(HttpResponse<String> response, int status) {
        assertProblem(response, status, ApiClient.json(response).get("type").asText());
        List<JsonNode> errors = new ArrayList<>();
        ApiClient.json(response).get("errors").forEach(errors::add);
        return errors;
    }

    private static List<String> fields(List<JsonNode> errors) {
        return errors.stream().map(error -> error.get("field").asText()).toList();
    }
}

package org.pfptracker.gateway.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.pfptracker.testsupport.http.ApiClient.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pfptracker.core.config.Settings;
import org.pfptracker.event.ActivityProposed;
import org.pfptracker.event.AreaOfCooperation;
import org.pfptracker.event.EventMetadata;
import org.pfptracker.event.PartnerJoined;
import org.pfptracker.gateway.GatewayService;
import org.pfptracker.gateway.support.EventReader;
import org.pfptracker.kafka.junit.KafkaTestCluster;
import org.pfptracker.kafka.junit.UniqueNames;
import org.pfptracker.kafka.junit.WithKafka;
import org.pfptracker.platform.event.Events;
import org.pfptracker.platform.topic.Topics;
import org.pfptracker.publisher.EventPublisher;
import org.pfptracker.testsupport.event.TestEvents;
import org.pfptracker.testsupport.http.ApiClient;
import org.pfptracker.testsupport.http.TestTokens;
import org.pfptracker.testsupport.system.TestSystem;

/** The 202 contract on a real broker: what the client is told is what Kafka holds. */
@WithKafka
class GatewayPublishingIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

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
    void shouldAnswer202WithWhereKafkaHoldsTheEventItsKeyFieldsAndTraceparent() {
        // Given
        String partner = join("georgia");

        // When
        HttpResponse<String> response = client.post("/api/v1/partners/" + partner + "/activities", json(
                "{'activityId': 'pcm-2024-017', 'title': 'Staff course', 'area': 'EDUCATION_AND_TRAINING', "
                        + "'plannedStart': '2024-09-02', 'occurredAt': '2024-05-01T08:00:00Z', 'correlationId': 'c-42'}"),
                "traceparent", TRACEPARENT);

        // Then
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode accepted = ApiClient.json(response);
        ConsumerRecord<String, SpecificRecord> record = events.at(accepted.get("topic").asText(),
                accepted.get("partition").asInt(), accepted.get("offset").asLong());
        assertThat(record.topic()).isEqualTo(Topics.ACTIVITIES);
        assertThat(record.key()).isEqualTo(partner);
        assertThat(record.timestamp()).isEqualTo(Instant.parse("2024-05-01T08:00:00Z").toEpochMilli());
        assertThat(new String(record.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8))
                .isEqualTo(TRACEPARENT);
        assertThat(record.value()).isInstanceOfSatisfying(ActivityProposed.class, event -> {
            assertThat(event.getActivityId()).isEqualTo("pcm-2024-017");
            assertThat(event.getTitle()).isEqualTo("Staff course");
            assertThat(event.getArea()).isEqualTo(AreaOfCooperation.EDUCATION_AND_TRAINING);
            assertThat(event.getPlannedStart()).isEqualTo(LocalDate.of(2024, 9, 2));
            EventMetadata metadata = event.getMetadata();
            assertThat(metadata.getEventId().toString()).isEqualTo(accepted.get("eventId").asText());
            assertThat(metadata.getPartnerId()).isEqualTo(partner);
            // The source is the client of the caller's token, not the gateway's name nor anything in the body.
            assertThat(metadata.getSource()).isEqualTo(TestTokens.WRITER_CLIENT);
            assertThat(metadata.getCorrelationId()).isEqualTo("c-42");
            assertThat(metadata.getOccurredAt()).isEqualTo(Instant.parse("2024-05-01T08:00:00Z"));
        });
        assertThat(accepted.get("eventType").asText()).isEqualTo("ActivityProposed");
        assertThat(accepted.get("activityId").asText()).isEqualTo("pcm-2024-017");
    }

    @Test
    void shouldPublishEachCommandAsItsEventOnItsTopicKeyedByThePartner() {
        // Given
        String partner = join("moldova");
        String guest = join("armenia");
        String base = "/api/v1/partners/" + partner;
        Map<String, HttpResponse<String>> responses = new LinkedHashMap<>();

        // When every command is sent once
        responses.put("PrioritiesChosen", client.put(base + "/priorities", json(
                "{'priorities': ['DISASTER_RESPONSE', 'DEFENCE_REFORM'], 'targetCompletedActivitiesPerYear': 12}")));
        responses.put("PartnerStatusChanged", client.post(base + "/status-changes", json(
                "{'status': 'SUSPENDED', 'effectiveOn': '2024-02-01', 'reason': 'Paused by the partner'}")));
        responses.put("ActivityProposed", client.post(base + "/activities", json(
                "{'activityId': 'a1', 'title': 'Seminar', 'area': 'DEFENCE_REFORM'}")));
        responses.put("ActivityApproved", client.post(base + "/activities/a1/approval", null));
        responses.put("ActivityCompleted", client.post(base + "/activities/a1/completion", json(
                "{'feedbackReport': 'Went well'}")));
        responses.put("ActivityCancelled", client.post(base + "/activities/a2/cancellation", json(
                "{'reason': 'Venue unavailable'}")));
        responses.put("ExerciseScheduled", client.post(base + "/exercises", json("{'exerciseId': 'e1', "
                + "'name': 'Longbow', 'participantPartnerIds': ['" + partner + "', '" + guest + "'], "
                + "'startsOn': '2024-09-02', 'endsOn': '2024-09-06'}")));
        responses.put("ExerciseConducted", client.post(base + "/exercises/e1/conduct", json(
                "{'participantPartnerIds': ['" + guest + "']}")));
        responses.put("ExerciseCancelled", client.post(base + "/exercises/e2/cancellation", json(
                "{'reason': 'Storm'}")));
        responses.put("ProgrammeAgreed", client.post(base + "/programmes", json("{'programmeId': 'p1', "
                + "'programmeType': 'ITPP', 'periodStart': '2024-01-01', 'periodEnd': '2025-12-31', 'objectives': ["
                + "{'objectiveId': 'o1', 'description': 'x', 'area': 'DEFENCE_REFORM', 'targetDate': '2025-01-01'}]}")));
        responses.put("ObjectiveAchieved", client.post(base + "/programmes/p1/objectives/o1/achievement", null));
        responses.put("ProgrammeAssessed", client.post(base + "/programmes/p1/assessments", json(
                "{'rating': 'ON_TRACK', 'summary': 'On track'}")));

        // Then each is in Kafka as the event the 202 names, keyed by the partner
        responses.forEach((eventType, response) -> {
            assertThat(response.statusCode()).as("%s: %s", eventType, response.body()).isEqualTo(202);
            JsonNode accepted = ApiClient.json(response);
            ConsumerRecord<String, SpecificRecord> record = events.at(accepted.get("topic").asText(),
                    accepted.get("partition").asInt(), accepted.get("offset").asLong());
            assertThat(record.value().getSchema().getName()).isEqualTo(eventType);
            assertThat(record.key()).as(eventType).isEqualTo(partner);
            assertThat(Events.metadataOf(record.value()).getEventId().toString()).isEqualTo(accepted.get("eventId").asText());
            assertThat(record.headers().lastHeader("traceparent")).as("no traceparent sent, none passed on").isNull();
        });
    }

    @Test
    void shouldAcceptCommandsAboutAPartnerAsSoonAsItsJoinIsAccepted() {
        // Given a partner joined through the gateway a moment ago
        String partner = join("ukraine");

        // When, without waiting, a command about it, and an exercise it takes part in, are sent
        HttpResponse<String> proposal = client.post("/api/v1/partners/" + partner + "/activities",
                json("{'title': 'Seminar', 'area': 'DEFENCE_REFORM'}"));
        String host = join("sweden");
        HttpResponse<String> exercise = client.post("/api/v1/partners/" + host + "/exercises", json("{'name': 'Longbow', "
                + "'participantPartnerIds': ['" + host + "', '" + partner + "'], 'startsOn': '2024-09-02', "
                + "'endsOn': '2024-09-06'}"));

        // Then both are accepted
        assertThat(proposal.statusCode()).as(proposal.body()).isEqualTo(202);
        assertThat(exercise.statusCode()).as(exercise.body()).isEqualTo(202);
    }

    @Test
    void shouldBeReadyOnlyWithThePartnersThatJoinedBeforeItStartedAndLearnLaterOnes() throws Exception {
        // Given a partner that joined through another publisher, before a second gateway starts
        String before = UniqueNames.of("finland");
        String after = UniqueNames.of("austria");
        try (EventPublisher publisher = EventPublisher.create(settings)) {
            publisher.publish(joined(before)).get();

            // When
            try (GatewayService second = GatewayService.start(settings)) {
                ApiClient secondClient = ApiClient.onPort(second.httpPort()).withAuthorization(TestTokens.writer());
                await().atMost(PATIENCE).until(second::isReady);

                // Then it is ready, knowing the partner
                assertThat(secondClient.get("/health/ready").statusCode()).isEqualTo(200);
                assertThat(secondClient.post("/api/v1/partners/" + before + "/activities",
                        json("{'title': 'Seminar', 'area': 'DEFENCE_REFORM'}")).statusCode()).isEqualTo(202);

                // And a partner joining elsewhere later becomes known to it too
                publisher.publish(joined(after)).get();
                await().atMost(PATIENCE).untilAsserted(() -> assertThat(secondClient.post(
                        "/api/v1/partners/" + after + "/activities",
                        json("{'title': 'Seminar', 'area': 'DEFENCE_REFORM'}")).statusCode()).isEqualTo(202));
            }
        }
    }

    private static String join(String name) {
        String partnerId = UniqueNames.of(name);
        HttpResponse<String> response = client.post("/api/v1/partners", json("{'partnerId': '" + partnerId
                + "', 'name': '" + name + "', 'framework': 'EURO_ATLANTIC_PARTNERSHIP', 'joinedOn': '1994-03-23'}"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return partnerId;
    }

    private static PartnerJoined joined(String partnerId) {
        LocalDate joinedOn = LocalDate.of(1995, 2, 10);
        return TestEvents.joined(TestEvents.metadata(partnerId, joinedOn.atStartOfDay().toInstant(ZoneOffset.UTC),
                UUID.randomUUID(), "another-publisher"), partnerId, joinedOn);
    }
}

package org.pfptracker.tracker.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.pfptracker.event.AreaOfCooperation.CIVIL_EMERGENCY_PLANNING;
import static org.pfptracker.event.AreaOfCooperation.DEFENCE_REFORM;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pfptracker.core.config.Settings;
import org.pfptracker.event.ActivityProposed;
import org.pfptracker.kafka.junit.KafkaTestCluster;
import org.pfptracker.kafka.junit.UniqueNames;
import org.pfptracker.kafka.junit.WithKafka;
import org.pfptracker.platform.config.KafkaSettings;
import org.pfptracker.platform.serde.EventSerdes;
import org.pfptracker.platform.topic.Topics;
import org.pfptracker.publisher.EventPublisher;
import org.pfptracker.signal.ObjectiveBecameOverdue;
import org.pfptracker.signal.PacePhase;
import org.pfptracker.signal.PacePhaseChanged;
import org.pfptracker.testsupport.event.TestEvents;
import org.pfptracker.testsupport.http.ApiClient;
import org.pfptracker.testsupport.http.TestTokens;
import org.pfptracker.testsupport.system.TestSystem;
import org.pfptracker.tracker.TrackerService;

/**
 * The first slice, end to end through real parts: Avro events published through the real publisher,
 * schemas in the real registry, a real KRaft broker, the tracker's Streams app with exactly-once, and
 * the view read over HTTP.
 */
@WithKafka
class TrackerEndToEndIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static TestSystem system;
    private static ApiClient staff;
    private static TrackerService tracker;
    private static EventPublisher publisher;
    private static Settings settings;

    @BeforeAll
    static void startTheSystem(KafkaTestCluster kafka, @TempDir Path stateDir) {
        system = TestSystem.start(kafka);
        settings = system.settings(
                "tracker.application.id", UniqueNames.of("tracker"),
                "tracker.http.port", "0",
                "tracker.state.dir", stateDir.toString());
        tracker = TrackerService.start(settings);
        staff = ApiClient.onPort(tracker.httpPort()).withAuthorization(TestTokens.staff());
        publisher = EventPublisher.create(settings);
    }

    @AfterAll
    static void stopTheSystem() {
        publisher.close();
        tracker.close();
        system.close();
    }

    @Test
    void shouldServeAPartnersViewBuiltFromAvroEventsOnTheBroker() throws Exception {
        // Given
        String partner = UniqueNames.of("georgia");
        Instant t0 = Instant.parse("2024-05-01T08:00:00Z");
        ActivityProposed proposal = TestEvents.proposed(partner, "a1", DEFENCE_REFORM, t0.plusSeconds(60));

        // When
        publisher.publish(TestEvents.joined(partner, "Georgia", LocalDate.of(1994, 3, 23), t0)).get();
        publisher.publish(proposal).get();
        publisher.publish(proposal).get(); // an at-least-once upstream delivering twice
        publisher.publish(TestEvents.proposed(partner, "a2", CIVIL_EMERGENCY_PLANNING, t0.plusSeconds(120))).get();

        // Then
        await().atMost(PATIENCE).untilAsserted(() -> {
            HttpResponse<String> response = get("/api/v1/partners/" + partner);
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode view = JSON.readTree(response.body());
            assertThat(view.at("/profile/name").asText()).isEqualTo("Georgia");
            assertThat(view.at("/profile/framework").asText()).isEqualTo("EURO_ATLANTIC_PARTNERSHIP");
            assertThat(view.at("/profile/joinedOn").asText()).isEqualTo("1994-03-23");
            assertThat(view.at("/activities/total").asInt()).isEqualTo(2);
            assertThat(view.at("/activities/byState/PROPOSED").asInt()).isEqualTo(2);
            assertThat(view.at("/activities/byArea/DEFENCE_REFORM/PROPOSED").asInt()).isEqualTo(1);
            assertThat(view.at("/activities/byArea/CIVIL_EMERGENCY_PLANNING/PROPOSED").asInt()).isEqualTo(1);
            assertThat(view.at("/freshness/lastEventAt").asText()).isEqualTo("2024-05-01T08:02:00Z");
            assertThat(view.at("/freshness/eventsApplied").asInt()).isEqualTo(3);
        });
    }

    @Test
    void shouldAnswer404WithAProblemBodyForAnUnknownPartner() throws Exception {
        await().atMost(PATIENCE).untilAsserted(() -> {
            HttpResponse<String> response = get("/api/v1/partners/atlantis");
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(JSON.readTree(response.body()).get("detail").asText()).contains("atlantis");
        });
    }

    @Test
    void shouldAnswer400NamingThePartnerIdWhenItIsMalformed() throws Exception {
        HttpResponse<String> response = get("/api/v1/partners/Not_An_Id");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("detail").asText()).contains("partnerId");
    }

    @Test
    void shouldDeadLetterAPoisonRecordWithItsOriginAndKeepApplyingEvents(KafkaTestCluster kafka) throws Exception {
        // Given
        String partner = UniqueNames.of("austria");
        byte[] poison = "{\"not\": \"avro\"}".getBytes(StandardCharsets.UTF_8);
        long poisonOffset;
        try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(Map.of(
                "bootstrap.servers", kafka.bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            poisonOffset = raw.send(new ProducerRecord<>(Topics.ACTIVITIES, partner, poison)).get().offset();
        }

        // When
        publisher.publish(TestEvents.joined(partner, "Austria", java.time.LocalDate.of(1995, 2, 10),
                Instant.parse("1995-02-10T00:00:00Z"))).get();
        publisher.publish(TestEvents.proposed(partner, "a1", DEFENCE_REFORM, Instant.parse("2024-06-01T00:00:00Z"))).get();

        // Then: the stream went past the poison record
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(JSON.readTree(get("/api/v1/partners/" + partner).body())
                        .at("/activities/byState/PROPOSED").asInt()).isEqualTo(1));
        // and the poison record is in the dead-letter topic, untouched, with where it came from
        ConsumerRecord<byte[], byte[]> letter = deadLetterFor(kafka, partner);
        assertThat(letter.value()).isEqualTo(poison);
        assertThat(header(letter, "__streams.errors.topic")).isEqualTo(Topics.ACTIVITIES);
        assertThat(header(letter, "__streams.errors.offset")).isEqualTo(Long.toString(poisonOffset));
        assertThat(header(letter, "__streams.errors.message")).containsIgnoringCase("magic");
    }

    @Test
    void shouldPublishTheViewAndItsSignalsAsAvroRecordsOtherSystemsCanReadAsATable() throws Exception {
        // Given: a partner whose programme objective was due long ago and never achieved, with a pace chosen
        String partner = UniqueNames.of("armenia");
        Instant t0 = Instant.parse("2020-01-10T00:00:00Z");

        // When
        publisher.publish(TestEvents.joined(partner, "Armenia", LocalDate.of(1994, 10, 5), t0)).get();
        publisher.publish(TestEvents.priorities(partner, 4, t0.plusSeconds(1), DEFENCE_REFORM)).get();
        publisher.publish(TestEvents.programme(partner, "ipap-2020", LocalDate.of(2020, 1, 1), LocalDate.of(2021, 12, 31),
                t0.plusSeconds(2), TestEvents.objective("o1", LocalDate.of(2020, 6, 30)))).get();

        // Then: the views topic holds its view (Avro, through the registry), read committed, as a consumer of the
        // table would; and the signals topic announced its first pace phase and the overdue objective
        try (KafkaConsumer<String, SpecificRecord> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.get(KafkaSettings.BOOTSTRAP_SERVERS),
                ConsumerConfig.GROUP_ID_CONFIG, UniqueNames.of("views-reader"),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), EventSerdes.eventValues(settings).deserializer())) {
            consumer.subscribe(List.of(Topics.PARTNER_VIEWS, Topics.PARTNER_SIGNALS));
            List<SpecificRecord> found = new ArrayList<>();
            await().atMost(PATIENCE).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (partner.equals(record.key())) {
                        found.add(record.value());
                    }
                });
                return found.stream().anyMatch(org.pfptracker.view.PartnerView.class::isInstance)
                        && found.stream().anyMatch(ObjectiveBecameOverdue.class::isInstance)
                        && found.stream().anyMatch(PacePhaseChanged.class::isInstance);
            });
            org.pfptracker.view.PartnerView view = found.stream().filter(org.pfptracker.view.PartnerView.class::isInstance)
                    .map(org.pfptracker.view.PartnerView.class::cast).reduce((first, second) -> second).orElseThrow();
            assertThat(view.getProfile().getName()).isEqualTo("Armenia");
            assertThat(view.getProgrammes()).singleElement().satisfies(programme -> assertThat(programme.getOverdue()).isEqualTo(1));
            assertThat(found.stream().filter(ObjectiveBecameOverdue.class::isInstance).map(ObjectiveBecameOverdue.class::cast))
                    .singleElement().satisfies(overdue -> assertThat(overdue.getObjectiveId()).isEqualTo("o1"));
            assertThat(found.stream().filter(PacePhaseChanged.class::isInstance).map(PacePhaseChanged.class::cast))
                    .singleElement().satisfies(change -> assertThat(change.getTo()).isEqualTo(PacePhase.STALLED));
        }
    }

    private static ConsumerRecord<byte[], byte[]> deadLetterFor(KafkaTestCluster kafka, String partner) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, UniqueNames.of("dlq-reader"),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.TRACKER_DEAD_LETTERS));
            List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
            await().atMost(PATIENCE).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (record.key() != null && partner.equals(new String(record.key(), StandardCharsets.UTF_8))) {
                        found.add(record);
                    }
                });
                return !found.isEmpty();
            });
            assertThat(found).hasSize(1);
            return found.get(0);
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> get(String path) {
        return staff.get(path);
    }
}

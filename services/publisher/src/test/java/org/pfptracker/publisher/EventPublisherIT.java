package org.pfptracker.publisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pfptracker.core.config.Settings;
import org.pfptracker.event.ActivityProposed;
import org.pfptracker.event.AreaOfCooperation;
import org.pfptracker.kafka.junit.KafkaTestCluster;
import org.pfptracker.kafka.junit.UniqueNames;
import org.pfptracker.kafka.junit.WithKafka;
import org.pfptracker.platform.serde.EventSerdes;
import org.pfptracker.platform.topic.Topics;
import org.pfptracker.testsupport.event.TestEvents;
import org.pfptracker.testsupport.system.TestSystem;

@WithKafka
class EventPublisherIT {

    private static TestSystem system;
    private static Settings settings;
    private static EventPublisher publisher;

    @BeforeAll
    static void start(KafkaTestCluster kafka) {
        system = TestSystem.start(kafka);
        settings = system.settings();
        publisher = EventPublisher.create(settings);
    }

    @AfterAll
    static void stop() {
        publisher.close();
        system.close();
    }

    @Test
    void shouldKeepEachPartnersEventsInPublicationOrderOnOnePartition() throws Exception {
        // Given: two partners' events interleaved
        String armenia = UniqueNames.of("armenia");
        String moldova = UniqueNames.of("moldova");
        List<CompletableFuture<PublishReceipt>> receipts = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            receipts.add(publisher.publish(proposal(armenia, "a-" + i)));
            receipts.add(publisher.publish(proposal(moldova, "m-" + i)));
        }

        // When
        CompletableFuture.allOf(receipts.toArray(CompletableFuture[]::new)).get();

        // Then: each partner on a single partition, offsets increasing in publication order
        for (String partner : List.of(armenia, moldova)) {
            List<PublishReceipt> ofPartner = receipts.stream().map(CompletableFuture::join)
                    .filter(r -> r.topic().equals(Topics.ACTIVITIES))
                    .filter(r -> idsOf(partner).contains(r.eventId())).toList();
            assertThat(ofPartner).hasSize(50);
            assertThat(ofPartner).extracting(PublishReceipt::partition).containsOnly(ofPartner.get(0).partition());
            assertThat(ofPartner).extracting(PublishReceipt::offset).isSorted();
        }
        List<String> consumed = consume(Topics.ACTIVITIES, armenia, 50).stream()
                .map(r -> ((ActivityProposed) r.value()).getActivityId()).toList();
        assertThat(consumed).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 50).mapToObj(i -> "a-" + i).toList());
    }

    @Test
    void shouldPassTheTraceparentHeaderThrough() throws Exception {
        // Given
        String partner = UniqueNames.of("sweden");
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

        // When
        publisher.publish(proposal(partner, "t-1"), traceparent).get();

        // Then
        ConsumerRecord<String, SpecificRecord> record = consume(Topics.ACTIVITIES, partner, 1).get(0);
        assertThat(new String(record.headers().lastHeader(EventPublisher.TRACEPARENT_HEADER).value(),
                StandardCharsets.UTF_8)).isEqualTo(traceparent);
        assertThat(record.key()).isEqualTo(partner);
    }

    @Test
    void shouldRefuseARecordThatIsNotACatalogueEvent() {
        assertThatThrownBy(() -> publisher.publish(TestEvents.metadata("x", Instant.now())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an event of the pfp-tracker catalogue");
    }

    private final Map<String, List<String>> eventIds = new HashMap<>();

    private List<String> idsOf(String partner) {
        return eventIds.getOrDefault(partner, List.of());
    }

    private ActivityProposed proposal(String partner, String activityId) {
        ActivityProposed proposal = TestEvents.proposed(partner, activityId, AreaOfCooperation.EDUCATION_AND_TRAINING,
                Instant.now());
        eventIds.computeIfAbsent(partner, p -> new ArrayList<>()).add(proposal.getMetadata().getEventId().toString());
        return proposal;
    }

    private static List<ConsumerRecord<String, SpecificRecord>> consume(String topic, String partner, int expected) {
        Map<String, Object> config = new HashMap<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.asMap().get("kafka.bootstrap.servers"),
                ConsumerConfig.GROUP_ID_CONFIG, UniqueNames.of("reader"),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"));
        try (KafkaConsumer<String, SpecificRecord> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                EventSerdes.eventValues(settings).deserializer())) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, SpecificRecord>> found = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (partner.equals(r.key())) {
                        found.add(r);
                    }
                });
                return found.size() >= expected;
            });
            return found;
        }
    }
}

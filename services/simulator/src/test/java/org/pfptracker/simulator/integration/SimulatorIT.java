package org.pfptracker.simulator.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pfptracker.core.config.Settings;
import org.pfptracker.kafka.junit.KafkaTestCluster;
import org.pfptracker.kafka.junit.UniqueNames;
import org.pfptracker.kafka.junit.WithKafka;
import org.pfptracker.platform.event.EventCatalogue;
import org.pfptracker.platform.event.Events;
import org.pfptracker.platform.serde.EventSerdes;
import org.pfptracker.platform.topic.Topics;
import org.pfptracker.publisher.EventPublisher;
import org.pfptracker.simulator.BackfillResult;
import org.pfptracker.simulator.LivePace;
import org.pfptracker.simulator.LiveResult;
import org.pfptracker.simulator.SimulationPlan;
import org.pfptracker.simulator.Simulator;
import org.pfptracker.simulator.config.SimulatorSettings;
import org.pfptracker.simulator.history.HistoryGenerator;
import org.pfptracker.simulator.progress.ProgressListener;
import org.pfptracker.testsupport.system.TestSystem;

/**
 * The simulator on the real path: the publisher library, our registry and a real KRaft broker. The
 * events are read back with the same serdes the tracker uses.
 */
@WithKafka
class SimulatorIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static TestSystem system;
    private static Settings settings;
    private static EventPublisher publisher;

    @BeforeAll
    static void start(KafkaTestCluster kafka) {
        system = TestSystem.start(kafka);
        settings = SimulatorSettings.forThroughput(system.settings());
        publisher = EventPublisher.create(settings);
    }

    @AfterAll
    static void stop() {
        publisher.close();
        system.close();
    }

    @Test
    void shouldBackfillAPeriodSoThatEachPartnersEventsOnEachTopicAreInEventTimeOrder() {
        // Given half a year of history, with the facts since 1994 before it
        SimulationPlan plan = SimulationPlan.of(1001, LocalDate.of(2014, 1, 1), LocalDate.of(2014, 7, 1), 1);
        List<SpecificRecord> generated = new HistoryGenerator(plan).stream().toList();

        // When
        BackfillResult result = Simulator.create(publisher, plan, settings).backfill(ProgressListener.none());

        // Then: every event is on the broker once, and the count is the one reported
        List<ConsumerRecord<String, SpecificRecord>> consumed = consume(ids(generated));
        assertThat(result.events()).isEqualTo(generated.size());
        assertThat(consumed).hasSize(generated.size());
        // and each partner's events on each topic are in the order generated, which is event-time order
        Map<String, List<String>> consumedOrder = new LinkedHashMap<>();
        Map<String, List<Instant>> consumedTimes = new HashMap<>();
        for (ConsumerRecord<String, SpecificRecord> record : consumed) {
            String stream = record.topic() + "/" + record.key();
            consumedOrder.computeIfAbsent(stream, s -> new ArrayList<>()).add(idOf(record.value()));
            consumedTimes.computeIfAbsent(stream, s -> new ArrayList<>()).add(Events.metadataOf(record.value()).getOccurredAt());
            assertThat(record.key()).isEqualTo(Events.partnerIdOf(record.value()));
            assertThat(record.timestamp()).isEqualTo(Events.metadataOf(record.value()).getOccurredAt().toEpochMilli());
        }
        Map<String, List<String>> generatedOrder = new HashMap<>();
        for (SpecificRecord event : generated) {
            generatedOrder.computeIfAbsent(EventCatalogue.typeOf(event).topic() + "/" + Events.partnerIdOf(event),
                    s -> new ArrayList<>()).add(idOf(event));
        }
        assertThat(consumedOrder).isEqualTo(generatedOrder);
        assertThat(consumedTimes.values()).allSatisfy(times -> assertThat(times).isSorted());
        assertThat(consumedOrder.keySet()).contains(Topics.PARTNERS + "/ukraine", Topics.ACTIVITIES + "/ukraine",
                Topics.PROGRAMMES + "/ukraine");
    }

    @Test
    void shouldGoOnLiveAfterTheBackfillWithEventsHappeningNow() {
        // Given a backfilled fortnight
        SimulationPlan plan = SimulationPlan.of(1002, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 15), 0.5);
        Simulator simulator = Simulator.create(publisher, plan, settings);
        BackfillResult history = simulator.backfill(ProgressListener.none());

        // When it goes live for fifty events
        Instant started = Instant.now();
        LiveResult live = simulator.live(LivePace.perSecond(100).withMaxEvents(50), ProgressListener.none());
        Instant ended = Instant.now();

        // Then the next fifty events of the same history are on the broker, happening between start and end
        HistoryGenerator generator = new HistoryGenerator(plan);
        for (long i = 0; i < history.events(); i++) {
            generator.next();
        }
        List<String> liveIds = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            liveIds.add(idOf(generator.next()));
        }
        List<ConsumerRecord<String, SpecificRecord>> consumed = consume(Set.copyOf(liveIds));
        assertThat(live.events()).isEqualTo(50);
        assertThat(consumed).extracting(record -> idOf(record.value())).containsExactlyInAnyOrderElementsOf(liveIds);
        assertThat(consumed).allSatisfy(record -> assertThat(Events.metadataOf(record.value()).getOccurredAt())
                .isBetween(started.truncatedTo(java.time.temporal.ChronoUnit.MILLIS), ended)
                .isAfter(history.lastEventAt()));
        Map<String, List<Instant>> timesByStream = consumed.stream().collect(Collectors.groupingBy(
                record -> record.topic() + "/" + record.key(), LinkedHashMap::new,
                Collectors.mapping(record -> Events.metadataOf(record.value()).getOccurredAt(), Collectors.toList())));
        assertThat(timesByStream.values()).allSatisfy(times -> assertThat(times).isSorted());
    }

    /** Reads the event topics from the start until every wanted event has arrived; returns them in arrival order. */
    private static List<ConsumerRecord<String, SpecificRecord>> consume(Set<String> wanted) {
        Map<String, Object> config = new HashMap<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.asMap().get("kafka.bootstrap.servers"),
                ConsumerConfig.GROUP_ID_CONFIG, UniqueNames.of("simulator-reader"),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000));
        try (KafkaConsumer<String, SpecificRecord> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                EventSerdes.eventValues(settings).deserializer())) {
            consumer.subscribe(EventCatalogue.eventTopics());
            List<ConsumerRecord<String, SpecificRecord>> found = new ArrayList<>();
            await().atMost(PATIENCE).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                    if (wanted.contains(idOf(record.value()))) {
                        found.add(record);
                    }
                });
                return found.size() >= wanted.size();
            });
            // A duplicate would arrive with the rest: read what is left before counting
            consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                if (wanted.contains(idOf(record.value()))) {
                    found.add(record);
                }
            });
            return found;
        }
    }

    private static Set<String> ids(List<SpecificRecord> events) {
        return events.stream().map(SimulatorIT::idOf).collect(Collectors.toUnmodifiableSet());
    }

    private static String idOf(SpecificRecord event) {
        return Events.metadataOf(event).getEventId().toString();
    }
}

package org.pfptracker.tracker.support;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.pfptracker.platform.event.EventCatalogue;
import org.pfptracker.platform.event.Events;
import org.pfptracker.platform.topic.Topics;
import org.pfptracker.tracker.state.ExerciseParticipation;
import org.pfptracker.tracker.state.PartnerState;
import org.pfptracker.tracker.topology.DeadLetterDeserializationHandler;
import org.pfptracker.tracker.topology.DeadLetterProcessingHandler;
import org.pfptracker.tracker.topology.PartnerViewTopology;
import org.pfptracker.tracker.view.PartnerView;
import org.pfptracker.tracker.view.PartnerViews;

/**
 * The tracker's topology in a {@link TopologyTestDriver}: publish events as upstream systems would
 * (to their catalogue topic, keyed by partner), then read views the way the query API computes them.
 */
public final class TrackerDriver implements AutoCloseable {

    private final SelfDescribingEventSerde serde = new SelfDescribingEventSerde();
    private final TopologyTestDriver driver;
    private final TestOutputTopic<byte[], byte[]> deadLetters;

    public TrackerDriver() {
        this(Duration.ofDays(30));
    }

    public TrackerDriver(Duration deduplicationRetention) {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "tracker-driver");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        // Each driver its own state directory: test runs that overlap must not share RocksDB files.
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDirectory());
        config.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, Topics.TRACKER_DEAD_LETTERS);
        config.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterDeserializationHandler.class);
        config.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class);
        driver = new TopologyTestDriver(PartnerViewTopology.build(serde, deduplicationRetention), config);
        deadLetters = driver.createOutputTopic(Topics.TRACKER_DEAD_LETTERS, new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
    }

    private static String stateDirectory() {
        try {
            java.nio.file.Path directory = java.nio.file.Files.createTempDirectory("tracker-driver");
            directory.toFile().deleteOnExit();
            return directory.toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Publishes events as a publisher would: to their topic, keyed by their partner, timestamped by event time. */
    public TrackerDriver publish(SpecificRecord... events) {
        for (SpecificRecord event : events) {
            publishAs(Events.partnerIdOf(event), event);
        }
        return this;
    }

    /** Publishes one event under an explicit key (to test a mis-keyed event). */
    public void publishAs(String key, SpecificRecord event) {
        input(EventCatalogue.typeOf(event).topic())
                .pipeInput(key, event, Events.metadataOf(event).getOccurredAt());
    }

    /** Raw bytes on a topic: a record no deserializer can read. */
    public void publishRaw(String topic, String key, byte[] value) {
        driver.createInputTopic(topic, new StringSerializer(), new ByteArraySerializer()).pipeInput(key, value);
    }

    public PartnerState state(String partnerId) {
        KeyValueStore<String, PartnerState> store = driver.getKeyValueStore(PartnerViewTopology.PARTNER_STATE_STORE);
        return store.get(partnerId);
    }

    /** The view exactly as the query API computes it; {@code null} for an unknown partner. */
    public PartnerView view(String partnerId, LocalDate asOf) {
        PartnerState state = state(partnerId);
        return state == null ? null : PartnerViews.of(state, exercises(partnerId), asOf);
    }

    public List<ExerciseParticipation> exercises(String partnerId) {
        KeyValueStore<String, ExerciseParticipation> store =
                driver.getKeyValueStore(PartnerViewTopology.PARTNER_EXERCISES_STORE);
        List<ExerciseParticipation> result = new ArrayList<>();
        try (KeyValueIterator<String, ExerciseParticipation> scan =
                     store.prefixScan(PartnerViewTopology.entityPrefix(partnerId), Serdes.String().serializer())) {
            scan.forEachRemaining(entry -> result.add(entry.value));
        }
        return result;
    }

    public TestOutputTopic<byte[], byte[]> deadLetters() {
        return deadLetters;
    }

    private TestInputTopic<String, SpecificRecord> input(String topic) {
        return driver.createInputTopic(topic, new StringSerializer(), serde.serializer());
    }

    @Override
    public void close() {
        driver.close();
    }
}

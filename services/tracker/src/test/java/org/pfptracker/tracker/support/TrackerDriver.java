package org.pfptracker.tracker.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.pfptracker.platform.event.EventCatalogue;
import org.pfptracker.platform.event.Events;
import org.pfptracker.platform.serde.JsonSerde;
import org.pfptracker.platform.topic.Topics;
import org.pfptracker.tracker.state.MaterialisedView;
import org.pfptracker.tracker.state.PartnerReads;
import org.pfptracker.tracker.state.TrackerStore;
import org.pfptracker.tracker.topology.DeadLetterDeserializationHandler;
import org.pfptracker.tracker.topology.DeadLetterProcessingHandler;
import org.pfptracker.tracker.topology.PartnerViewTopology;
import org.pfptracker.tracker.topology.TrackerCounters;
import org.pfptracker.tracker.view.PartnerSummaryView;
import org.pfptracker.tracker.view.PartnerView;
import org.pfptracker.tracker.view.PartnerViewBuilder;
import org.pfptracker.tracker.view.ProgrammeView;

/**
 * The tracker's topology in a {@link TopologyTestDriver}: publish events as upstream systems would
 * (to their catalogue topic, keyed by partner), then read views the way the query API does: built as
 * of a date from the stores, or the materialised view of today.
 */
public final class TrackerDriver implements AutoCloseable {

    /** The driver's wall clock starts here unless told otherwise. */
    public static final Instant DEFAULT_WALL_CLOCK = Instant.parse("2024-01-01T12:00:00Z");

    private final SelfDescribingEventSerde serde = new SelfDescribingEventSerde();
    private final TrackerCounters counters = new TrackerCounters();
    private final TopologyTestDriver driver;
    private final TestOutputTopic<byte[], byte[]> deadLetters;
    private final TestOutputTopic<String, SpecificRecord> views;
    private final TestOutputTopic<String, SpecificRecord> signals;
    private final PartnerViewBuilder builder;

    public TrackerDriver() {
        this(DEFAULT_WALL_CLOCK);
    }

    public TrackerDriver(Instant wallClock) {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "tracker-driver");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        // Each driver its own state directory: test runs that overlap must not share RocksDB files.
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDirectory());
        config.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, Topics.TRACKER_DEAD_LETTERS);
        config.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterDeserializationHandler.class);
        config.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class);
        config.put(TrackerCounters.CONFIG_KEY, counters);
        driver = new TopologyTestDriver(PartnerViewTopology.build(serde, PartnerViewTopology.DEFAULT_VIEW_REFRESH,
                counters), config, wallClock);
        deadLetters = driver.createOutputTopic(Topics.TRACKER_DEAD_LETTERS, new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        views = driver.createOutputTopic(Topics.PARTNER_VIEWS, new StringDeserializer(), serde.deserializer());
        signals = driver.createOutputTopic(Topics.PARTNER_SIGNALS, new StringDeserializer(), serde.deserializer());
        builder = new PartnerViewBuilder(PartnerReads.from(new PartnerReads.Source() {
            @Override
            public <V> KeyValueStore<String, V> store(TrackerStore<V> store) {
                return driver.getKeyValueStore(store.name());
            }
        }));
    }

    private static String stateDirectory() {
        try {
            Path directory = Files.createTempDirectory("tracker-driver");
            directory.toFile().deleteOnExit();
            return directory.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
        publishTo(EventCatalogue.typeOf(event).topic(), key, event);
    }

    /** Publishes one event to an explicit topic (to test an event on a topic that does not carry its type). */
    public void publishTo(String topic, String key, SpecificRecord event) {
        input(topic).pipeInput(key, event, Events.metadataOf(event).getOccurredAt());
    }

    /** Raw bytes on a topic: a record no deserializer can read. */
    public void publishRaw(String topic, String key, byte[] value) {
        driver.createInputTopic(topic, new StringSerializer(), new ByteArraySerializer()).pipeInput(key, value);
    }

    /** Moves the wall clock on, running the view refreshes that fall due. */
    public void advanceWallClock(Duration duration) {
        driver.advanceWallClockTime(duration);
    }

    /** The view as the query API builds it for a date; {@code null} for a partner not joined by then. */
    public PartnerView view(String partnerId, LocalDate asOf) {
        return builder.view(partnerId, asOf).orElse(null);
    }

    /** The overview line as the query API builds it for a date; {@code null} for a partner not joined by then. */
    public PartnerSummaryView summary(String partnerId, LocalDate asOf) {
        return builder.view(partnerId, asOf).map(builder::summary).orElse(null);
    }

    /** The pace as the query API builds it for a date, with quarterly flows from the quarter of {@code from}. */
    public Optional<org.pfptracker.tracker.view.PaceView> pace(String partnerId, LocalDate asOf, LocalDate from) {
        return builder.pace(partnerId, asOf, from);
    }

    public Optional<ProgrammeView> programme(String partnerId, String programmeId, LocalDate asOf) {
        return builder.programme(partnerId, programmeId, asOf);
    }

    /** The materialised view, after the next refresh: what a query for today reads; {@code null} if none. */
    public PartnerView materialisedView(String partnerId) {
        advanceWallClock(PartnerViewTopology.DEFAULT_VIEW_REFRESH);
        KeyValueStore<String, MaterialisedView> views = driver.getKeyValueStore(TrackerStore.PARTNER_VIEWS.name());
        MaterialisedView stored = views.get(partnerId);
        if (stored == null) {
            return null;
        }
        try {
            return JsonSerde.mapper().readValue(stored.json(), PartnerView.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether any of the partner's stores holds anything about it. */
    public boolean hasFacts(String partnerId) {
        for (TrackerStore<?> store : TrackerStore.PARTNER_STORES) {
            KeyValueStore<String, ?> entries = driver.getKeyValueStore(store.name());
            if (entries.get(partnerId) != null) {
                return true;
            }
            try (var scan = entries.prefixScan(partnerId + "/", new StringSerializer())) {
                if (scan.hasNext()) {
                    return true;
                }
            }
        }
        return false;
    }

    public TrackerCounters counters() {
        return counters;
    }

    /** What the tracker wrote to the views topic (Avro PartnerView, keyed by partner id). */
    public TestOutputTopic<String, SpecificRecord> viewsTopic() {
        return views;
    }

    /** What the tracker wrote to the signals topic. */
    public TestOutputTopic<String, SpecificRecord> signalsTopic() {
        return signals;
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

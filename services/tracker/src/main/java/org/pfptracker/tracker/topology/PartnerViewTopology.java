package org.pfptracker.tracker.topology;

import java.time.Duration;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;
import org.pfptracker.platform.topic.Topics;
import org.pfptracker.tracker.state.ExerciseFacts;
import org.pfptracker.tracker.state.TrackerStore;

/**
 * The data flow that turns cooperation events into one materialised view per partner.
 *
 * <pre>
 *  pfp.exercises.v1 ─► exercise facts, in the host's task ─► the exercise's facts to each partner it names ─┐
 *   (key: host)        (exercise-facts)                       (repartition by partner id)                  │
 *  pfp.partners.v1   ─┐                                                                                    ▼
 *  pfp.activities.v1 ─┼────────────────────────────────────────────────────────────────────► partner processor
 *  pfp.programmes.v1 ─┘  (key: partner)        facts per entity, running totals by day and quarter ──► every
 *                                              {@code viewRefresh}: changed views ─► partner-views, partner-summaries
 *                                                                                  ─► pfp.partner-views.v1 (Avro)
 *                                              pace phase changes, objectives overdue ─► pfp.partner-signals.v1
 * </pre>
 *
 * <p>See {@link TrackerStore} for what each store holds.
 */
public final class PartnerViewTopology {

    /** How often changed views are materialised, by default: the longest a query waits to see an event. */
    public static final Duration DEFAULT_VIEW_REFRESH = Duration.ofMillis(50);

    private PartnerViewTopology() {
    }

    /**
     * @param eventSerde serde of the Avro events on the event topics
     * @param viewRefresh how often the views of partners whose facts changed are built again
     * @param counters where this instance counts what it did
     */
    public static Topology build(Serde<SpecificRecord> eventSerde, Duration viewRefresh, TrackerCounters counters) {
        StreamsBuilder builder = new StreamsBuilder();
        addStores(builder);

        // Exercises are published under their host's key, so each exercise's events meet in the host's
        // task; each partner named in it is then sent the exercise's facts under its own key.
        KStream<String, ExerciseFacts> exerciseNews = builder
                .stream(Topics.EXERCISES, Consumed.with(Serdes.String(), eventSerde))
                .process(() -> new ExerciseProcessor(counters), Named.as("exercise-processor"),
                        TrackerStore.EXERCISE_FACTS.name())
                .repartition(Repartitioned.<String, ExerciseFacts>as("exercise-news-by-partner")
                        .withKeySerde(Serdes.String()).withValueSerde(TrackerStore.EXERCISE_FACTS.valueSerde()));

        // A partner's own events share its key and partition count on every topic, so they meet the
        // exercise news (repartitioned to the same key) in one task with no further repartition.
        builder.stream(List.of(Topics.PARTNERS, Topics.ACTIVITIES, Topics.PROGRAMMES),
                        Consumed.with(Serdes.String(), eventSerde))
                .<PartnerInput>mapValues(PartnerInput.OwnEvent::new, Named.as("own-event"))
                .merge(exerciseNews.<PartnerInput>mapValues(PartnerInput.Exercise::new, Named.as("exercise-news")),
                        Named.as("partner-inputs"))
                .process(() -> new PartnerProcessor(viewRefresh, counters), Named.as("partner-processor"),
                        TrackerStore.names(TrackerStore.PARTNER_STORES))
                // Changed views to the compacted views topic, signals to theirs: one sink, the topic by record type.
                .to((partnerId, record, context) -> record instanceof org.pfptracker.view.PartnerView
                        ? Topics.PARTNER_VIEWS : Topics.PARTNER_SIGNALS,
                        Produced.<String, SpecificRecord>with(Serdes.String(), eventSerde).withName("views-and-signals"));

        return builder.build();
    }

    private static void addStores(StreamsBuilder builder) {
        for (TrackerStore<?> store : TrackerStore.PARTNER_STORES) {
            addStore(builder, store);
        }
        addStore(builder, TrackerStore.EXERCISE_FACTS);
    }

    private static <V> void addStore(StreamsBuilder builder, TrackerStore<V> store) {
        // Caching folds a busy partner's many updates of one key within a commit interval (its day's
        // totals, its quarter's) into one RocksDB write and one changelog record; queries read through it.
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(store.name()),
                Serdes.String(), store.valueSerde()).withCachingEnabled());
    }
}

package org.pfptracker.tracker.topology;

import java.time.Duration;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;
import org.pfptracker.platform.serde.JsonSerde;
import org.pfptracker.platform.topic.Topics;
import org.pfptracker.tracker.state.ActivityFacts;
import org.pfptracker.tracker.state.ExerciseEvent;
import org.pfptracker.tracker.state.ExerciseFacts;
import org.pfptracker.tracker.state.ExerciseParticipation;
import org.pfptracker.tracker.state.PartnerState;

/**
 * The data flow that turns cooperation events into one view per partner.
 *
 * <pre>
 *  pfp.exercises.v1 ─► by exercise id ─► exercise facts ─► each participant's part, by partner id ─┐
 *                      (repartition)     (exercise-facts)   (repartition)                          │
 *  pfp.partners.v1   ─┐                                                                            ▼
 *  pfp.activities.v1 ─┼─────────────────────────────────────────────────────────► partner processor
 *  pfp.programmes.v1 ─┘                       (drops duplicates, applies facts)    partner-state, partner-activities,
 *                                                                                  partner-exercises, seen-event-ids
 * </pre>
 *
 * <p>Views are not stored: they are computed from these facts at query time, for the date asked.
 */
public final class PartnerViewTopology {

    /** Per partner: profile, status, priorities, pace, activity counters, programmes. Key: partner id. */
    public static final String PARTNER_STATE_STORE = "partner-state";
    /** Per activity: the time of each step. Key: {@code partnerId/activityId}. */
    public static final String ACTIVITY_STORE = "partner-activities";
    /** Per partner and exercise: the partner's part in it. Key: {@code partnerId/exerciseId}. */
    public static final String PARTNER_EXERCISES_STORE = "partner-exercises";
    /** Per exercise: its facts and who was told. Key: exercise id. */
    public static final String EXERCISE_FACTS_STORE = "exercise-facts";
    /** Ids of the partner events already applied, by processing time, kept for the de-duplication retention. */
    public static final String SEEN_EVENT_IDS_STORE = "seen-event-ids";

    /** Partner ids never contain '/', so every entity key of a partner starts with {@code partnerId/}. */
    private static final String KEY_SEPARATOR = "/";

    private PartnerViewTopology() {
    }

    /** The store key of one of a partner's entities (activity, exercise). */
    public static String entityKey(String partnerId, String entityId) {
        return partnerId + KEY_SEPARATOR + entityId;
    }

    /** The key prefix shared by all of a partner's entities, for prefix scans. */
    public static String entityPrefix(String partnerId) {
        return partnerId + KEY_SEPARATOR;
    }

    /**
     * @param eventSerde serde of the Avro events on the event topics
     * @param deduplicationRetention how long after it was processed an event id is remembered; a
     *     duplicate arriving later than that still changes no fact, but is counted again in the view's
     *     events-applied figure
     */
    public static Topology build(Serde<SpecificRecord> eventSerde, Duration deduplicationRetention) {
        StreamsBuilder builder = new StreamsBuilder();
        addStores(builder, deduplicationRetention);

        // Exercises are published under their host's key but count for every participant: gather each
        // exercise's events in one place first, then send each participant its part.
        KStream<String, ParticipationUpdate> participations = builder
                .stream(Topics.EXERCISES, Consumed.with(Serdes.String(), eventSerde))
                .map((host, event) -> {
                    ExerciseEvent exerciseEvent = ExerciseEvent.of(host, event);
                    return KeyValue.pair(exerciseEvent.exerciseId(), exerciseEvent);
                }, Named.as("exercise-event-by-id"))
                .repartition(Repartitioned.<String, ExerciseEvent>as("exercises-by-id")
                        .withKeySerde(Serdes.String()).withValueSerde(new JsonSerde<>(ExerciseEvent.class)))
                .process(ExerciseProcessor::new, Named.as("exercise-facts-processor"), EXERCISE_FACTS_STORE)
                .repartition(Repartitioned.<String, ParticipationUpdate>as("participations-by-partner")
                        .withKeySerde(Serdes.String()).withValueSerde(new JsonSerde<>(ParticipationUpdate.class)));

        // A partner's own events share its key and partition count on every topic, so they meet the
        // exercise updates (repartitioned to the same key) in one task with no further repartition.
        builder.stream(List.of(Topics.PARTNERS, Topics.ACTIVITIES, Topics.PROGRAMMES),
                        Consumed.with(Serdes.String(), eventSerde))
                .<PartnerInput>mapValues(PartnerInput.OwnEvent::new, Named.as("own-event"))
                .merge(participations.<PartnerInput>mapValues(PartnerInput.Exercise::new, Named.as("exercise-update")),
                        Named.as("partner-inputs"))
                .process(() -> new PartnerProcessor(deduplicationRetention), Named.as("partner-processor"),
                        PARTNER_STATE_STORE, ACTIVITY_STORE, PARTNER_EXERCISES_STORE, SEEN_EVENT_IDS_STORE);

        return builder.build();
    }

    private static void addStores(StreamsBuilder builder, Duration deduplicationRetention) {
        // Caching folds a busy partner's many updates within one commit interval into one changelog
        // record and one RocksDB write; queries read through the cache, so they stay current.
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PARTNER_STATE_STORE),
                Serdes.String(), new JsonSerde<>(PartnerState.class)).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ACTIVITY_STORE),
                Serdes.String(), new JsonSerde<>(ActivityFacts.class)).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PARTNER_EXERCISES_STORE),
                Serdes.String(), new JsonSerde<>(ExerciseParticipation.class)).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(EXERCISE_FACTS_STORE),
                Serdes.String(), new JsonSerde<>(ExerciseFacts.class)).withCachingEnabled());
        // A window store drops whole expired segments: the de-duplication memory stays bounded without
        // scanning for old ids.
        builder.addStateStore(Stores.windowStoreBuilder(Stores.persistentWindowStore(SEEN_EVENT_IDS_STORE,
                        deduplicationRetention, Duration.ofMillis(1), false),
                Serdes.String(), Serdes.Long()));
    }
}

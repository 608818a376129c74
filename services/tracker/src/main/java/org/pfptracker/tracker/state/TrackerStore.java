package org.pfptracker.tracker.state;

import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.pfptracker.tracker.state.codec.StateSerde;
import org.pfptracker.tracker.state.index.Counts;

/**
 * The tracker's state stores, named once with the serde of their values. Keys are strings; every
 * partner-keyed store's keys start with {@code partnerId/} (or are the partner id), so a partner's
 * entries sit in its own task and a prefix scan finds them.
 *
 * @param name the store's name (its changelog is {@code <application.id>-<name>-changelog})
 * @param valueSerde how its values are stored
 * @param <V> its values
 */
public record TrackerStore<V>(String name, Serde<V> valueSerde) {

    /** Per activity: its steps and events. Key: {@code partnerId/activityId}. */
    public static final TrackerStore<ActivityFacts> ACTIVITY_FACTS =
            new TrackerStore<>("activity-facts", StateSerde.of(ActivityFacts.CODEC));
    /** Per programme: agreements, achievements, assessments. Key: {@code partnerId/programmeId}. */
    public static final TrackerStore<ProgrammeFacts> PROGRAMME_FACTS =
            new TrackerStore<>("programme-facts", StateSerde.of(ProgrammeFacts.CODEC));
    /** Per statement about a partner: profile, status, priorities. Key: see {@link PartnerFact}. */
    public static final TrackerStore<PartnerFact> PARTNER_FACTS =
            new TrackerStore<>("partner-facts", StateSerde.of(PartnerFact.CODEC));
    /** Per exercise a partner is named in: the exercise's facts. Key: {@code partnerId/hostPartnerId/exerciseId}. */
    public static final TrackerStore<ExerciseFacts> PARTNER_EXERCISES =
            new TrackerStore<>("partner-exercises", StateSerde.of(ExerciseFacts.CODEC));
    /**
     * Exercises by start date, for every start date ever scheduled. Key: {@code partnerId/<day>/hostPartnerId/exerciseId},
     * value: {@code hostPartnerId/exerciseId}.
     */
    public static final TrackerStore<String> EXERCISE_STARTS = new TrackerStore<>("exercise-starts", Serdes.String());
    /** Running totals and day marks, readable as of any day. See {@code Tally} and {@code DayMarks}. */
    public static final TrackerStore<Counts> PARTNER_TALLY =
            new TrackerStore<>("partner-tally", StateSerde.of(Counts.CODEC));
    /** Per partner: whether its view needs building, and what was last announced. Key: partner id. */
    public static final TrackerStore<PartnerHeader> PARTNER_HEADERS =
            new TrackerStore<>("partner-headers", StateSerde.of(PartnerHeader.CODEC));
    /** Per partner: its current view, as the API serves it (JSON). Key: partner id. */
    public static final TrackerStore<MaterialisedView> PARTNER_VIEWS =
            new TrackerStore<>("partner-views", StateSerde.of(MaterialisedView.CODEC));
    /** Per partner: its line of the overview, as the API serves it (JSON). Key: partner id. */
    public static final TrackerStore<MaterialisedView> PARTNER_SUMMARIES =
            new TrackerStore<>("partner-summaries", StateSerde.of(MaterialisedView.CODEC));
    /** Per exercise: its facts, in the host's task. Key: {@code hostPartnerId/exerciseId}. */
    public static final TrackerStore<ExerciseFacts> EXERCISE_FACTS =
            new TrackerStore<>("exercise-facts", StateSerde.of(ExerciseFacts.CODEC));

    /** The stores of the partner processor, every one keyed by partner. */
    public static final List<TrackerStore<?>> PARTNER_STORES = List.of(ACTIVITY_FACTS, PROGRAMME_FACTS, PARTNER_FACTS,
            PARTNER_EXERCISES, EXERCISE_STARTS, PARTNER_TALLY, PARTNER_HEADERS, PARTNER_VIEWS, PARTNER_SUMMARIES);

    /** The names of some stores, for {@code process(..., storeNames)}. */
    public static String[] names(List<TrackerStore<?>> stores) {
        return stores.stream().map(TrackerStore::name).toArray(String[]::new);
    }
}

package org.pfptracker.tracker.state;

import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.pfptracker.tracker.state.index.Counts;

/**
 * The partner stores a view is read from: the processor's own stores when it materialises a view, or
 * the same stores through interactive queries when a view is asked for a past date.
 */
public record PartnerReads(ReadOnlyKeyValueStore<String, ProgrammeFacts> programmes,
                           ReadOnlyKeyValueStore<String, PartnerFact> partnerFacts,
                           ReadOnlyKeyValueStore<String, ExerciseFacts> exercises,
                           ReadOnlyKeyValueStore<String, String> exerciseStarts,
                           ReadOnlyKeyValueStore<String, Counts> tally) {

    /** Any source of stores by their catalogue entry. */
    public interface Source {
        <V> ReadOnlyKeyValueStore<String, V> store(TrackerStore<V> store);
    }

    public static PartnerReads from(Source source) {
        return new PartnerReads(source.store(TrackerStore.PROGRAMME_FACTS), source.store(TrackerStore.PARTNER_FACTS),
                source.store(TrackerStore.PARTNER_EXERCISES), source.store(TrackerStore.EXERCISE_STARTS),
                source.store(TrackerStore.PARTNER_TALLY));
    }

}

package org.pfptracker.tracker.topology;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.pfptracker.tracker.state.ExerciseFacts;
import org.pfptracker.tracker.state.ExerciseRules;
import org.pfptracker.tracker.state.InvalidEventException;
import org.pfptracker.tracker.state.PartnerEventRules;
import org.pfptracker.tracker.state.Stamp;
import org.pfptracker.tracker.state.TrackerStore;

/**
 * Keeps each exercise's facts, in its host's task (exercise events are keyed by host), and sends every
 * partner it names, whether it takes part now or was dropped, the exercise's facts as they are now.
 */
final class ExerciseProcessor implements Processor<String, SpecificRecord, String, ExerciseFacts> {

    private final TrackerCounters counters;
    private ProcessorContext<String, ExerciseFacts> context;
    private KeyValueStore<String, ExerciseFacts> exercises;

    ExerciseProcessor(TrackerCounters counters) {
        this.counters = counters;
    }

    @Override
    public void init(ProcessorContext<String, ExerciseFacts> context) {
        this.context = context;
        this.exercises = context.getStateStore(TrackerStore.EXERCISE_FACTS.name());
    }

    @Override
    public void process(Record<String, SpecificRecord> record) {
        if (record.value() == null) {
            throw new InvalidEventException("a record with no value (tombstone) on the exercises topic, key '"
                    + record.key() + "'");
        }
        String topic = context.recordMetadata().map(metadata -> metadata.topic()).orElse(null);
        Stamp stamp = PartnerEventRules.checkedStamp(topic, record.key(), record.value());
        String exerciseId = ExerciseRules.exerciseIdOf(record.value(), stamp);
        String key = ExerciseRules.key(record.key(), exerciseId);
        ExerciseFacts current = exercises.get(key);
        if (current != null && current.hasApplied(stamp.eventId())) {
            counters.duplicate();
            return;
        }
        ExerciseFacts updated = ExerciseRules.apply(current, record.key(), exerciseId, stamp, record.value());
        exercises.put(key, updated);
        counters.applied();
        for (String partnerId : updated.namedPartners()) {
            context.forward(record.withKey(partnerId).withValue(updated));
        }
    }
}

package org.pfptracker.tracker.topology;

import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.pfptracker.tracker.state.ExerciseEvent;
import org.pfptracker.tracker.state.ExerciseFacts;

/**
 * Keeps each exercise's facts (keyed by exercise id) and tells every partner concerned what its part
 * is now, including partners that were dropped from it, so their views forget it.
 */
final class ExerciseProcessor implements Processor<String, ExerciseEvent, String, ParticipationUpdate> {

    private ProcessorContext<String, ParticipationUpdate> context;
    private KeyValueStore<String, ExerciseFacts> exercises;

    @Override
    public void init(ProcessorContext<String, ParticipationUpdate> context) {
        this.context = context;
        this.exercises = context.getStateStore(PartnerViewTopology.EXERCISE_FACTS_STORE);
    }

    @Override
    public void process(Record<String, ExerciseEvent> record) {
        ExerciseEvent event = record.value();
        ExerciseFacts current = exercises.get(record.key());
        if (current != null && current.hasApplied(event.eventId())) {
            TrackerCounters.duplicate();
            return;
        }
        ExerciseFacts applied = event.applyTo(current);
        Set<String> participants = applied.participants();
        Set<String> toTell = new TreeSet<>(applied.notifiedPartners());
        toTell.addAll(participants);
        ExerciseFacts stored = applied.withNotified(participants);
        exercises.put(record.key(), stored);
        TrackerCounters.applied();
        for (String partnerId : toTell) {
            context.forward(record.withKey(partnerId)
                    .withValue(new ParticipationUpdate(event.exerciseId(), stored.participationOf(partnerId))));
        }
    }
}

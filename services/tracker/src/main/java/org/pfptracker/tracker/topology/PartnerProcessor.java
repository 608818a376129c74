package org.pfptracker.tracker.topology;

import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.pfptracker.event.EventMetadata;
import org.pfptracker.platform.event.Events;
import org.pfptracker.tracker.state.ActivityFacts;
import org.pfptracker.tracker.state.InvalidEventException;
import org.pfptracker.tracker.state.PartnerEventRules;
import org.pfptracker.tracker.state.PartnerState;
import org.slf4j.MDC;

/**
 * Applies a partner's own events and its exercise updates to the partner's stores. Own events are
 * de-duplicated by event id first: at-least-once upstreams deliver some twice. The facts are
 * idempotent as well, so a duplicate arriving after the retention changes no count but the
 * events-applied figure.
 */
final class PartnerProcessor implements Processor<String, PartnerInput, Void, Void> {

    private KeyValueStore<String, PartnerState> partners;
    private KeyValueStore<String, ActivityFacts> activities;
    private KeyValueStore<String, org.pfptracker.tracker.state.ExerciseParticipation> exercises;
    private WindowStore<String, Long> seenEventIds;
    private ProcessorContext<Void, Void> context;
    private final Duration deduplicationRetention;

    PartnerProcessor(Duration deduplicationRetention) {
        this.deduplicationRetention = deduplicationRetention;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.context = context;
        partners = context.getStateStore(PartnerViewTopology.PARTNER_STATE_STORE);
        activities = context.getStateStore(PartnerViewTopology.ACTIVITY_STORE);
        exercises = context.getStateStore(PartnerViewTopology.PARTNER_EXERCISES_STORE);
        seenEventIds = context.getStateStore(PartnerViewTopology.SEEN_EVENT_IDS_STORE);
    }

    @Override
    public void process(Record<String, PartnerInput> record) {
        // Whatever is logged while an event is applied (a dead letter, a failure) names its partner.
        try (MDC.MDCCloseable ignored = MDC.putCloseable("partnerId", record.key())) {
            if (record.value() instanceof PartnerInput.OwnEvent own) {
                applyOwn(record.key(), own);
            } else if (record.value() instanceof PartnerInput.Exercise exercise) {
                applyExercise(record.key(), exercise.update());
            }
        } finally {
            MDC.remove("eventId");
        }
    }

    private void applyOwn(String partnerId, PartnerInput.OwnEvent own) {
        if (own.event() == null) {
            throw new InvalidEventException("a record with no value (tombstone) on an event topic, key '" + partnerId + "'");
        }
        EventMetadata metadata = Events.metadataOf(own.event());
        String eventId = metadata.getEventId().toString();
        MDC.put("eventId", eventId);
        // Ids are remembered by when they were processed, not by event time: redeliveries follow the
        // original within minutes whatever its event time, and a replayed history in any order is
        // still de-duplicated.
        long now = context.currentSystemTimeMs();
        if (seenRecently(eventId, now)) {
            TrackerCounters.duplicate();
            return;
        }
        PartnerEventRules.Outcome outcome = PartnerEventRules.apply(partnerId, own.event(), partners.get(partnerId),
                activityId -> activities.get(PartnerViewTopology.entityKey(partnerId, activityId)));
        if (outcome.activity() != null) {
            activities.put(PartnerViewTopology.entityKey(partnerId, outcome.activity().activityId()),
                    outcome.activity().after());
        }
        partners.put(partnerId, outcome.state());
        seenEventIds.put(eventId, metadata.getOccurredAt().toEpochMilli(), now);
        TrackerCounters.applied();
    }

    private boolean seenRecently(String eventId, long now) {
        try (WindowStoreIterator<Long> seen = seenEventIds.fetch(eventId,
                Instant.ofEpochMilli(now).minus(deduplicationRetention), Instant.ofEpochMilli(now))) {
            return seen.hasNext();
        }
    }

    private void applyExercise(String partnerId, ParticipationUpdate update) {
        String key = PartnerViewTopology.entityKey(partnerId, update.exerciseId());
        if (update.participation() == null) {
            exercises.delete(key);
        } else {
            exercises.put(key, update.participation());
        }
        if (partners.get(partnerId) == null) {
            // A partner first heard of through an exercise still gets a view to show it in.
            partners.put(partnerId, PartnerState.empty(partnerId));
        }
    }
}

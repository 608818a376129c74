package org.pfptracker.tracker.topology;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.pfptracker.tracker.state.InvalidEventException;
import org.pfptracker.tracker.state.PartnerEventRules;
import org.pfptracker.tracker.state.PartnerLedger;
import org.pfptracker.tracker.state.PartnerReads;
import org.pfptracker.tracker.state.Stamp;
import org.pfptracker.tracker.state.TrackerStore;
import org.pfptracker.tracker.view.PartnerViewBuilder;
import org.slf4j.MDC;

/**
 * Applies a partner's own events and the news of its exercises to the partner's stores, and
 * materialises its view on a wall-clock schedule: every {@code viewRefresh} for the partners whose facts
 * changed, and for every partner once the UTC date has turned. What it emits (changed views, signals)
 * goes to the views and signals topics.
 */
final class PartnerProcessor implements Processor<String, PartnerInput, String, SpecificRecord> {

    private final Duration viewRefresh;
    private final TrackerCounters counters;
    private ProcessorContext<String, SpecificRecord> context;
    private PartnerLedger ledger;
    private ViewMaterialiser views;

    PartnerProcessor(Duration viewRefresh, TrackerCounters counters) {
        this.viewRefresh = viewRefresh;
        this.counters = counters;
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        ledger = new PartnerLedger(store(context, TrackerStore.ACTIVITY_FACTS), store(context, TrackerStore.PROGRAMME_FACTS),
                store(context, TrackerStore.PARTNER_FACTS), store(context, TrackerStore.PARTNER_EXERCISES),
                store(context, TrackerStore.EXERCISE_STARTS), store(context, TrackerStore.PARTNER_TALLY));
        PartnerViewBuilder builder = new PartnerViewBuilder(PartnerReads.from(new PartnerReads.Source() {
            @Override
            public <V> KeyValueStore<String, V> store(TrackerStore<V> store) {
                return PartnerProcessor.store(context, store);
            }
        }));
        views = new ViewMaterialiser(store(context, TrackerStore.PARTNER_HEADERS), store(context, TrackerStore.PARTNER_VIEWS),
                store(context, TrackerStore.PARTNER_SUMMARIES), store(context, TrackerStore.PROGRAMME_FACTS), builder,
                counters);
        // Wall-clock time: views must move when the date turns even when no event arrives.
        context.schedule(viewRefresh, PunctuationType.WALL_CLOCK_TIME, this::refreshViews);
    }

    private static <V> KeyValueStore<String, V> store(ProcessorContext<?, ?> context, TrackerStore<V> store) {
        return context.getStateStore(store.name());
    }

    @Override
    public void process(Record<String, PartnerInput> record) {
        // Whatever is logged while an event is applied (a dead letter, a failure) names its partner.
        try (MDC.MDCCloseable ignored = MDC.putCloseable("partnerId", record.key())) {
            boolean applied;
            if (record.value() instanceof PartnerInput.Exercise exercise) {
                applied = ledger.applyExercise(record.key(), exercise.facts());
            } else {
                applied = applyOwn(record.key(), ((PartnerInput.OwnEvent) record.value()));
                if (applied) {
                    counters.applied();
                } else {
                    counters.duplicate();
                }
            }
            if (applied) {
                views.changed(record.key());
            }
        } finally {
            MDC.remove("eventId");
        }
    }

    private boolean applyOwn(String partnerId, PartnerInput.OwnEvent own) {
        if (own.event() == null) {
            throw new InvalidEventException("a record with no value (tombstone) on an event topic, key '" + partnerId + "'");
        }
        String topic = context.recordMetadata().map(RecordMetadata::topic).orElse(null);
        Stamp stamp = PartnerEventRules.checkedStamp(topic, partnerId, own.event());
        MDC.put("eventId", stamp.eventId());
        return ledger.apply(partnerId, stamp, own.event());
    }

    private void refreshViews(long wallClockMs) {
        LocalDate today = LocalDate.ofInstant(Instant.ofEpochMilli(wallClockMs), ZoneOffset.UTC);
        for (KeyValue<String, SpecificRecord> output : views.refresh(today, wallClockMs)) {
            context.forward(new Record<>(output.key, output.value, wallClockMs));
        }
    }
}

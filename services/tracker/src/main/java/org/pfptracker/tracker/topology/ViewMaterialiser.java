package org.pfptracker.tracker.topology;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.pfptracker.platform.serde.JsonSerde;
import org.pfptracker.tracker.output.PartnerViewRecord;
import org.pfptracker.tracker.output.Signals;
import org.pfptracker.tracker.state.MaterialisedView;
import org.pfptracker.tracker.state.PartnerHeader;
import org.pfptracker.tracker.state.ProgrammeFacts;
import org.pfptracker.tracker.state.index.IndexKeys;
import org.pfptracker.tracker.view.PartnerView;
import org.pfptracker.tracker.view.PartnerViewBuilder;

/**
 * Keeps every partner's current view and overview line in stores, as the API serves them (JSON), so
 * that a query is one lookup; and says what changed, for the views and signals topics. A view is built
 * again when its facts changed since it was built, or when the UTC date it was built for has passed:
 * its calendar-bound parts (the trailing 12 months, STALLED after 180 days, overdue objectives, the next
 * exercise) move without any event.
 *
 * <p>Runs on the stream thread, between records, in the same exactly-once transaction as the facts it
 * reads: a committed view never runs ahead of, or falls behind, committed facts, and a signal is
 * committed with the mark that it was announced, so it is announced once.
 */
final class ViewMaterialiser {

    private static final ObjectMapper JSON = JsonSerde.mapper();
    /**
     * More changes than this since a partner's view was built (at the default refresh, 400 events a second
     * for one partner; the busiest partner gets about 130 of 1,000 a second live) means a backlog is being
     * read (a catch-up, a replay): its view is then built at most once every {@link #BACKLOG_REFRESH_MS}, so
     * that building views costs a bounded share of each event, not a build per refresh interval.
     */
    static final int BACKLOG_CHANGES = 20;
    static final long BACKLOG_REFRESH_MS = 1_000;

    private final KeyValueStore<String, PartnerHeader> headers;
    private final KeyValueStore<String, MaterialisedView> views;
    private final KeyValueStore<String, MaterialisedView> summaries;
    private final KeyValueStore<String, ProgrammeFacts> programmes;
    private final PartnerViewBuilder builder;
    private final TrackerCounters counters;

    ViewMaterialiser(KeyValueStore<String, PartnerHeader> headers, KeyValueStore<String, MaterialisedView> views,
                     KeyValueStore<String, MaterialisedView> summaries, KeyValueStore<String, ProgrammeFacts> programmes,
                     PartnerViewBuilder builder, TrackerCounters counters) {
        this.headers = headers;
        this.views = views;
        this.summaries = summaries;
        this.programmes = programmes;
        this.builder = builder;
        this.counters = counters;
    }

    /** Notes that a partner's facts changed, so its view is built at the next refresh. */
    void changed(String partnerId) {
        PartnerHeader header = headers.get(partnerId);
        headers.put(partnerId, (header == null ? PartnerHeader.NEW : header).plusChange());
    }

    /**
     * Builds the views that changed or were built for another date than {@code today}.
     *
     * @return what to publish, keyed by partner id: each view that changed (Avro {@code PartnerView}) and
     *     each signal it gave rise to
     */
    List<KeyValue<String, SpecificRecord>> refresh(LocalDate today, long now) {
        List<KeyValue<String, PartnerHeader>> due = new ArrayList<>();
        try (KeyValueIterator<String, PartnerHeader> all = headers.all()) {
            all.forEachRemaining(entry -> {
                if (due(entry.value, today, now)) {
                    due.add(entry);
                }
            });
        }
        List<KeyValue<String, SpecificRecord>> published = new ArrayList<>();
        for (KeyValue<String, PartnerHeader> entry : due) {
            String partnerId = entry.key;
            Optional<PartnerView> view = builder.view(partnerId, today);
            counters.viewBuilt();
            if (view.isEmpty()) {
                // Not joined (yet): no view, not listed; its facts wait for its PartnerJoined.
                views.delete(partnerId);
                summaries.delete(partnerId);
                headers.put(partnerId, entry.value.built(today, now, entry.value.announcedPace()));
                continue;
            }
            MaterialisedView json = new MaterialisedView(today, json(view.get()));
            if (!json.equals(views.get(partnerId))) {
                views.put(partnerId, json);
                summaries.put(partnerId, new MaterialisedView(today, json(builder.summary(view.get()))));
                published.add(KeyValue.pair(partnerId, PartnerViewRecord.of(view.get())));
            }
            Signals.paceChange(partnerId, today, entry.value.announcedPace(), view.get().pace())
                    .ifPresent(signal -> published.add(KeyValue.pair(partnerId, signal)));
            published.addAll(newlyOverdue(partnerId, today));
            headers.put(partnerId, entry.value.built(today, now, view.get().pace().status()));
        }
        return published;
    }

    private static boolean due(PartnerHeader header, LocalDate today, long now) {
        if (!today.equals(header.builtFor())) {
            return true;
        }
        return header.changed()
                && (header.changes() <= BACKLOG_CHANGES || now - header.builtAt() >= BACKLOG_REFRESH_MS);
    }

    /** Objectives overdue as of today and not announced yet; marks them announced. */
    private List<KeyValue<String, SpecificRecord>> newlyOverdue(String partnerId, LocalDate today) {
        List<KeyValue<String, SpecificRecord>> signals = new ArrayList<>();
        List<KeyValue<String, ProgrammeFacts>> announced = new ArrayList<>();
        String prefix = IndexKeys.partnerPrefix(partnerId);
        try (KeyValueIterator<String, ProgrammeFacts> all = programmes.prefixScan(prefix, new StringSerializer())) {
            while (all.hasNext()) {
                KeyValue<String, ProgrammeFacts> programme = all.next();
                ProgrammeFacts.Agreement agreement = programme.value.agreementAsOf(today);
                if (agreement == null) {
                    continue;
                }
                List<String> overdue = new ArrayList<>();
                for (ProgrammeFacts.Objective objective : agreement.objectives()) {
                    if (objective.targetDate().isBefore(today)
                            && programme.value.achievementAsOf(objective.objectiveId(), today) == null
                            && !programme.value.announcedOverdue().contains(objective.objectiveId())) {
                        overdue.add(objective.objectiveId());
                        signals.add(KeyValue.pair(partnerId, Signals.overdue(partnerId,
                                programme.key.substring(prefix.length()), objective, today)));
                    }
                }
                if (!overdue.isEmpty()) {
                    announced.add(KeyValue.pair(programme.key, programme.value.withAnnouncedOverdue(overdue)));
                }
            }
        }
        announced.forEach(programme -> programmes.put(programme.key, programme.value));
        return signals;
    }

    private static byte[] json(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a view could not be written as JSON", e);
        }
    }
}

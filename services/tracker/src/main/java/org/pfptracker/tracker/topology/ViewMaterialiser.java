package org.pfptracker.tracker.topology;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.pfptracker.platform.serde.JsonSerde;
import org.pfptracker.tracker.state.MaterialisedView;
import org.pfptracker.tracker.state.PartnerHeader;
import org.pfptracker.tracker.view.PartnerView;
import org.pfptracker.tracker.view.PartnerViewBuilder;

/**
 * Keeps every partner's current view and overview line in stores, as the API serves them (JSON), so
 * that a query is one lookup. A view is built again when its facts changed since it was built, or when
 * the UTC date it was built for has passed: its calendar-bound parts (the trailing 12 months, STALLED
 * after 180 days, overdue objectives, the next exercise) move without any event.
 *
 * <p>Runs on the stream thread, between records, in the same exactly-once transaction as the facts it
 * reads: a committed view never runs ahead of, or falls behind, committed facts.
 */
final class ViewMaterialiser {

    private static final ObjectMapper JSON = JsonSerde.mapper();

    private final KeyValueStore<String, PartnerHeader> headers;
    private final KeyValueStore<String, MaterialisedView> views;
    private final KeyValueStore<String, MaterialisedView> summaries;
    private final PartnerViewBuilder builder;
    private final TrackerCounters counters;

    ViewMaterialiser(KeyValueStore<String, PartnerHeader> headers, KeyValueStore<String, MaterialisedView> views,
                     KeyValueStore<String, MaterialisedView> summaries, PartnerViewBuilder builder, TrackerCounters counters) {
        this.headers = headers;
        this.views = views;
        this.summaries = summaries;
        this.builder = builder;
        this.counters = counters;
    }

    /** Notes that a partner's facts changed, so its view is built at the next refresh. */
    void changed(String partnerId) {
        PartnerHeader header = headers.get(partnerId);
        PartnerHeader marked = header == null ? PartnerHeader.NEW : header.markChanged();
        if (marked != header) {
            headers.put(partnerId, marked);
        }
    }

    /**
     * Builds the views that changed or were built for another date than {@code today}.
     *
     * @return the views built (partners not joined yet have none, and are not listed)
     */
    List<PartnerView> refresh(LocalDate today) {
        List<KeyValue<String, PartnerHeader>> due = new ArrayList<>();
        try (KeyValueIterator<String, PartnerHeader> all = headers.all()) {
            all.forEachRemaining(entry -> {
                if (entry.value.changed() || !today.equals(entry.value.builtFor())) {
                    due.add(entry);
                }
            });
        }
        List<PartnerView> built = new ArrayList<>();
        for (KeyValue<String, PartnerHeader> entry : due) {
            String partnerId = entry.key;
            Optional<PartnerView> view = builder.view(partnerId, today);
            if (view.isPresent()) {
                MaterialisedView json = new MaterialisedView(today, json(view.get()));
                if (!json.equals(views.get(partnerId))) {
                    views.put(partnerId, json);
                    summaries.put(partnerId, new MaterialisedView(today, json(builder.summary(view.get()))));
                    built.add(view.get());
                }
            } else {
                views.delete(partnerId);
                summaries.delete(partnerId);
            }
            counters.viewBuilt();
            headers.put(partnerId, entry.value.built(today, view.map(v -> v.pace().status()).orElse(null)));
        }
        return built;
    }

    private static byte[] json(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a view could not be written as JSON", e);
        }
    }
}

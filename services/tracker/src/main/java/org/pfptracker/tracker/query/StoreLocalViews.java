package org.pfptracker.tracker.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.pfptracker.platform.serde.JsonSerde;
import org.pfptracker.tracker.state.MaterialisedView;
import org.pfptracker.tracker.state.PartnerHeader;
import org.pfptracker.tracker.state.PartnerReads;
import org.pfptracker.tracker.state.TrackerStore;
import org.pfptracker.tracker.view.PartnerSummaryView;
import org.pfptracker.tracker.view.PartnerView;
import org.pfptracker.tracker.view.PartnerViewBuilder;
import org.pfptracker.tracker.view.ProgrammeView;

/**
 * {@link LocalViews} read from this instance's stores through interactive queries: the materialised
 * view when it is for the date asked (one lookup), otherwise built from the partner's facts and running
 * totals as of that date (bounded reads, see {@link PartnerViewBuilder}).
 */
public final class StoreLocalViews implements LocalViews {

    private static final ObjectMapper JSON = JsonSerde.mapper();

    private final KafkaStreams streams;

    public StoreLocalViews(KafkaStreams streams) {
        this.streams = streams;
    }

    @Override
    public Optional<JsonBody> partnerJson(String partnerId, LocalDate asOf, boolean allowStandby) {
        return read(() -> {
            MaterialisedView stored = store(TrackerStore.PARTNER_VIEWS, allowStandby).get(partnerId);
            if (stored != null && stored.asOf().equals(asOf)) {
                return Optional.of(new JsonBody(stored.json()));
            }
            return builder(allowStandby).view(partnerId, asOf).map(StoreLocalViews::json);
        });
    }

    @Override
    public Optional<PartnerView> partner(String partnerId, LocalDate asOf, boolean allowStandby) {
        return read(() -> builder(allowStandby).view(partnerId, asOf));
    }

    @Override
    public Optional<ProgrammeView> programme(String partnerId, String programmeId, LocalDate asOf,
                                             boolean allowStandby) {
        return read(() -> builder(allowStandby).programme(partnerId, programmeId, asOf));
    }

    @Override
    public List<PartnerSummaryView> partners(LocalDate asOf) {
        return read(() -> {
            List<PartnerSummaryView> summaries = new ArrayList<>();
            PartnerViewBuilder builder = builder(false);
            ReadOnlyKeyValueStore<String, MaterialisedView> stored = store(TrackerStore.PARTNER_SUMMARIES, false);
            try (KeyValueIterator<String, PartnerHeader> partners = store(TrackerStore.PARTNER_HEADERS, false).all()) {
                while (partners.hasNext()) {
                    KeyValue<String, PartnerHeader> partner = partners.next();
                    MaterialisedView summary = stored.get(partner.key);
                    if (summary != null && summary.asOf().equals(asOf)) {
                        summaries.add(summaryOf(summary.json()));
                    } else {
                        builder.view(partner.key, asOf).map(builder::summary).ifPresent(summaries::add);
                    }
                }
            }
            return summaries;
        });
    }

    private PartnerViewBuilder builder(boolean allowStandby) {
        return new PartnerViewBuilder(PartnerReads.from(new PartnerReads.Source() {
            @Override
            public <V> ReadOnlyKeyValueStore<String, V> store(TrackerStore<V> store) {
                return StoreLocalViews.this.store(store, allowStandby);
            }
        }));
    }

    private <V> ReadOnlyKeyValueStore<String, V> store(TrackerStore<V> store, boolean allowStandby) {
        KafkaStreams.State state = streams.state();
        if (!allowStandby && state != KafkaStreams.State.RUNNING) {
            throw new ViewsUnavailableException("the tracker is " + state + ", not yet RUNNING");
        }
        StoreQueryParameters<ReadOnlyKeyValueStore<String, V>> parameters =
                StoreQueryParameters.fromNameAndType(store.name(), QueryableStoreTypes.keyValueStore());
        return streams.store(allowStandby ? parameters.enableStaleStores() : parameters);
    }

    private <T> T read(Supplier<T> query) {
        try {
            return query.get();
        } catch (InvalidStateStoreException e) {
            throw new ViewsUnavailableException("partner views are being rebuilt or moved (" + streams.state() + ")");
        }
    }

    private static JsonBody json(PartnerView view) {
        try {
            return new JsonBody(JSON.writeValueAsBytes(view));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PartnerSummaryView summaryOf(byte[] json) {
        try {
            return JSON.readValue(json, PartnerSummaryView.class);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored overview line could not be read", e);
        }
    }
}

package org.pfptracker.tracker.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.pfptracker.platform.serde.JsonSerde;
import org.pfptracker.tracker.state.MaterialisedView;
import org.pfptracker.tracker.state.PartnerReads;
import org.pfptracker.tracker.state.TrackerStore;
import org.pfptracker.tracker.view.PaceView;
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
    private static final Serializer<String> KEY_SERIALIZER = new StringSerializer();

    private final KafkaStreams streams;

    public StoreLocalViews(KafkaStreams streams) {
        this.streams = streams;
    }

    @Override
    public Optional<JsonBody> partnerJson(String partnerId, LocalDate asOf, boolean allowStandby) {
        return read(() -> {
            int partition = partitionOf(partnerId);
            MaterialisedView stored = store(TrackerStore.PARTNER_VIEWS, partition, allowStandby).get(partnerId);
            if (stored != null && stored.asOf().equals(asOf)) {
                return Optional.of(new JsonBody(stored.json()));
            }
            return builder(partition, allowStandby).view(partnerId, asOf).map(StoreLocalViews::json);
        });
    }

    @Override
    public Optional<PartnerView> partner(String partnerId, LocalDate asOf, boolean allowStandby) {
        return read(() -> builder(partitionOf(partnerId), allowStandby).view(partnerId, asOf));
    }

    @Override
    public Optional<PaceView> pace(String partnerId, LocalDate asOf, LocalDate from, boolean allowStandby) {
        return read(() -> builder(partitionOf(partnerId), allowStandby).pace(partnerId, asOf, from));
    }

    @Override
    public Optional<ProgrammeView> programme(String partnerId, String programmeId, LocalDate asOf,
                                             boolean allowStandby) {
        return read(() -> builder(partitionOf(partnerId), allowStandby).programme(partnerId, programmeId, asOf));
    }

    @Override
    public List<PartnerSummaryView> partners(LocalDate asOf) {
        return read(() -> {
            List<PartnerSummaryView> summaries = new ArrayList<>();
            // Every partner with a view has its overview line; one built for another date is built for this one.
            try (KeyValueIterator<String, MaterialisedView> stored =
                         store(TrackerStore.PARTNER_SUMMARIES, null, false).all()) {
                while (stored.hasNext()) {
                    KeyValue<String, MaterialisedView> summary = stored.next();
                    if (summary.value.asOf().equals(asOf)) {
                        summaries.add(summaryOf(summary.value.json()));
                    } else {
                        PartnerViewBuilder builder = builder(partitionOf(summary.key), false);
                        builder.view(summary.key, asOf).map(builder::summary).ifPresent(summaries::add);
                    }
                }
            }
            return summaries;
        });
    }

    /**
     * The partition holding a partner. Reads go to that partition's store only: an interactive query
     * across every local partition would ask each one's RocksDB, and merge iterators over all of them.
     */
    private int partitionOf(String partnerId) {
        KeyQueryMetadata metadata = streams.queryMetadataForKey(TrackerStore.PARTNER_HEADERS.name(), partnerId,
                KEY_SERIALIZER);
        if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)) {
            throw new ViewsUnavailableException("which partition holds partner '" + partnerId + "' is not known yet");
        }
        return metadata.partition();
    }

    private PartnerViewBuilder builder(int partition, boolean allowStandby) {
        return new PartnerViewBuilder(PartnerReads.from(new PartnerReads.Source() {
            @Override
            public <V> ReadOnlyKeyValueStore<String, V> store(TrackerStore<V> store) {
                return StoreLocalViews.this.store(store, partition, allowStandby);
            }
        }));
    }

    /** A store of this instance: one partition's, or every local partition's when {@code partition} is null. */
    private <V> ReadOnlyKeyValueStore<String, V> store(TrackerStore<V> store, Integer partition, boolean allowStandby) {
        KafkaStreams.State state = streams.state();
        if (!allowStandby && state != KafkaStreams.State.RUNNING) {
            throw new ViewsUnavailableException("the tracker is " + state + ", not yet RUNNING");
        }
        StoreQueryParameters<ReadOnlyKeyValueStore<String, V>> parameters =
                StoreQueryParameters.fromNameAndType(store.name(), QueryableStoreTypes.keyValueStore());
        if (partition != null) {
            parameters = parameters.withPartition(partition);
        }
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

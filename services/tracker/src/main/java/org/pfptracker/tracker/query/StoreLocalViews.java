package org.pfptracker.tracker.query;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.pfptracker.tracker.state.ExerciseParticipation;
import org.pfptracker.tracker.state.PartnerState;
import org.pfptracker.tracker.topology.PartnerViewTopology;
import org.pfptracker.tracker.view.PartnerSummaryView;
import org.pfptracker.tracker.view.PartnerView;
import org.pfptracker.tracker.view.PartnerViews;
import org.pfptracker.tracker.view.ProgrammeView;

/** {@link LocalViews} read from this instance's RocksDB stores through interactive queries. */
public final class StoreLocalViews implements LocalViews {

    private final KafkaStreams streams;

    public StoreLocalViews(KafkaStreams streams) {
        this.streams = streams;
    }

    @Override
    public Optional<PartnerView> partner(String partnerId, LocalDate asOf, boolean allowStandby) {
        return read(() -> {
            PartnerState state = this.<PartnerState>store(PartnerViewTopology.PARTNER_STATE_STORE, allowStandby)
                    .get(partnerId);
            if (state == null) {
                return Optional.empty();
            }
            return Optional.of(PartnerViews.of(state, exercisesOf(partnerId, allowStandby), asOf));
        });
    }

    @Override
    public Optional<ProgrammeView> programme(String partnerId, String programmeId, LocalDate asOf,
                                             boolean allowStandby) {
        return read(() -> {
            PartnerState state = this.<PartnerState>store(PartnerViewTopology.PARTNER_STATE_STORE, allowStandby)
                    .get(partnerId);
            return state == null ? Optional.empty() : PartnerViews.programmeOf(state, programmeId, asOf);
        });
    }

    @Override
    public List<PartnerSummaryView> partners(LocalDate asOf) {
        return read(() -> {
            List<PartnerSummaryView> summaries = new ArrayList<>();
            try (KeyValueIterator<String, PartnerState> all =
                         this.<PartnerState>store(PartnerViewTopology.PARTNER_STATE_STORE, false).all()) {
                while (all.hasNext()) {
                    PartnerState state = all.next().value;
                    summaries.add(PartnerViews.summaryOf(state, exercisesOf(state.partnerId(), false), asOf));
                }
            }
            return summaries;
        });
    }

    private List<ExerciseParticipation> exercisesOf(String partnerId, boolean allowStandby) {
        List<ExerciseParticipation> exercises = new ArrayList<>();
        ReadOnlyKeyValueStore<String, ExerciseParticipation> store =
                store(PartnerViewTopology.PARTNER_EXERCISES_STORE, allowStandby);
        try (KeyValueIterator<String, ExerciseParticipation> scan =
                     store.prefixScan(PartnerViewTopology.entityPrefix(partnerId), new StringSerializer())) {
            while (scan.hasNext()) {
                KeyValue<String, ExerciseParticipation> entry = scan.next();
                exercises.add(entry.value);
            }
        }
        return exercises;
    }

    private <V> ReadOnlyKeyValueStore<String, V> store(String name, boolean allowStandby) {
        KafkaStreams.State state = streams.state();
        if (!allowStandby && state != KafkaStreams.State.RUNNING) {
            throw new ViewsUnavailableException("the tracker is " + state + ", not yet RUNNING");
        }
        StoreQueryParameters<ReadOnlyKeyValueStore<String, V>> parameters =
                StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.keyValueStore());
        return streams.store(allowStandby ? parameters.enableStaleStores() : parameters);
    }

    private <T> T read(java.util.function.Supplier<T> query) {
        try {
            return query.get();
        } catch (InvalidStateStoreException e) {
            throw new ViewsUnavailableException("partner views are being rebuilt or moved (" + streams.state() + ")");
        }
    }
}

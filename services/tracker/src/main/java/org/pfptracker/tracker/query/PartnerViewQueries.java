package org.pfptracker.tracker.query;

import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.pfptracker.tracker.topology.PartnerViewTopology;
import org.pfptracker.tracker.view.PartnerView;

/** Reads partner views from this instance's state store (interactive queries). */
public final class PartnerViewQueries {

    private final KafkaStreams streams;

    public PartnerViewQueries(KafkaStreams streams) {
        this.streams = streams;
    }

    /**
     * The view of one partner, empty when nothing is known about it.
     *
     * @throws ViewsUnavailableException while the store is not queryable (start-up, rebalance, restore)
     */
    public Optional<PartnerView> find(String partnerId) {
        try {
            return Optional.ofNullable(store().get(partnerId));
        } catch (InvalidStateStoreException e) {
            throw new ViewsUnavailableException("partner views are being rebuilt or moved (" + streams.state() + ")");
        }
    }

    private ReadOnlyKeyValueStore<String, PartnerView> store() {
        KafkaStreams.State state = streams.state();
        if (state != KafkaStreams.State.RUNNING) {
            throw new ViewsUnavailableException("the tracker is " + state + ", not yet RUNNING");
        }
        return streams.store(StoreQueryParameters.fromNameAndType(PartnerViewTopology.PARTNER_VIEWS_STORE,
                QueryableStoreTypes.<String, PartnerView>keyValueStore()));
    }
}

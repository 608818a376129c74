package org.pfptracker.tracker.topology;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;
import org.pfptracker.platform.event.EventCatalogue;
import org.pfptracker.platform.serde.JsonSerde;
import org.pfptracker.tracker.view.PartnerView;
import org.pfptracker.tracker.view.PartnerViewUpdater;

/**
 * The data flow that turns cooperation events into one view per partner.
 *
 * <pre>
 *   pfp.partners.v1 ─┐
 *                    ├─► group by partner id ─► apply each event ─► partner-views (RocksDB, queryable)
 *   pfp.activities.v1┘
 * </pre>
 */
public final class PartnerViewTopology {

    /** The queryable store of partner views, keyed by partner id. */
    public static final String PARTNER_VIEWS_STORE = "partner-views";

    private PartnerViewTopology() {
    }

    public static Topology build(Serde<SpecificRecord> eventSerde) {
        StreamsBuilder builder = new StreamsBuilder();

        // Every event topic is keyed by partner id and has the same partition count, so one source
        // reads them all and a partner's events meet in one task without a repartition topic.
        builder.stream(EventCatalogue.eventTopics(), Consumed.with(Serdes.String(), eventSerde))
                .groupByKey(Grouped.with(Serdes.String(), eventSerde))
                .aggregate(
                        () -> null,
                        PartnerViewUpdater::apply,
                        Materialized.<String, PartnerView, KeyValueStore<Bytes, byte[]>>as(PARTNER_VIEWS_STORE)
                                .withKeySerde(Serdes.String())
                                .withValueSerde(new JsonSerde<>(PartnerView.class)));

        return builder.build();
    }
}

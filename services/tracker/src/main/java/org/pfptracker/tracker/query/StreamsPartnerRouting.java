package org.pfptracker.tracker.query;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.pfptracker.platform.topic.Topics;
import org.pfptracker.tracker.state.TrackerStore;

/** {@link PartnerRouting} read from a running {@link KafkaStreams} instance's group metadata. */
public final class StreamsPartnerRouting implements PartnerRouting {

    /** The store partner ids are routed by: keyed by partner id as a String, default partitioner. */
    private static final String STORE = TrackerStore.PARTNER_HEADERS.name();
    private static final Serializer<String> KEY_SERIALIZER = Serdes.String().serializer();

    private final KafkaStreams streams;
    private final HostInfo self;

    /**
     * @param streams the Kafka Streams instance holding the partner store
     * @param self this instance's {@code application.server}
     */
    public StreamsPartnerRouting(KafkaStreams streams, HostInfo self) {
        this.streams = streams;
        this.self = self;
    }

    @Override
    public HostInfo self() {
        return self;
    }

    @Override
    public KeyReplicas replicasOf(String partnerId) {
        KeyQueryMetadata metadata;
        try {
            metadata = streams.queryMetadataForKey(STORE, partnerId, KEY_SERIALIZER);
        } catch (InvalidStateStoreException | IllegalStateException e) {
            // Not started yet (InvalidStateStoreException's StreamsNotStartedException) or shutting down.
            throw new ViewsUnavailableException("the tracker is " + streams.state() + ", so which instance holds"
                    + " partner '" + partnerId + "' is not known");
        }
        if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)) {
            throw new ViewsUnavailableException("which instance holds partner '" + partnerId
                    + "' is not known yet (the tracker is " + streams.state() + ")");
        }
        HostInfo active = isUnavailable(metadata.activeHost()) ? null : metadata.activeHost();
        if (active == null && metadata.standbyHosts().isEmpty()) {
            throw new ViewsUnavailableException("no instance holds partition " + metadata.partition()
                    + " of the partner views right now (a rebalance is moving it)");
        }
        return new KeyReplicas(metadata.partition(), active, metadata.standbyHosts());
    }

    @Override
    public void requireLocalCopy(int partition, boolean standby) {
        StoreQueryParameters<ReadOnlyKeyValueStore<String, Object>> parameters = StoreQueryParameters
                .fromNameAndType(STORE, QueryableStoreTypes.<String, Object>keyValueStore()).withPartition(partition);
        try {
            // Reaching the partition's store is the check: it fails unless that very partition is queryable.
            streams.store(standby ? parameters.enableStaleStores() : parameters).approximateNumEntries();
        } catch (InvalidStateStoreException | IllegalStateException e) {
            throw new ViewsUnavailableException("partition " + partition + " of the partner views is not queryable"
                    + " here yet (" + (standby ? "standby" : "active") + " copy restoring or moving; the tracker is "
                    + streams.state() + ")");
        }
    }

    @Override
    public Set<HostInfo> activeInstances() {
        KafkaStreams.State state = streams.state();
        if (state != KafkaStreams.State.RUNNING) {
            throw new ViewsUnavailableException("the tracker is " + state + ", not RUNNING: the partner list"
                    + " would be incomplete");
        }
        Collection<StreamsMetadata> everyInstance = streams.metadataForAllStreamsClients();
        checkEveryPartitionHasOneActiveInstance(everyInstance);
        Set<HostInfo> holders = new HashSet<>();
        for (StreamsMetadata instance : everyInstance) {
            if (instance.stateStoreNames().contains(STORE)) {
                holders.add(instance.hostInfo());
            }
        }
        if (holders.isEmpty()) {
            throw new ViewsUnavailableException("no instance holds the partner views yet");
        }
        return Set.copyOf(holders);
    }

    @Override
    public Optional<String> failure() {
        KafkaStreams.State state = streams.state();
        return state == KafkaStreams.State.ERROR || state == KafkaStreams.State.PENDING_ERROR
                ? Optional.of("Kafka Streams stopped on an error (" + state + "); see the log. Restart this instance.")
                : Optional.empty();
    }

    @Override
    public Readiness readiness() {
        KafkaStreams.State state = streams.state();
        if (state != KafkaStreams.State.RUNNING) {
            return new Readiness(false, state.name(), "Kafka Streams is " + state + ", not RUNNING");
        }
        Set<Integer> partitions = activePartitionsHere();
        if (partitions.isEmpty()) {
            // An instance without partitions still answers every query by forwarding it.
            return new Readiness(true, state.name(), "no partner store partition here; queries are forwarded");
        }
        for (int partition : partitions) {
            try {
                requireLocalCopy(partition, false);
            } catch (ViewsUnavailableException e) {
                return new Readiness(false, state.name(), e.getMessage());
            }
        }
        return new Readiness(true, state.name(), "partner store queryable: partitions " + partitions + " here");
    }

    /**
     * The partner store partitions this instance holds active. The store's task partitions are those of the
     * partner events topic that feeds it (the topics of one task are co-partitioned).
     */
    private Set<Integer> activePartitionsHere() {
        Set<Integer> partitions = new TreeSet<>();
        streams.metadataForAllStreamsClients().stream()
                .filter(instance -> instance.hostInfo().equals(self) && instance.stateStoreNames().contains(STORE))
                .flatMap(instance -> instance.topicPartitions().stream())
                .filter(partition -> partition.topic().equals(Topics.PARTNERS))
                .forEach(partition -> partitions.add(partition.partition()));
        return partitions;
    }

    /**
     * Every partition of every source topic must have exactly one active instance. Partition counts are
     * not in the metadata, so a gap below the highest partition seen is what gives a missing one away.
     */
    private static void checkEveryPartitionHasOneActiveInstance(Collection<StreamsMetadata> everyInstance) {
        Map<TopicPartition, HostInfo> owners = new HashMap<>();
        Map<String, Set<Integer>> partitionsByTopic = new TreeMap<>();
        for (StreamsMetadata instance : everyInstance) {
            for (TopicPartition partition : instance.topicPartitions()) {
                HostInfo other = owners.put(partition, instance.hostInfo());
                if (other != null && !other.equals(instance.hostInfo())) {
                    throw new ViewsUnavailableException(partition + " is active on both " + other + " and "
                            + instance.hostInfo() + " (a rebalance is in progress)");
                }
                partitionsByTopic.computeIfAbsent(partition.topic(), topic -> new TreeSet<>()).add(partition.partition());
            }
        }
        partitionsByTopic.forEach((topic, partitions) -> {
            List<Integer> sorted = List.copyOf(partitions);
            for (int expected = 0; expected < sorted.size(); expected++) {
                if (sorted.get(expected) != expected) {
                    throw new ViewsUnavailableException("partition " + expected + " of " + topic
                            + " has no active instance (a rebalance is in progress)");
                }
            }
        });
    }

    private static boolean isUnavailable(HostInfo host) {
        return host == null || host.port() < 0 || HostInfo.unavailable().equals(host);
    }
}

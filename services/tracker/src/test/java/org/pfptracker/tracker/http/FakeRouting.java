package org.pfptracker.tracker.http;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.streams.state.HostInfo;
import org.pfptracker.tracker.query.KeyReplicas;
import org.pfptracker.tracker.query.PartnerRouting;
import org.pfptracker.tracker.query.Readiness;
import org.pfptracker.tracker.query.ViewsUnavailableException;

/** Routing told by the test where each partner lives, as Kafka Streams metadata would say. */
final class FakeRouting implements PartnerRouting {

    private final Map<String, KeyReplicas> replicas = new HashMap<>();
    private final Set<Integer> restoring = new HashSet<>();
    private HostInfo self;
    private Set<HostInfo> activeInstances = Set.of();
    private String unavailable;
    private Readiness readiness = new Readiness(true, "RUNNING", "test");
    private Optional<String> failure = Optional.empty();

    void self(HostInfo self) {
        this.self = self;
    }

    void place(String partnerId, HostInfo active, HostInfo... standbys) {
        replicas.put(partnerId, new KeyReplicas(Math.abs(partnerId.hashCode() % 6), active, Set.of(standbys)));
    }

    void activeInstances(HostInfo... instances) {
        activeInstances = Set.of(instances);
    }

    /** From now on, every routing question fails as it does while Kafka Streams rebalances. */
    void rebalancing(String reason) {
        unavailable = reason;
    }

    /** From now on, this partition's local copies are restoring: not queryable. */
    void restoring(int partition) {
        restoring.add(partition);
    }

    /** The partition a partner was placed in. */
    int partitionOf(String partnerId) {
        return replicas.get(partnerId).partition();
    }

    void readiness(Readiness readiness) {
        this.readiness = readiness;
    }

    void failure(String why) {
        this.failure = Optional.of(why);
    }

    @Override
    public Optional<String> failure() {
        return failure;
    }

    @Override
    public HostInfo self() {
        return self;
    }

    @Override
    public KeyReplicas replicasOf(String partnerId) {
        requireAvailable();
        KeyReplicas placed = replicas.get(partnerId);
        // Unknown partners hash to some partition: say this instance holds it, as one instance always does.
        return placed != null ? placed : new KeyReplicas(0, self, Set.of());
    }

    @Override
    public void requireLocalCopy(int partition, boolean standby) {
        if (restoring.contains(partition)) {
            throw new ViewsUnavailableException("partition " + partition + " of the partner views is not queryable here yet");
        }
    }

    @Override
    public Set<HostInfo> activeInstances() {
        requireAvailable();
        return activeInstances;
    }

    @Override
    public Readiness readiness() {
        return readiness;
    }

    private void requireAvailable() {
        if (unavailable != null) {
            throw new ViewsUnavailableException(unavailable);
        }
    }
}

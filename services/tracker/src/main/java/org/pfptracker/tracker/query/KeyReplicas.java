package org.pfptracker.tracker.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Which instances hold one partner's store partition: the active copy, kept current, and the standby
 * copies, which follow it from the changelog and may lag behind.
 *
 * @param partition the store partition of the partner's key
 * @param active the instance with the active copy; {@code null} while none has it (mid-rebalance)
 * @param standbys the instances with a standby copy
 */
public record KeyReplicas(int partition, HostInfo active, Set<HostInfo> standbys) {

    public KeyReplicas {
        standbys = Set.copyOf(standbys);
    }

    public boolean isActive(HostInfo host) {
        return host.equals(active);
    }

    public boolean isStandby(HostInfo host) {
        return standbys.contains(host);
    }

    /**
     * The copies to ask, in order: the active one first, then the standbys, this instance's own standby
     * before the others (no network hop).
     */
    public List<Replica> candidates(HostInfo self) {
        List<Replica> candidates = new ArrayList<>();
        if (active != null) {
            candidates.add(new Replica(active, false));
        }
        if (isStandby(self)) {
            candidates.add(new Replica(self, true));
        }
        standbys.stream()
                .filter(host -> !host.equals(self))
                .sorted((a, b) -> a.toString().compareTo(b.toString()))
                .forEach(host -> candidates.add(new Replica(host, true)));
        return candidates;
    }

    /**
     * One copy of a partner's data.
     *
     * @param host the instance holding it
     * @param standby whether it is a standby copy (possibly stale)
     */
    public record Replica(HostInfo host, boolean standby) {
    }
}

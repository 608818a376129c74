package org.pfptracker.tracker.query;

import java.util.Optional;
import java.util.Set;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Where partner views live across the tracker instances, from the Kafka Streams group metadata. The
 * HTTP layer routes every query by it: answer here, or forward to the instance that holds the data.
 */
public interface PartnerRouting {

    /** This instance, as the others know it ({@code application.server}). */
    HostInfo self();

    /**
     * The copies of one partner's store partition.
     *
     * @throws ViewsUnavailableException while the instances do not know yet who holds it (starting,
     *     rebalancing), or when no instance holds it at all
     */
    KeyReplicas replicasOf(String partnerId);

    /**
     * Checks that this instance can read one partition of the partner store now: its active copy, or with
     * {@code standby} also its standby copy. A partition that is still restoring is left out of a store
     * read across partitions, which would then wrongly say "no such partner"; hence this check before
     * each read.
     *
     * @throws ViewsUnavailableException while the partition restores here, or when it is not here at all
     */
    void requireLocalCopy(int partition, boolean standby);

    /**
     * Every instance holding active partitions of the partner store, this one included if it does, after
     * checking that together they hold every partition exactly once.
     *
     * @throws ViewsUnavailableException while this instance is not RUNNING, or while some partition has no
     *     active instance or two of them (a rebalance in progress): a list gathered then would be incomplete
     */
    Set<HostInfo> activeInstances();

    /** Whether this instance can answer queries from its own stores now. */
    Readiness readiness();

    /**
     * Why this instance can never answer again by itself (its Kafka Streams client stopped on an error), or empty
     * while it can: what liveness reports, so that an orchestrator restarts it.
     */
    default Optional<String> failure() {
        return Optional.empty();
    }
}

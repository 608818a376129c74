package org.pfptracker.gateway.partner;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.specific.SpecificRecord;
import org.pfptracker.event.PartnerJoined;

/**
 * The partners the gateway knows, so that commands naming an unknown partner are refused.
 *
 * <p>Filled from the partners topic by {@link PartnerDirectoryLoader} and, for read-your-writes, by the
 * gateway itself the moment Kafka acknowledges a join it published. It is {@linkplain #isComplete()
 * complete} once the loader has read the topic up to the end offsets it found at start-up: before that, a
 * partner missing from it may still be on its way. Thread-safe.
 */
public final class PartnerDirectory {

    private final ConcurrentMap<String, KnownPartner> partners = new ConcurrentHashMap<>();
    private volatile boolean complete;

    /** Learns from an event: a PartnerJoined makes its partner known; any other event is ignored. */
    public void learn(SpecificRecord event) {
        if (event instanceof PartnerJoined joined) {
            String partnerId = joined.getMetadata().getPartnerId();
            // The first join wins: a later duplicate must not change which event id counts as "the" join.
            partners.putIfAbsent(partnerId,
                    new KnownPartner(partnerId, joined.getName(), joined.getMetadata().getEventId()));
        }
    }

    public boolean isKnown(String partnerId) {
        return partners.containsKey(partnerId);
    }

    public Optional<KnownPartner> find(String partnerId) {
        return Optional.ofNullable(partners.get(partnerId));
    }

    /** Number of partners known. */
    public int size() {
        return partners.size();
    }

    /** Whether every join on the partners topic at start-up has been read. */
    public boolean isComplete() {
        return complete;
    }

    void markComplete() {
        complete = true;
    }
}

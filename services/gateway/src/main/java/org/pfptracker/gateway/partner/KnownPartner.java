package org.pfptracker.gateway.partner;

import java.util.Objects;
import java.util.UUID;

/**
 * A partner the gateway knows has joined.
 *
 * @param partnerId the partner's id
 * @param name its name as NATO writes it
 * @param joinEventId id of the PartnerJoined event that made it known, so that a retried join
 *     (same Idempotency-Key, hence same event id) is told apart from a second, conflicting join
 */
public record KnownPartner(String partnerId, String name, UUID joinEventId) {

    public KnownPartner {
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(joinEventId, "joinEventId");
    }
}

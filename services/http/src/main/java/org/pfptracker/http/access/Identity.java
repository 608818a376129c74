package org.pfptracker.http.access;

import java.util.Objects;
import java.util.Set;
import org.pfptracker.core.partner.PartnerId;

/**
 * Who is calling, as a verified token says: the subject, the client the token was issued to, the roles,
 * and what the roles are bound to.
 *
 * @param subject the token's {@code sub}
 * @param client the client the token was issued to ({@code azp} or {@code client_id}); what an event's
 *     {@code metadata.source} says when this identity publishes it
 * @param roles the roles of ours the token carries
 * @param partnerId the partner a partner reader reads, or a writer writes for; {@code null} when unbound (a
 *     token whose partner claim is not a partner id is refused before it becomes an identity)
 * @param eventTypes the event types a writer may publish; {@link #ANY_EVENT_TYPE} allows every type
 */
public record Identity(String subject, String client, Set<Role> roles, PartnerId partnerId, Set<String> eventTypes) {

    /** In a token's event-types claim: every event type. */
    public static final String ANY_EVENT_TYPE = "*";
    /** The subject of every caller when access control is off: nobody was identified. */
    public static final String UNIDENTIFIED = "anonymous";

    public Identity {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(client, "client");
        roles = Set.copyOf(roles);
        eventTypes = Set.copyOf(eventTypes);
    }

    /** Whether no token identified this caller (access control is off). */
    public boolean unidentified() {
        return UNIDENTIFIED.equals(subject);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /**
     * Whether this identity reads the partner's views: staff read every partner, a partner reader only its
     * own. A partner reader with no partner in its token reads none.
     */
    public boolean reads(String partner) {
        return has(Role.STAFF_READER) || (has(Role.PARTNER_READER) && partnerId != null && partner.equals(partnerId.value()));
    }

    /** Whether this identity reads every partner (the list and the live feed unfiltered). */
    public boolean readsEveryPartner() {
        return has(Role.STAFF_READER);
    }

    /** Whether this identity reads some partner's views. */
    public boolean readsPartners() {
        return has(Role.STAFF_READER) || (has(Role.PARTNER_READER) && partnerId != null);
    }

    /**
     * Why this identity may not publish an event of the type about the partner, or {@code null} when it
     * may. A writer bound to a partner writes only that partner's events; an unbound writer, any partner's.
     */
    public String whyNotWrite(String eventType, String partner) {
        if (!has(Role.WRITER)) {
            return "the token does not carry the role '" + Role.WRITER.claimValue() + "'";
        }
        if (!eventTypes.contains(ANY_EVENT_TYPE) && !eventTypes.contains(eventType)) {
            return "the token does not allow publishing " + eventType + " events";
        }
        if (partnerId != null && partner != null && !partnerId.value().equals(partner)) {
            return "the token publishes for partner '" + partnerId + "' only";
        }
        return null;
    }

    @Override
    public String toString() {
        return subject + " (client " + client + ", roles " + roles + (partnerId == null ? "" : ", partner " + partnerId) + ")";
    }
}

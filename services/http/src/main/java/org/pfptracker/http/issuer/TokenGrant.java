package org.pfptracker.http.issuer;

import java.util.List;
import java.util.Objects;
import org.pfptracker.http.access.Role;

/**
 * What a token from the local issuer says about its holder.
 *
 * @param subject who holds it
 * @param client the client it is issued to (becomes {@code metadata.source} of what a writer publishes)
 * @param roles its roles
 * @param partnerId the partner it is bound to, or {@code null}
 * @param eventTypes the event types a writer may publish ({@code *} for all)
 */
public record TokenGrant(String subject, String client, List<Role> roles, String partnerId, List<String> eventTypes) {

    public TokenGrant {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(client, "client");
        roles = List.copyOf(roles);
        eventTypes = List.copyOf(eventTypes);
    }

    /** Alliance staff reading every partner. */
    public static TokenGrant staffReader() {
        return new TokenGrant("staff", "pfp-dashboard", List.of(Role.STAFF_READER), null, List.of());
    }

    /** One partner's reader. */
    public static TokenGrant partnerReader(String partnerId) {
        return new TokenGrant(partnerId + "-reader", "pfp-dashboard", List.of(Role.PARTNER_READER), partnerId, List.of());
    }

    /** An upstream system publishing every event type for every partner. */
    public static TokenGrant writer(String client) {
        return new TokenGrant(client, client, List.of(Role.WRITER), null, List.of("*"));
    }

    /** The schema registry's administrator. */
    public static TokenGrant registryAdmin() {
        return new TokenGrant("registry-admin", "pfp-cli", List.of(Role.REGISTRY_ADMIN), null, List.of());
    }

    /** An operator reading metrics. */
    public static TokenGrant operator() {
        return new TokenGrant("operator", "pfp-cli", List.of(Role.OPERATOR), null, List.of());
    }
}

package org.pfptracker.http.access;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.pfptracker.platform.config.Setting;
import org.pfptracker.platform.config.Settings;

/**
 * How callers are identified, declared once for every pfp server (tracker, gateway, registry).
 *
 * @param enabled whether calls need a token; off only when asked for explicitly
 * @param issuer the token issuer ({@code iss}) accepted, e.g. a Keycloak realm's URL
 * @param jwksUrl where the issuer's public keys are, or {@code null} to find them through the issuer's
 *     {@code /.well-known/openid-configuration}
 * @param audience the audience ({@code aud}) a token must name
 * @param rolesClaim the claim holding the roles (a dotted path reaches into objects, e.g.
 *     {@code realm_access.roles} for Keycloak's realm roles)
 * @param partnerClaim the claim binding a token to one partner
 * @param eventTypesClaim the claim listing the event types a writer may publish
 * @param clientClaim the claim naming the client a token was issued to ({@code client_id} is read when it
 *     is missing)
 * @param clockSkew the clock difference tolerated on {@code exp} and {@code nbf}
 * @param jwksMinRefresh the least time between two fetches of the issuer's keys; a token signed with an
 *     unknown key triggers a fetch no more often than this
 */
public record AccessSettings(boolean enabled, URI issuer, URI jwksUrl, String audience, String rolesClaim,
                             String partnerClaim, String eventTypesClaim, String clientClaim, Duration clockSkew,
                             Duration jwksMinRefresh) {

    public static final Setting MODE = new Setting("access.mode", "tokens",
            "'tokens': every call needs an OIDC bearer token (JWT) from the configured issuer; 'off' lets anyone"
                    + " call anything, logs a warning at every start, and is for experiments only.");
    public static final Setting ISSUER = new Setting("access.issuer", null,
            "The token issuer (iss) accepted, e.g. https://idp.example.org/realms/pfp. pfp local sets its own"
                    + " local issuer.");
    public static final Setting JWKS_URL = new Setting("access.jwks.url", null,
            "Where the issuer's signing keys (JWKS) are; empty to read jwks_uri from the issuer's"
                    + " /.well-known/openid-configuration.");
    public static final Setting AUDIENCE = new Setting("access.audience", "pfp-tracker",
            "The audience (aud) every token must name.");
    public static final Setting ROLES_CLAIM = new Setting("access.claims.roles", "pfp_roles",
            "Claim holding the roles (staff-reader, partner-reader, writer, registry-admin, operator); a dotted"
                    + " path such as realm_access.roles reaches into an object.");
    public static final Setting PARTNER_CLAIM = new Setting("access.claims.partner", "pfp_partner",
            "Claim binding a token to one partner: a partner reader reads only it, a writer writes only for it.");
    public static final Setting EVENT_TYPES_CLAIM = new Setting("access.claims.event-types", "pfp_event_types",
            "Claim listing the event types a writer may publish (e.g. ActivityProposed), or * for all.");
    public static final Setting CLIENT_CLAIM = new Setting("access.claims.client", "azp",
            "Claim naming the client a token was issued to (client_id is read when it is missing); it becomes"
                    + " metadata.source of the events the client publishes.");
    public static final Setting CLOCK_SKEW = new Setting("access.clock-skew", "30s",
            "Clock difference tolerated when checking a token's exp and nbf.");
    public static final Setting JWKS_MIN_REFRESH = new Setting("access.jwks.min-refresh", "30s",
            "Least time between two fetches of the issuer's keys: a token signed with an unknown key id"
                    + " triggers a fetch (keys rotate), no more often than this.");

    public static final List<Setting> ALL = List.of(MODE, ISSUER, JWKS_URL, AUDIENCE, ROLES_CLAIM, PARTNER_CLAIM,
            EVENT_TYPES_CLAIM, CLIENT_CLAIM, CLOCK_SKEW, JWKS_MIN_REFRESH);

    public AccessSettings {
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(rolesClaim, "rolesClaim");
        Objects.requireNonNull(partnerClaim, "partnerClaim");
        Objects.requireNonNull(eventTypesClaim, "eventTypesClaim");
        Objects.requireNonNull(clientClaim, "clientClaim");
        Objects.requireNonNull(clockSkew, "clockSkew");
        Objects.requireNonNull(jwksMinRefresh, "jwksMinRefresh");
        if (enabled) {
            Objects.requireNonNull(issuer, "issuer");
        }
    }

    /** The settings for tokens from this issuer, every other option at its default. */
    public static AccessSettings forIssuer(URI issuer, URI jwksUrl) {
        return from(Settings.of(java.util.Map.of(ISSUER.key(), issuer.toString(),
                JWKS_URL.key(), jwksUrl == null ? "" : jwksUrl.toString())));
    }

    /** Access control switched off: every call is let through. */
    public static AccessSettings off() {
        return from(Settings.of(java.util.Map.of(MODE.key(), "off")));
    }

    public static AccessSettings from(Settings settings) {
        String mode = settings.get(MODE);
        boolean enabled = switch (mode) {
            case "tokens" -> true;
            case "off" -> false;
            default -> throw new org.pfptracker.platform.config.ConfigurationException("Setting '" + MODE.key()
                    + "' must be 'tokens' or 'off', was '" + mode + "'");
        };
        return new AccessSettings(enabled,
                enabled ? URI.create(settings.get(ISSUER)) : settings.find(ISSUER).map(URI::create).orElse(null),
                settings.find(JWKS_URL).map(URI::create).orElse(null), settings.get(AUDIENCE),
                settings.get(ROLES_CLAIM), settings.get(PARTNER_CLAIM), settings.get(EVENT_TYPES_CLAIM),
                settings.get(CLIENT_CLAIM), settings.getDuration(CLOCK_SKEW), settings.getDuration(JWKS_MIN_REFRESH));
    }
}

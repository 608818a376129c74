package org.pfptracker.http.access;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.pfptracker.http.DurationText;

/**
 * How callers are identified, declared once for every pfp server (tracker, gateway, registry). The
 * options are listed in {@link #OPTIONS} with their defaults and documentation; each server reads them
 * from its own configuration source through {@link #from(Function)}.
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
 * @param dashboardClient the dashboard's client id at the issuer, for signing people in with the code flow
 */
public record AccessSettings(boolean enabled, URI issuer, URI jwksUrl, String audience, String rolesClaim,
                             String partnerClaim, String eventTypesClaim, String clientClaim, Duration clockSkew,
                             Duration jwksMinRefresh, String dashboardClient) {

    /**
     * One option: its key, its default ({@code null} when it has none) and what it does.
     *
     * @param key property name, as {@code pfp config} lists it
     * @param defaultValue the value when none is given
     * @param doc one line of documentation
     */
    public record Option(String key, String defaultValue, String doc) {
    }

    public static final Option MODE = new Option("access.mode", "tokens",
            "'tokens': every call needs an OIDC bearer token (JWT) from the configured issuer; 'off' lets anyone"
                    + " call anything, logs a warning at every start, and is for experiments only.");
    public static final Option ISSUER = new Option("access.issuer", null,
            "The token issuer (iss) accepted, e.g. https://idp.example.org/realms/pfp. pfp local runs its own"
                    + " local issuer when none is given.");
    public static final Option JWKS_URL = new Option("access.jwks.url", null,
            "Where the issuer's signing keys (JWKS) are; empty to read jwks_uri from the issuer's"
                    + " /.well-known/openid-configuration.");
    public static final Option AUDIENCE = new Option("access.audience", "pfp-tracker",
            "The audience (aud) every token must name.");
    public static final Option ROLES_CLAIM = new Option("access.claims.roles", "pfp_roles",
            "Claim holding the roles (staff-reader, partner-reader, writer, registry-admin, operator); a dotted"
                    + " path such as realm_access.roles reaches into an object.");
    public static final Option PARTNER_CLAIM = new Option("access.claims.partner", "pfp_partner",
            "Claim binding a token to one partner: a partner reader reads only it, a writer writes only for it.");
    public static final Option EVENT_TYPES_CLAIM = new Option("access.claims.event.types", "pfp_event_types",
            "Claim listing the event types a writer may publish (e.g. ActivityProposed), or * for all.");
    public static final Option CLIENT_CLAIM = new Option("access.claims.client", "azp",
            "Claim naming the client a token was issued to (client_id is read when it is missing); it becomes"
                    + " metadata.source of the events the client publishes.");
    public static final Option CLOCK_SKEW = new Option("access.clock.skew", "30s",
            "Clock difference tolerated when checking a token's exp and nbf.");
    public static final Option JWKS_MIN_REFRESH = new Option("access.jwks.min.refresh", "30s",
            "Least time between two fetches of the issuer's keys: a token signed with an unknown key id"
                    + " triggers a fetch (keys rotate), no more often than this.");

    public static final Option DASHBOARD_CLIENT = new Option("access.dashboard.client", "pfp-dashboard",
            "The dashboard's client id at the issuer: a public client signing people in with the authorization code"
                    + " flow and PKCE, redirected back to <tracker>/signin.");

    public static final List<Option> OPTIONS = List.of(MODE, ISSUER, JWKS_URL, AUDIENCE, ROLES_CLAIM, PARTNER_CLAIM,
            EVENT_TYPES_CLAIM, CLIENT_CLAIM, CLOCK_SKEW, JWKS_MIN_REFRESH, DASHBOARD_CLIENT);

    public AccessSettings {
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(rolesClaim, "rolesClaim");
        Objects.requireNonNull(partnerClaim, "partnerClaim");
        Objects.requireNonNull(eventTypesClaim, "eventTypesClaim");
        Objects.requireNonNull(clientClaim, "clientClaim");
        Objects.requireNonNull(clockSkew, "clockSkew");
        Objects.requireNonNull(jwksMinRefresh, "jwksMinRefresh");
        Objects.requireNonNull(dashboardClient, "dashboardClient");
        if (enabled && issuer == null) {
            throw new IllegalArgumentException("Access control is on (" + MODE.key() + "=tokens) but no issuer is set:"
                    + " set " + ISSUER.key() + " (environment PFP_ACCESS_ISSUER) to your OpenID Connect issuer, or "
                    + MODE.key() + "=off for an experiment");
        }
    }

    /** The settings for tokens from this issuer, every other option at its default. */
    public static AccessSettings forIssuer(URI issuer, URI jwksUrl) {
        return fromMap(Map.of(ISSUER.key(), issuer.toString(), JWKS_URL.key(), jwksUrl == null ? "" : jwksUrl.toString()));
    }

    /** Access control switched off: every call is let through (and every start says so). */
    public static AccessSettings off() {
        return fromMap(Map.of(MODE.key(), "off"));
    }

    /** From explicit values by key; options not given take their defaults. */
    public static AccessSettings fromMap(Map<String, String> values) {
        return from(key -> Optional.ofNullable(values.get(key)));
    }

    /**
     * From a configuration source: {@code explicit} gives the value set for a key, if any; blank counts as
     * not set.
     *
     * @throws IllegalArgumentException naming the option when a value is malformed or a required one missing
     */
    public static AccessSettings from(Function<String, Optional<String>> explicit) {
        Function<Option, String> value = option -> explicit.apply(option.key()).map(String::trim)
                .filter(text -> !text.isEmpty()).orElse(option.defaultValue());
        String mode = value.apply(MODE);
        boolean enabled = switch (mode) {
            case "tokens" -> true;
            case "off" -> false;
            default -> throw new IllegalArgumentException("Setting '" + MODE.key() + "' must be 'tokens' or 'off', was '"
                    + mode + "'");
        };
        String issuer = value.apply(ISSUER);
        String jwks = value.apply(JWKS_URL);
        return new AccessSettings(enabled, issuer == null ? null : uri(ISSUER, issuer), jwks == null ? null : uri(JWKS_URL, jwks),
                value.apply(AUDIENCE), value.apply(ROLES_CLAIM), value.apply(PARTNER_CLAIM), value.apply(EVENT_TYPES_CLAIM),
                value.apply(CLIENT_CLAIM), DurationText.parse(CLOCK_SKEW.key(), value.apply(CLOCK_SKEW)),
                DurationText.parse(JWKS_MIN_REFRESH.key(), value.apply(JWKS_MIN_REFRESH)), value.apply(DASHBOARD_CLIENT));
    }

    private static URI uri(Option option, String text) {
        try {
            URI uri = URI.create(text);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("not an absolute URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Setting '" + option.key() + "' must be an absolute URL, was '" + text + "'");
        }
    }
}

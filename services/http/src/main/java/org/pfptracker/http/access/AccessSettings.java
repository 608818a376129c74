package org.pfptracker.http.access;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.pfptracker.core.config.ConfigurationException;
import org.pfptracker.core.config.Setting;
import org.pfptracker.core.config.Settings;
import org.pfptracker.core.config.Validator;

/**
 * How callers are identified, declared once for every pfp server (tracker, gateway, registry). The
 * options are declared in {@link #OPTIONS}, each with its type, default and documentation; each server reads
 * them from its settings through {@link #from(Settings)}.
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

    public static final Setting<String> MODE = Setting.string("access.mode",
            "'tokens': every call needs an OIDC bearer token (JWT) from the configured issuer; 'off' lets anyone"
                    + " call anything, logs a warning at every start, and is for experiments only.")
            .withDefault("tokens").validatedBy(Validator.oneOf("tokens", "off"));
    public static final Setting<URI> ISSUER = Setting.url("access.issuer",
            "The token issuer (iss) accepted, e.g. https://idp.example.org/realms/pfp. pfp local runs its own"
                    + " local issuer when none is given.").optional();
    public static final Setting<URI> JWKS_URL = Setting.url("access.jwks.url",
            "Where the issuer's signing keys (JWKS) are; empty to read jwks_uri from the issuer's"
                    + " /.well-known/openid-configuration.").optional();
    public static final Setting<String> AUDIENCE = Setting.string("access.audience",
            "The audience (aud) every token must name.").withDefault("pfp-tracker");
    public static final Setting<String> ROLES_CLAIM = Setting.string("access.claims.roles",
            "Claim holding the roles (staff-reader, partner-reader, writer, registry-admin, operator); a dotted"
                    + " path such as realm_access.roles reaches into an object.").withDefault("pfp_roles");
    public static final Setting<String> PARTNER_CLAIM = Setting.string("access.claims.partner",
            "Claim binding a token to one partner: a partner reader reads only it, a writer writes only for it.")
            .withDefault("pfp_partner");
    public static final Setting<String> EVENT_TYPES_CLAIM = Setting.string("access.claims.event.types",
            "Claim listing the event types a writer may publish (e.g. ActivityProposed), or * for all.")
            .withDefault("pfp_event_types");
    public static final Setting<String> CLIENT_CLAIM = Setting.string("access.claims.client",
            "Claim naming the client a token was issued to (client_id is read when it is missing); it becomes"
                    + " metadata.source of the events the client publishes.").withDefault("azp");
    public static final Setting<Duration> CLOCK_SKEW = Setting.duration("access.clock.skew",
            "Clock difference tolerated when checking a token's exp and nbf.").withDefault(Duration.ofSeconds(30))
            .validatedBy(Validator.atLeast(Duration.ZERO));
    public static final Setting<Duration> JWKS_MIN_REFRESH = Setting.duration("access.jwks.min.refresh",
            "Least time between two fetches of the issuer's keys: a token signed with an unknown key id"
                    + " triggers a fetch (keys rotate), no more often than this.").withDefault(Duration.ofSeconds(30))
            .validatedBy(Validator.atLeast(Duration.ZERO));

    public static final Setting<String> DASHBOARD_CLIENT = Setting.string("access.dashboard.client",
            "The dashboard's client id at the issuer: a public client signing people in with the authorization code"
                    + " flow and PKCE, redirected back to <tracker>/signin.").withDefault("pfp-dashboard");

    /** Every option, in the order {@code pfp config} lists them. */
    public static final List<Setting<?>> OPTIONS = List.of(MODE, ISSUER, JWKS_URL, AUDIENCE, ROLES_CLAIM,
            PARTNER_CLAIM, EVENT_TYPES_CLAIM, CLIENT_CLAIM, CLOCK_SKEW, JWKS_MIN_REFRESH, DASHBOARD_CLIENT);

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
                    + " set " + ISSUER.key() + " (environment " + ISSUER.environmentVariable() + ") to your OpenID Connect issuer, or "
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
        return from(Settings.of(values));
    }

    /**
     * From a process's settings.
     *
     * @throws ConfigurationException naming the option when a value is malformed or a required one missing
     */
    public static AccessSettings from(Settings settings) {
        boolean enabled = "tokens".equals(settings.get(MODE));
        URI issuer = settings.find(ISSUER).orElse(null);
        try {
            return new AccessSettings(enabled, issuer, settings.find(JWKS_URL).orElse(null), settings.get(AUDIENCE),
                    settings.get(ROLES_CLAIM), settings.get(PARTNER_CLAIM), settings.get(EVENT_TYPES_CLAIM),
                    settings.get(CLIENT_CLAIM), settings.get(CLOCK_SKEW), settings.get(JWKS_MIN_REFRESH),
                    settings.get(DASHBOARD_CLIENT));
        } catch (ConfigurationException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            // Options that only together are wrong (tokens without an issuer): an operator's mistake all the same.
            throw new ConfigurationException(e.getMessage());
        }
    }
}

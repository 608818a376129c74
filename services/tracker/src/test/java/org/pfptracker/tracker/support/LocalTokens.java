package org.pfptracker.tracker.support;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.pfptracker.http.access.AccessSettings;
import org.pfptracker.http.issuer.LocalIssuerServer;
import org.pfptracker.http.issuer.TokenGrant;

/**
 * One local token issuer for the integration tests of this JVM, so trackers run with access control on,
 * as they do by default, and tests read with real tokens.
 */
public final class LocalTokens {

    private static LocalIssuerServer issuer;

    private LocalTokens() {
    }

    private static synchronized LocalIssuerServer issuer() {
        if (issuer == null) {
            issuer = LocalIssuerServer.start("127.0.0.1", 0, null, Clock.systemUTC());
            Runtime.getRuntime().addShutdownHook(new Thread(issuer::close, "local-tokens-stop"));
        }
        return issuer;
    }

    /** The settings that make a tracker accept this issuer's tokens. */
    public static Map<String, String> settings() {
        return Map.of(AccessSettings.ISSUER.key(), issuer().issuer().issuer().toString(),
                AccessSettings.JWKS_URL.key(), issuer().jwksUrl().toString());
    }

    /** The same as environment variables, for a tracker in a child JVM. */
    public static Map<String, String> environment() {
        return Map.of(AccessSettings.ISSUER.environmentVariable(), issuer().issuer().issuer().toString(),
                AccessSettings.JWKS_URL.environmentVariable(), issuer().jwksUrl().toString());
    }

    /** An Authorization header value for alliance staff, who read every partner. */
    public static String staff() {
        return bearer(TokenGrant.staffReader());
    }

    public static String bearer(TokenGrant grant) {
        return "Bearer " + issuer().issuer().issue(grant, Duration.ofHours(1));
    }
}

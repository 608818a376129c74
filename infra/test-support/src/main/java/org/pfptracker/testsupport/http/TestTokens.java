package org.pfptracker.testsupport.http;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.pfptracker.http.access.AccessSettings;
import org.pfptracker.http.issuer.LocalIssuerServer;
import org.pfptracker.http.issuer.TokenGrant;

/**
 * One local token issuer for the test JVM, started on first use and stopped with the JVM, so that services under
 * test run with access control on, as they do by default, and tests call them with real tokens.
 */
public final class TestTokens {

    /** The client {@link #writer()}'s token names: what events published with it carry as their source. */
    public static final String WRITER_CLIENT = "test-writer";

    private static LocalIssuerServer issuer;

    private TestTokens() {
    }

    private static synchronized LocalIssuerServer issuer() {
        if (issuer == null) {
            issuer = LocalIssuerServer.start("127.0.0.1", 0, null, Clock.systemUTC());
            Runtime.getRuntime().addShutdownHook(new Thread(issuer::close, "test-tokens-stop"));
        }
        return issuer;
    }

    /** The settings that make a service accept this issuer's tokens. */
    public static Map<String, String> settings() {
        return Map.of(AccessSettings.ISSUER.key(), issuer().issuer().issuer().toString(),
                AccessSettings.JWKS_URL.key(), issuer().jwksUrl().toString());
    }

    /** The same as environment variables, for a service in a child JVM. */
    public static Map<String, String> environment() {
        return Map.of(AccessSettings.ISSUER.environmentVariable(), issuer().issuer().issuer().toString(),
                AccessSettings.JWKS_URL.environmentVariable(), issuer().jwksUrl().toString());
    }

    /** A token for this grant, valid for an hour: for clients that add the {@code Bearer} themselves. */
    public static String token(TokenGrant grant) {
        return issuer().issuer().issue(grant, Duration.ofHours(1));
    }

    /** An Authorization header value ({@code Bearer ...}) for this grant, valid for an hour. */
    public static String bearer(TokenGrant grant) {
        return "Bearer " + token(grant);
    }

    /** An Authorization header value for alliance staff, who read every partner. */
    public static String staff() {
        return bearer(TokenGrant.staffReader());
    }

    /** An Authorization header value for an upstream system ({@link #WRITER_CLIENT}) that may publish every event type. */
    public static String writer() {
        return writer(WRITER_CLIENT);
    }

    /** An Authorization header value for an upstream system, this client, that may publish every event type. */
    public static String writer(String client) {
        return bearer(TokenGrant.writer(client));
    }
}

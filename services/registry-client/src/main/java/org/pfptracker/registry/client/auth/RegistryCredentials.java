package org.pfptracker.registry.client.auth;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.pfptracker.registry.client.auth.internals.Secrets;

/**
 * What a schema registry client sends in the {@code Authorization} header of each call. Immutable
 * values; none of them prints a secret in {@link Object#toString()}.
 *
 * <p>Code that builds a client directly picks one of the factories here and hands it to
 * {@code SchemaRegistryClientConfig.withCredentials(...)}. A Kafka client's configuration map names the
 * same choices with Confluent's keys; {@link RegistryAuthConfig} reads them.
 *
 * <p>A sealed interface with a {@link Visitor}: a new kind of credentials does not compile until every
 * visitor says what it means.
 */
public sealed interface RegistryCredentials {

    /** Sends no {@code Authorization} header: for a registry that does not ask for one. */
    static RegistryCredentials none() {
        return None.INSTANCE;
    }

    /** HTTP Basic authentication (RFC 7617) with one username and password for every registry URL. */
    static Basic basic(String username, String password) {
        return new Basic(username, password);
    }

    /**
     * HTTP Basic authentication from Confluent's {@code username:password} form; the password may hold
     * colons, the username may not.
     *
     * @throws IllegalArgumentException when there is no colon; the message does not repeat the text
     */
    static Basic basicFromUserInfo(String userInfo) {
        Objects.requireNonNull(userInfo, "userInfo");
        int colon = userInfo.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("user info must have the form username:password");
        }
        return new Basic(userInfo.substring(0, colon), userInfo.substring(colon + 1));
    }

    /**
     * HTTP Basic authentication with the user info each registry URL carries
     * ({@code https://user:password@host}), percent-decoded as Confluent's client does since 7.x.
     *
     * @param urls the registry URLs, with their user info
     * @throws IllegalArgumentException when a URL carries none; the message names the URL without it
     */
    static UrlUserInfo fromUrlUserInfo(List<URI> urls) {
        Map<URI, Basic> byBaseUrl = new LinkedHashMap<>();
        for (URI url : urls) {
            String userInfo = url.getUserInfo();
            if (userInfo == null || userInfo.isEmpty()) {
                throw new IllegalArgumentException("The schema registry URL " + Secrets.configuredUrl(url.toString())
                        + " carries no user info (https://username:password@host)");
            }
            byBaseUrl.put(Secrets.withoutUserInfo(url), basicFromUserInfo(userInfo));
        }
        return new UrlUserInfo(byBaseUrl);
    }

    /** A bearer token (RFC 6750) sent as it is, e.g. a JWT issued for a service: it is never refreshed. */
    static BearerToken bearerToken(String token) {
        return new BearerToken(token);
    }

    /**
     * Bearer tokens obtained with the OAuth 2.0 client credentials grant (RFC 6749 section 4.4) and
     * refreshed before they expire, with Confluent's default buffer of five minutes.
     *
     * @param tokenEndpoint the issuer's token endpoint
     * @param clientId      the client's id, sent with its secret in an HTTP Basic header, as Kafka's client does
     * @param clientSecret  the client's secret
     * @param scope         the scope to ask for, or empty to ask for the client's default
     */
    static OAuthClientCredentials oauthClientCredentials(URI tokenEndpoint, String clientId, String clientSecret,
                                                         Optional<String> scope) {
        return new OAuthClientCredentials(tokenEndpoint, clientId, clientSecret, scope,
                OAuthClientCredentials.DEFAULT_EXPIRY_BUFFER);
    }

    /** Calls the visitor's method for this kind of credentials. */
    <R> R accept(Visitor<R> visitor);

    /** One method per kind of credentials. */
    interface Visitor<R> {

        R none();

        R basic(Basic basic);

        R urlUserInfo(UrlUserInfo urlUserInfo);

        R bearerToken(BearerToken token);

        R oauthClientCredentials(OAuthClientCredentials oauth);
    }

    /** No credentials. */
    record None() implements RegistryCredentials {

        private static final None INSTANCE = new None();

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.none();
        }

        @Override
        public String toString() {
            return "no credentials";
        }
    }

    /**
     * One username and password for every registry URL.
     *
     * @param username the user, without a colon
     * @param password the password
     */
    record Basic(String username, String password) implements RegistryCredentials {

        /** Checks the fields: RFC 7617 forbids a colon in the username. */
        public Basic {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
            if (username.isEmpty()) {
                throw new IllegalArgumentException("The username of Basic credentials must not be empty");
            }
            if (username.indexOf(':') >= 0) {
                throw new IllegalArgumentException("The username of Basic credentials must not contain a colon");
            }
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.basic(this);
        }

        /** Neither the username nor the password: with an API key, the username is half the secret. */
        @Override
        public String toString() {
            return "Basic[username=" + Secrets.HIDDEN + ", password=" + Secrets.HIDDEN + "]";
        }
    }

    /**
     * Basic credentials per registry URL, taken from the URLs' user info.
     *
     * @param byBaseUrl the credentials of each base URL, keyed by the URL without its user info
     */
    record UrlUserInfo(Map<URI, Basic> byBaseUrl) implements RegistryCredentials {

        /** Copies the map, keeping its order. */
        public UrlUserInfo {
            Objects.requireNonNull(byBaseUrl, "byBaseUrl");
            if (byBaseUrl.isEmpty()) {
                throw new IllegalArgumentException("Credentials from URL user info need at least one URL");
            }
            byBaseUrl = Collections.unmodifiableMap(new LinkedHashMap<>(byBaseUrl));
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.urlUserInfo(this);
        }

        @Override
        public String toString() {
            return "UrlUserInfo" + byBaseUrl.keySet();
        }
    }

    /**
     * A static bearer token.
     *
     * @param token the token, e.g. a compact JWT, without the {@code Bearer } prefix
     */
    record BearerToken(String token) implements RegistryCredentials {

        /** Checks that there is a token, and that it can go in a header. */
        public BearerToken {
            Objects.requireNonNull(token, "token");
            if (token.isBlank()) {
                throw new IllegalArgumentException("The bearer token must not be blank");
            }
            if (token.regionMatches(true, 0, "Bearer ", 0, 7)) {
                throw new IllegalArgumentException("Give the bearer token without the 'Bearer ' prefix");
            }
            if (token.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
                throw new IllegalArgumentException("The bearer token must be printable ASCII without spaces");
            }
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.bearerToken(this);
        }

        @Override
        public String toString() {
            return "BearerToken[" + Secrets.HIDDEN + "]";
        }
    }

    /**
     * The OAuth 2.0 client credentials grant.
     *
     * @param tokenEndpoint the issuer's token endpoint (http or https)
     * @param clientId      the client's id; not a secret (RFC 6749 section 2.2), so it is printed
     * @param clientSecret  the client's secret
     * @param scope         the scope to ask for, or empty
     * @param expiryBuffer  how long before a token expires to fetch the next one; Confluent's
     *                      {@code bearer.auth.cache.expiry.buffer.seconds}, 0 to 1 hour
     */
    record OAuthClientCredentials(URI tokenEndpoint, String clientId, String clientSecret, Optional<String> scope,
                                  Duration expiryBuffer) implements RegistryCredentials {

        /** Confluent's default: fetch a new token five minutes before the current one expires. */
        public static final Duration DEFAULT_EXPIRY_BUFFER = Duration.ofMinutes(5);
        /** Confluent's upper bound for the buffer. */
        public static final Duration MAX_EXPIRY_BUFFER = Duration.ofHours(1);

        /** Checks the fields. */
        public OAuthClientCredentials {
            Objects.requireNonNull(tokenEndpoint, "tokenEndpoint");
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(clientSecret, "clientSecret");
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(expiryBuffer, "expiryBuffer");
            String scheme = tokenEndpoint.getScheme() == null ? "" : tokenEndpoint.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || tokenEndpoint.getHost() == null) {
                throw new IllegalArgumentException("Not an http(s) token endpoint: " + Secrets.configuredUrl(tokenEndpoint.toString()));
            }
            if (tokenEndpoint.getUserInfo() != null) {
                throw new IllegalArgumentException("The token endpoint URL must not carry user info: "
                        + Secrets.configuredUrl(tokenEndpoint.toString()));
            }
            if (clientId.isBlank() || clientSecret.isEmpty()) {
                throw new IllegalArgumentException("The OAuth client id and secret must not be empty");
            }
            if (expiryBuffer.isNegative() || expiryBuffer.compareTo(MAX_EXPIRY_BUFFER) > 0) {
                throw new IllegalArgumentException("The token expiry buffer must be between 0 and 1 hour, not "
                        + expiryBuffer);
            }
            scope = scope.filter(text -> !text.isBlank());
        }

        /** The same credentials, fetching each next token this long before the current one expires. */
        public OAuthClientCredentials withExpiryBuffer(Duration buffer) {
            return new OAuthClientCredentials(tokenEndpoint, clientId, clientSecret, scope, buffer);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.oauthClientCredentials(this);
        }

        @Override
        public String toString() {
            return "OAuthClientCredentials[tokenEndpoint=" + tokenEndpoint + ", clientId=" + clientId
                    + ", clientSecret=" + Secrets.HIDDEN + ", scope=" + scope.orElse("") + ", expiryBuffer=" + expiryBuffer + "]";
        }
    }
}

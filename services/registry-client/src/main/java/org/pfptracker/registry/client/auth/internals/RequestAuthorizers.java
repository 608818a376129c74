package org.pfptracker.registry.client.auth.internals;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pfptracker.registry.client.auth.RegistryAuthConfig;
import org.pfptracker.registry.client.auth.RegistryCredentials;

/** Builds the {@link RequestAuthorizer} for each kind of {@link RegistryCredentials}. */
public final class RequestAuthorizers {

    private RequestAuthorizers() {
    }

    /**
     * The authorizer for these credentials.
     *
     * @param credentials    what to authenticate with
     * @param http           the HTTP client to reach an OAuth token endpoint with
     * @param requestTimeout how long to wait for a token endpoint's answer
     */
    public static RequestAuthorizer of(RegistryCredentials credentials, HttpClient http, Duration requestTimeout) {
        return credentials.accept(new RegistryCredentials.Visitor<>() {
            @Override
            public RequestAuthorizer none() {
                return new FixedHeaders(Map.of(), null, "no credentials (neither "
                        + RegistryAuthConfig.BASIC_AUTH_CREDENTIALS_SOURCE + " nor "
                        + RegistryAuthConfig.BEARER_AUTH_CREDENTIALS_SOURCE + " is set)", List.of());
            }

            @Override
            public RequestAuthorizer basic(RegistryCredentials.Basic basic) {
                return new FixedHeaders(Map.of(), basicHeader(basic), "HTTP Basic credentials", secretsOf(basic));
            }

            @Override
            public RequestAuthorizer urlUserInfo(RegistryCredentials.UrlUserInfo urlUserInfo) {
                Map<URI, String> headers = new LinkedHashMap<>();
                List<String> secrets = new ArrayList<>();
                urlUserInfo.byBaseUrl().forEach((url, basic) -> {
                    headers.put(url, basicHeader(basic));
                    secrets.addAll(secretsOf(basic));
                });
                return new FixedHeaders(headers, null, "HTTP Basic credentials from the URL's user info", secrets);
            }

            @Override
            public RequestAuthorizer bearerToken(RegistryCredentials.BearerToken token) {
                return new FixedHeaders(Map.of(), "Bearer " + token.token(), "a static bearer token", List.of(token.token()));
            }

            @Override
            public RequestAuthorizer oauthClientCredentials(RegistryCredentials.OAuthClientCredentials oauth) {
                return new OAuthBearer(new OAuthTokenSource(oauth, http, requestTimeout, Clock.systemUTC()),
                        "a bearer token for client '" + oauth.clientId() + "' from the OAuth token endpoint "
                                + oauth.tokenEndpoint());
            }
        });
    }

    /** RFC 7617: base64 of the UTF-8 bytes of {@code username:password}. */
    private static String basicHeader(RegistryCredentials.Basic basic) {
        return "Basic " + Base64.getEncoder().encodeToString(
                (basic.username() + ":" + basic.password()).getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> secretsOf(RegistryCredentials.Basic basic) {
        return List.of(basic.password(), basic.username() + ":" + basic.password(), basicHeader(basic).substring(6));
    }

    /** The same header on every request (or one per base URL); nothing to renew. */
    private static final class FixedHeaders implements RequestAuthorizer {

        private final Map<URI, String> byBaseUrl;
        private final String everywhere;
        private final String description;
        private final List<String> secrets;

        FixedHeaders(Map<URI, String> byBaseUrl, String everywhere, String description, List<String> secrets) {
            this.byBaseUrl = Map.copyOf(byBaseUrl);
            this.everywhere = everywhere;
            this.description = description;
            this.secrets = List.copyOf(secrets);
        }

        @Override
        public Optional<String> authorization(URI baseUrl) {
            return Optional.ofNullable(byBaseUrl.getOrDefault(baseUrl, everywhere));
        }

        @Override
        public String description() {
            return description;
        }

        @Override
        public void refused() {
            // Nothing cached: the same credentials will be refused again until they are changed.
        }

        @Override
        public String redact(String text) {
            return Secrets.redact(text, secrets);
        }

        @Override
        public String toString() {
            return description;
        }
    }

    /** A token from the OAuth token endpoint on every request, renewed before it expires. */
    private static final class OAuthBearer implements RequestAuthorizer {

        private final OAuthTokenSource tokens;
        private final String description;

        OAuthBearer(OAuthTokenSource tokens, String description) {
            this.tokens = tokens;
            this.description = description;
        }

        @Override
        public Optional<String> authorization(URI baseUrl) {
            return Optional.of("Bearer " + tokens.token());
        }

        @Override
        public String description() {
            return description;
        }

        @Override
        public void refused() {
            // The token may have been revoked before it expired: the next call asks for a new one.
            tokens.forget();
        }

        @Override
        public String redact(String text) {
            return Secrets.redact(text, tokens.secrets());
        }

        @Override
        public String toString() {
            return description;
        }
    }
}

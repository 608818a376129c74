package org.pfptracker.registry.client.auth.internals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.pfptracker.registry.client.TokenEndpointException;
import org.pfptracker.registry.client.auth.RegistryCredentials;
import org.pfptracker.registry.client.auth.RegistryCredentials.OAuthClientCredentials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bearer tokens from the OAuth 2.0 client credentials grant (RFC 6749 section 4.4), as Confluent's
 * OAUTHBEARER source gets them: a form POST of {@code grant_type=client_credentials} (and the scope) to
 * the token endpoint, with the client id and secret in an HTTP Basic header, not URL-encoded, as Kafka's
 * client sends them by default.
 *
 * <p>A token is kept until its refresh time, then the next call fetches another: at 80% of its lifetime,
 * and no later than the expiry buffer before it expires (Confluent's rule). The lifetime is the answer's
 * {@code expires_in}, or else the {@code exp} claim of a JWT; a token with neither is refused, since
 * nobody could tell when to renew it. Callers wait for one fetch at a time rather than each fetching.
 */
public final class OAuthTokenSource {

    private static final Logger log = LoggerFactory.getLogger(OAuthTokenSource.class);
    /** Confluent's fraction of a token's lifetime after which it is renewed. */
    private static final double RENEW_AT_FRACTION_OF_LIFETIME = 0.8;
    private static final int MAX_BODY_IN_MESSAGE = 300;

    private final OAuthClientCredentials credentials;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final Clock clock;
    private final String clientAuthorization;
    private final ObjectMapper json = new ObjectMapper();

    /** Guarded by this. */
    private Token current;
    /** The last token issued, kept after {@link #forget()} so that an echo of it is still hidden. */
    private volatile String lastIssued;

    /**
     * @param credentials    the client credentials and token endpoint
     * @param http           the client to call the endpoint with
     * @param requestTimeout how long to wait for the endpoint's answer
     * @param clock          the clock that decides when a token is due for renewal
     */
    public OAuthTokenSource(OAuthClientCredentials credentials, HttpClient http, Duration requestTimeout, Clock clock) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.http = Objects.requireNonNull(http, "http");
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.clientAuthorization = "Basic " + Base64.getEncoder().encodeToString(
                (credentials.clientId() + ":" + credentials.clientSecret()).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A token that is not due for renewal, fetched first when needed.
     *
     * @throws TokenEndpointException when the endpoint refuses, cannot be reached or answers no usable token
     */
    public synchronized String token() {
        Instant now = clock.instant();
        if (current == null || !now.isBefore(current.renewAt())) {
            current = fetch(now);
            lastIssued = current.value();
        }
        return current.value();
    }

    /** Drops the token, e.g. after the registry refused it, so that the next call fetches another. */
    public synchronized void forget() {
        current = null;
    }

    /** The client secret, its Basic header, and the last token issued: what must never be printed. */
    List<String> secrets() {
        List<String> secrets = new ArrayList<>(List.of(credentials.clientSecret(), clientAuthorization.substring(6)));
        String issued = lastIssued;
        if (issued != null) {
            secrets.add(issued);
        }
        return secrets;
    }

    /** When a token obtained now and expiring then is to be renewed. */
    static Instant renewalTime(Instant now, Instant expiry, Duration buffer) {
        Duration lifetime = Duration.between(now, expiry);
        if (lifetime.isNegative() || lifetime.isZero()) {
            return expiry;
        }
        Instant atFraction = now.plusMillis((long) (lifetime.toMillis() * RENEW_AT_FRACTION_OF_LIFETIME));
        if (buffer.compareTo(lifetime) >= 0) {
            // A buffer longer than the token lives cannot be kept; renew at the fraction only.
            return atFraction;
        }
        Instant beforeBuffer = expiry.minus(buffer);
        return atFraction.isBefore(beforeBuffer) ? atFraction : beforeBuffer;
    }

    private Token fetch(Instant now) {
        HttpResponse<byte[]> response = post();
        int status = response.statusCode();
        if (status / 100 != 2) {
            throw new TokenEndpointException(redact("The OAuth token endpoint " + credentials.tokenEndpoint()
                    + " refused client '" + credentials.clientId() + "' (HTTP " + status + ")" + reasonIn(response.body())),
                    status, status == 429 || status >= 500, null);
        }
        JsonNode answer;
        try {
            answer = json.readTree(response.body());
        } catch (IOException e) {
            answer = null;
        }
        String token = answer == null ? null : textOf(answer.get("access_token"));
        if (token == null) {
            throw notAToken(status, "has no access_token");
        }
        try {
            RegistryCredentials.bearerToken(token);
        } catch (IllegalArgumentException e) {
            throw notAToken(status, "has an access_token that cannot be sent in a header");
        }
        Instant expiry = expiresIn(answer, now).or(() -> jwtExpiry(token))
                .orElseThrow(() -> notAToken(status, "has no expires_in, and the token is not a JWT with an exp "
                        + "claim: nothing tells when to renew it"));
        Instant renewAt = renewalTime(now, expiry, credentials.expiryBuffer());
        log.debug("OAuth token from {} for client '{}' expires at {}; renewing it at {}", credentials.tokenEndpoint(),
                credentials.clientId(), expiry, renewAt);
        return new Token(token, renewAt);
    }

    private HttpResponse<byte[]> post() {
        String body = "grant_type=client_credentials" + credentials.scope()
                .map(scope -> "&scope=" + URLEncoder.encode(scope, StandardCharsets.UTF_8))
                .orElse("");
        HttpRequest request = HttpRequest.newBuilder(credentials.tokenEndpoint())
                .timeout(requestTimeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .header("Authorization", clientAuthorization)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new TokenEndpointException(redact("The OAuth token endpoint " + credentials.tokenEndpoint()
                    + " cannot be reached: " + e), -1, true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TokenEndpointException("Interrupted while asking the OAuth token endpoint "
                    + credentials.tokenEndpoint() + " for a token", -1, true, e);
        }
    }

    /** RFC 6749 section 5.2: {@code error} and {@code error_description}; else the start of the body. */
    private String reasonIn(byte[] body) {
        try {
            JsonNode error = json.readTree(body);
            String code = error == null ? null : textOf(error.get("error"));
            if (code != null) {
                String description = textOf(error.get("error_description"));
                return ": " + code + (description == null ? "" : " (" + description + ")");
            }
        } catch (IOException e) {
            // Not JSON: a proxy or a wrong URL answered; the text says more than nothing.
        }
        String text = new String(body, StandardCharsets.UTF_8).strip();
        if (text.length() > MAX_BODY_IN_MESSAGE) {
            text = text.substring(0, MAX_BODY_IN_MESSAGE) + "...";
        }
        return text.isEmpty() ? "" : ": " + text;
    }

    private TokenEndpointException notAToken(int status, String problem) {
        return new TokenEndpointException("The answer of the OAuth token endpoint " + credentials.tokenEndpoint()
                + " for client '" + credentials.clientId() + "' " + problem, status, false, null);
    }

    private static Optional<Instant> expiresIn(JsonNode answer, Instant now) {
        JsonNode expiresIn = answer.get("expires_in");
        if (expiresIn == null || expiresIn.isNull()) {
            return Optional.empty();
        }
        long seconds = expiresIn.asLong(Long.MIN_VALUE);
        return seconds == Long.MIN_VALUE ? Optional.empty() : Optional.of(now.plusSeconds(seconds));
    }

    /** The {@code exp} claim of a compact JWT; the signature is the registry's to check, not ours. */
    private Optional<Instant> jwtExpiry(String token) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            JsonNode exp = json.readTree(Base64.getUrlDecoder().decode(parts[1])).get("exp");
            return exp != null && exp.isNumber() ? Optional.of(Instant.ofEpochSecond(exp.asLong())) : Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String textOf(JsonNode node) {
        return node == null || !node.isTextual() || node.asText().isBlank() ? null : node.asText();
    }

    private String redact(String text) {
        return Secrets.redact(text, secrets());
    }

    /** A token and when to renew it. */
    private record Token(String value, Instant renewAt) {

        @Override
        public String toString() {
            return "Token[" + Secrets.HIDDEN + ", renewAt=" + renewAt + "]";
        }
    }
}

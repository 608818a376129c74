package org.pfptracker.registry.client.auth.internals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pfptracker.registry.client.HttpSchemaRegistryClient;
import org.pfptracker.registry.client.RegistryAuthenticationException;
import org.pfptracker.registry.client.TokenEndpointException;
import org.pfptracker.registry.client.auth.RegistryCredentials;
import org.pfptracker.registry.client.auth.RegistryCredentials.OAuthClientCredentials;
import org.pfptracker.registry.support.ScriptedHttpServer;
import org.pfptracker.registry.support.ScriptedHttpServer.Answer;
import org.pfptracker.registry.support.ScriptedHttpServer.Request;

/**
 * The OAUTHBEARER source against a token endpoint on loopback that issues token-1, token-2, ...: the
 * client credentials grant it posts, when a token is reused and when renewed, and its refusals.
 */
class OAuthTokenSourceTest {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    private final AtomicInteger issued = new AtomicInteger();
    private volatile long expiresInSeconds = 3600;
    private final ScriptedHttpServer tokenEndpoint = ScriptedHttpServer.start(request -> Answer.json(200,
            "{\"access_token\":\"token-" + issued.incrementAndGet() + "\",\"token_type\":\"Bearer\",\"expires_in\":"
                    + expiresInSeconds + "}"));
    private final MutableClock clock = new MutableClock(T0);

    @AfterEach
    void stopServers() {
        tokenEndpoint.close();
    }

    @Test
    void shouldPostTheClientCredentialsGrantAndSendTheTokenToTheRegistry() {
        // Given a registry and a client with OAuth client credentials
        try (ScriptedHttpServer registry = ScriptedHttpServer.start(request -> Answer.json(200, "[]"))) {
            HttpSchemaRegistryClient client = HttpSchemaRegistryClient.forUrls(registry.url(), credentials());

            // When it calls the registry twice
            client.subjects();
            client.subjects();

            // Then it asked the token endpoint once, as Kafka's OAuth client does, and sent that token both times
            assertThat(tokenEndpoint.requests()).singleElement().satisfies(request -> {
                assertThat(request.method()).isEqualTo("POST");
                assertThat(request.header("Content-Type")).hasValue("application/x-www-form-urlencoded");
                assertThat(request.authorization()).isEqualTo("Basic " + Base64.getEncoder()
                        .encodeToString("pfp-publisher:client-secret-1".getBytes(StandardCharsets.UTF_8)));
                assertThat(URLDecoder.decode(request.body(), StandardCharsets.UTF_8))
                        .isEqualTo("grant_type=client_credentials&scope=registry.read registry.write");
            });
            assertThat(registry.requests()).extracting(Request::authorization).containsExactly("Bearer token-1", "Bearer token-1");
        }
    }

    @Test
    void shouldReuseATokenUntilItIsDueForRenewalAndThenFetchAnother() {
        // Given a token that lives an hour, renewed at 80% of its life (before the five-minute buffer)
        OAuthTokenSource tokens = source(credentials());
        assertThat(tokens.token()).isEqualTo("token-1");

        // When the clock reaches 48 minutes less a second, then 48 minutes
        clock.set(T0.plus(Duration.ofMinutes(48)).minusSeconds(1));
        String beforeRenewal = tokens.token();
        clock.set(T0.plus(Duration.ofMinutes(48)));
        String atRenewal = tokens.token();

        // Then the first token served until then, and a new one after
        assertThat(beforeRenewal).isEqualTo("token-1");
        assertThat(atRenewal).isEqualTo("token-2");
        assertThat(tokenEndpoint.requests()).hasSize(2);
    }

    @ParameterizedTest(name = "lifetime {0}s, buffer {1}s -> renew after {2}s")
    @CsvSource({
            "3600, 300, 2880",  // 80% of the lifetime comes first
            "600,  300, 300",   // the buffer comes first
            "200,  300, 160",   // a buffer longer than the lifetime cannot be kept: 80%
            "3600, 0,   2880",
            "0,    300, 0"      // already expired: used once, renewed on the next call
    })
    void shouldRenewAtEightyPercentOfTheLifetimeButNoLaterThanTheBuffer(long lifetime, long buffer, long renewAfter) {
        assertThat(OAuthTokenSource.renewalTime(T0, T0.plusSeconds(lifetime), Duration.ofSeconds(buffer)))
                .isEqualTo(T0.plusSeconds(renewAfter));
    }

    @Test
    void shouldTakeTheLifetimeFromTheJwtWhenTheAnswerHasNoExpiresIn() {
        // Given an endpoint that answers a JWT expiring in ten minutes, without expires_in
        String jwt = jwtExpiringAt(T0.plus(Duration.ofMinutes(10)));
        tokenEndpoint.respondWith(request -> Answer.json(200, "{\"access_token\":\"" + jwt + "\",\"token_type\":\"Bearer\"}"));
        OAuthTokenSource tokens = source(credentials());

        // When the token is used five minutes less a second later, then five minutes later
        tokens.token();
        clock.set(T0.plus(Duration.ofMinutes(5)).minusSeconds(1));
        tokens.token();
        clock.set(T0.plus(Duration.ofMinutes(5)));
        tokens.token();

        // Then it was renewed at the five-minute buffer before its exp
        assertThat(tokenEndpoint.requests()).hasSize(2);
    }

    @Test
    void shouldRefuseATokenWhoseLifetimeNobodyCanTell() {
        tokenEndpoint.respondWith(request -> Answer.json(200, "{\"access_token\":\"opaque-token\"}"));

        assertThatThrownBy(() -> source(credentials()).token())
                .isInstanceOf(TokenEndpointException.class)
                .hasMessageContaining("has no expires_in, and the token is not a JWT with an exp claim")
                .satisfies(e -> assertThat(((TokenEndpointException) e).isRetriable()).isFalse());
    }

    @Test
    void shouldReportARefusedClientWithTheEndpointsReasonButNotTheSecret() {
        // Given an endpoint that does not know the client's secret
        tokenEndpoint.respondWith(request -> Answer.json(401,
                "{\"error\":\"invalid_client\",\"error_description\":\"bad secret client-secret-1\"}"));

        // When / Then
        assertThatThrownBy(() -> source(credentials()).token())
                .isInstanceOf(TokenEndpointException.class)
                .hasMessageContaining("The OAuth token endpoint " + tokenEndpoint.url() + "/oauth2/token refused client "
                        + "'pfp-publisher' (HTTP 401): invalid_client (bad secret [hidden])")
                .hasMessageNotContaining("client-secret-1")
                .satisfies(e -> assertThat(((TokenEndpointException) e).endpointStatus()).isEqualTo(401))
                .satisfies(e -> assertThat(((TokenEndpointException) e).isRetriable()).isFalse());
    }

    @Test
    void shouldReportAnUnreachableEndpointAsRetriable() {
        tokenEndpoint.close();

        assertThatThrownBy(() -> source(credentials()).token())
                .isInstanceOf(TokenEndpointException.class)
                .hasMessageContaining("cannot be reached")
                .satisfies(e -> assertThat(((TokenEndpointException) e).isRetriable()).isTrue());
    }

    @Test
    void shouldFetchANewTokenAfterTheRegistryRefusedTheCurrentOne() {
        // Given a registry that refuses token-1 (revoked) and accepts the others
        try (ScriptedHttpServer registry = ScriptedHttpServer.start(request -> "Bearer token-1".equals(request.authorization())
                ? Answer.json(401, "{\"error_code\":40101,\"message\":\"the bearer token was refused: revoked\"}")
                : Answer.json(200, "[]"))) {
            HttpSchemaRegistryClient client = HttpSchemaRegistryClient.forUrls(registry.url(), credentials());

            // When the first call is refused and the caller calls again
            assertThatThrownBy(client::subjects)
                    .isInstanceOf(RegistryAuthenticationException.class)
                    .hasMessageContaining("a bearer token for client 'pfp-publisher' from the OAuth token endpoint")
                    .hasMessageNotContaining("token-1");
            client.subjects();

            // Then the second call carried a new token
            assertThat(registry.requests()).extracting(Request::authorization).containsExactly("Bearer token-1", "Bearer token-2");
        }
    }

    private OAuthClientCredentials credentials() {
        return RegistryCredentials.oauthClientCredentials(URI.create(tokenEndpoint.url() + "/oauth2/token"), "pfp-publisher",
                "client-secret-1", Optional.of("registry.read registry.write"));
    }

    private OAuthTokenSource source(OAuthClientCredentials credentials) {
        return new OAuthTokenSource(credentials, HttpClient.newHttpClient(), Duration.ofSeconds(5), clock);
    }

    private static String jwtExpiringAt(Instant exp) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString("{\"alg\":\"ES256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(("{\"sub\":\"pfp-publisher\",\"exp\":" + exp.getEpochSecond() + "}")
                .getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJl";
    }

    /** A clock the test moves. */
    private static final class MutableClock extends Clock {

        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}

package org.pfptracker.registry.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pfptracker.registry.client.auth.RegistryCredentials;
import org.pfptracker.registry.support.ScriptedHttpServer;
import org.pfptracker.registry.support.ScriptedHttpServer.Answer;
import org.pfptracker.registry.support.ScriptedHttpServer.Request;

/**
 * The client built directly, with {@link RegistryCredentials}: the header each kind of credentials
 * sends, and how the registry's 401 and 403 come back, without a secret in any message.
 */
class AuthenticatedClientTest {

    private final ScriptedHttpServer registry = ScriptedHttpServer.start(request -> Answer.json(200, "[\"partners-value\"]"));

    @AfterEach
    void stopRegistry() {
        registry.close();
    }

    @Test
    void shouldSendBasicCredentialsOnEveryCall() {
        // Given a client with a username and a password holding a colon
        HttpSchemaRegistryClient client = HttpSchemaRegistryClient.forUrls(registry.url(),
                RegistryCredentials.basic("alice", "se:cret-1"));

        // When it calls twice
        client.subjects();
        client.subjects();

        // Then both calls carry RFC 7617's header
        assertThat(registry.requests()).extracting(Request::authorization)
                .containsExactly(basic("alice:se:cret-1"), basic("alice:se:cret-1"));
    }

    @Test
    void shouldSendTheUrlsUserInfoAsBasicCredentialsAndNotInTheUrl() {
        // Given a registry URL with user info, and the URL source
        String url = registry.url().replace("http://", "http://alice:p%40ss@");
        HttpSchemaRegistryClient client = new HttpSchemaRegistryClient(SchemaRegistryClientConfig.of(url)
                .withCredentials(RegistryCredentials.fromUrlUserInfo(List.of(URI.create(url)))));

        // When it calls
        client.subjects();

        // Then the decoded user info is the Basic credentials, and the client names the URL without it
        assertThat(registry.requests()).extracting(Request::authorization).containsExactly(basic("alice:p@ss"));
        assertThat(client.baseUrls()).containsExactly(URI.create(registry.url()));
    }

    @Test
    void shouldSendAStaticBearerToken() {
        HttpSchemaRegistryClient client = HttpSchemaRegistryClient.forUrls(registry.url(),
                RegistryCredentials.bearerToken("eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJwZnAifQ.c2ln"));

        client.subjects();

        assertThat(registry.requests()).extracting(Request::authorization)
                .containsExactly("Bearer eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJwZnAifQ.c2ln");
    }

    @Test
    void shouldSendNoAuthorizationWithoutCredentials() {
        HttpSchemaRegistryClient.forUrls(registry.url()).subjects();

        assertThat(registry.requests()).extracting(Request::authorization).containsOnlyNulls();
    }

    @Test
    void shouldReportRefusedCredentialsWithTheServersReasonAndChallenge() {
        // Given a registry that refuses the token
        registry.respondWith(request -> Answer.json(401, "{\"error_code\":40101,\"message\":\"the bearer token was refused: expired\"}")
                .withHeader("WWW-Authenticate", "Bearer realm=\"pfp-registry\", error=\"invalid_token\""));
        HttpSchemaRegistryClient client = HttpSchemaRegistryClient.forUrls(registry.url(), RegistryCredentials.bearerToken("token-secret-1"));

        // When / Then the refusal names the call, the reason, the challenge and the kind of credentials sent
        assertThatThrownBy(client::subjects)
                .isInstanceOf(RegistryAuthenticationException.class)
                .hasMessageContaining("did not accept the credentials for GET " + registry.url() + "/subjects")
                .hasMessageContaining("HTTP 401, error code 40101")
                .hasMessageContaining("the bearer token was refused: expired")
                .hasMessageContaining("WWW-Authenticate: Bearer realm=\"pfp-registry\", error=\"invalid_token\"")
                .hasMessageContaining("the client sent a static bearer token")
                .hasMessageNotContaining("token-secret-1")
                .satisfies(e -> assertThat(((SchemaRegistryException) e).errorCode()).isEqualTo(RegistryErrorCodes.UNAUTHORIZED))
                .satisfies(e -> assertThat(((SchemaRegistryException) e).isRetriable()).isFalse());
    }

    @Test
    void shouldSayThatNoCredentialsWereSentWhenTheRegistryAsksForSome() {
        registry.respondWith(request -> Answer.json(401, "{\"error_code\":40101,\"message\":\"this call needs credentials\"}"));

        assertThatThrownBy(() -> HttpSchemaRegistryClient.forUrls(registry.url()).subjects())
                .isInstanceOf(RegistryAuthenticationException.class)
                .hasMessageContaining("the client sent no credentials (neither basic.auth.credentials.source nor "
                        + "bearer.auth.credentials.source is set)");
    }

    @Test
    void shouldReportADeniedWriteAsAnAuthorizationFailure() {
        // Given a registry that knows the caller but lets only administrators write
        registry.respondWith(request -> Answer.json(403, "{\"error_code\":40301,\"message\":\"this call needs the registry-admin role\"}"));
        HttpSchemaRegistryClient client = HttpSchemaRegistryClient.forUrls(registry.url(), RegistryCredentials.basic("reader", "secret-1"));

        // When / Then
        assertThatThrownBy(() -> client.register("partners-value", "{\"type\":\"string\"}"))
                .isInstanceOf(RegistryAuthorizationException.class)
                .hasMessageContaining("The schema registry denied POST " + registry.url() + "/subjects/partners-value/versions")
                .hasMessageContaining("HTTP 403, error code 40301")
                .hasMessageContaining("this call needs the registry-admin role")
                .hasMessageNotContaining("secret-1");
    }

    @Test
    void shouldReportA401FromAProxyAsAnAuthenticationFailure() {
        registry.respondWith(request -> new Answer(401, "<html>401 Authorization Required</html>", java.util.Map.of())
                .withHeader("WWW-Authenticate", "Basic realm=\"proxy\""));

        assertThatThrownBy(() -> HttpSchemaRegistryClient.forUrls(registry.url()).subjects())
                .isInstanceOf(RegistryAuthenticationException.class)
                .hasMessageContaining("(HTTP 401)")
                .hasMessageContaining("401 Authorization Required")
                .hasMessageContaining("WWW-Authenticate: Basic realm=\"proxy\"");
    }

    @Test
    void shouldKeepTheSecretOutOfTheMessageEvenWhenTheServerQuotesIt() {
        // Given a careless server that echoes what it was sent
        registry.respondWith(request -> Answer.json(401, "{\"error_code\":40101,\"message\":\"unknown "
                + request.authorization() + " for user alice and password secret-1\"}"));
        HttpSchemaRegistryClient client = HttpSchemaRegistryClient.forUrls(registry.url(), RegistryCredentials.basic("alice", "secret-1"));

        // When / Then neither the password nor the encoded header leaves in the exception
        assertThatThrownBy(client::subjects)
                .isInstanceOf(RegistryAuthenticationException.class)
                .hasMessageNotContaining("secret-1")
                .hasMessageNotContaining(basic("alice:secret-1").substring(6))
                .hasMessageContaining("[hidden]");
    }

    @Test
    void shouldNotAskAnotherInstanceAfterRefusedCredentials() {
        registry.respondWith(request -> Answer.json(401, "{\"error_code\":40101,\"message\":\"refused\"}"));
        HttpSchemaRegistryClient client = HttpSchemaRegistryClient.forUrls(registry.url() + "," + registry.url(),
                RegistryCredentials.bearerToken("token-secret-1"));

        assertThatThrownBy(client::subjects).isInstanceOf(RegistryAuthenticationException.class);
        assertThat(registry.requests()).hasSize(1);
    }

    @Test
    void shouldNotFollowARedirectSoThatCredentialsGoNowhereElse() {
        // Given a registry URL that redirects to another server
        try (ScriptedHttpServer elsewhere = ScriptedHttpServer.start(request -> Answer.json(200, "[]"))) {
            registry.respondWith(request -> new Answer(307, "", java.util.Map.of("Location", elsewhere.url() + "/subjects")));
            HttpSchemaRegistryClient client = HttpSchemaRegistryClient.forUrls(registry.url(),
                    RegistryCredentials.bearerToken("token-secret-1"));

            // When / Then the redirect is reported, and the other server never saw the token
            assertThatThrownBy(client::subjects)
                    .isInstanceOf(SchemaRegistryException.class)
                    .hasMessageContaining("the registry redirects to " + elsewhere.url() + "/subjects")
                    .hasMessageContaining("configure the URL it redirects to");
            assertThat(elsewhere.requests()).isEmpty();
        }
    }

    private static String basic(String userInfo) {
        return "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
    }
}

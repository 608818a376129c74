package org.pfptracker.registry.client.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pfptracker.registry.client.HttpSchemaRegistryClient;
import org.pfptracker.registry.client.SchemaRegistryClientConfig;

class RegistryCredentialsTest {

    @Test
    void shouldNeverPrintASecret() {
        // Given every kind of credentials, and a configuration and client holding them
        List<Object> holders = List.of(
                RegistryCredentials.basic("api-key-1", "secret-1"),
                RegistryCredentials.bearerToken("token-secret-1"),
                RegistryCredentials.oauthClientCredentials(URI.create("https://issuer.example/token"), "pfp-publisher",
                        "secret-1", Optional.of("registry")),
                RegistryCredentials.fromUrlUserInfo(List.of(URI.create("http://api-key-1:secret-1@registry:8081"))),
                SchemaRegistryClientConfig.of("http://api-key-1:secret-1@registry:8081")
                        .withCredentials(RegistryCredentials.fromUrlUserInfo(List.of(URI.create("http://api-key-1:secret-1@registry:8081")))),
                HttpSchemaRegistryClient.forUrls("http://registry:8081", RegistryCredentials.bearerToken("token-secret-1")),
                new RegistryAuthConfig(Map.of("basic.auth.credentials.source", "USER_INFO",
                        "schema.registry.basic.auth.user.info", "api-key-1:secret-1", "bearer.auth.token", "token-secret-1",
                        "sasl.jaas.config", "ScramLoginModule required username=\"api-key-1\" password=\"secret-1\";"))
                        .originals());

        // When / Then none of them prints its secret (nor the username, which is half an API key)
        assertThat(holders).allSatisfy(holder -> assertThat(holder.toString())
                .doesNotContain("secret-1")
                .doesNotContain("api-key-1"));
        assertThat(holders.get(2).toString()).contains("pfp-publisher").contains("https://issuer.example/token");
    }

    @Test
    void shouldSplitUserInfoAtTheFirstColon() {
        assertThat(RegistryCredentials.basicFromUserInfo("alice:pa:ss")).isEqualTo(RegistryCredentials.basic("alice", "pa:ss"));
    }

    @Test
    void shouldRefuseATokenGivenWithItsSchemeWithoutRepeatingIt() {
        assertThatThrownBy(() -> RegistryCredentials.bearerToken("Bearer token-secret-1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("token-secret-1");
    }

    @Test
    void shouldKeepTheUserInfoOutOfTheClientsUrls() {
        // Given a URL with user info, used as the source of the credentials
        String url = "http://alice:secret-1@registry:8081/";

        // When a configuration is made of it
        SchemaRegistryClientConfig config = SchemaRegistryClientConfig.of(url)
                .withCredentials(RegistryCredentials.fromUrlUserInfo(List.of(URI.create(url))));

        // Then the base URL has no user info, and the credentials are keyed by it
        assertThat(config.baseUrls()).containsExactly(URI.create("http://registry:8081"));
        assertThat(((RegistryCredentials.UrlUserInfo) config.credentials()).byBaseUrl())
                .containsOnlyKeys(URI.create("http://registry:8081"));
    }

    @Test
    void shouldNotQuoteTheUserInfoOfAUrlThatDoesNotParse() {
        assertThatThrownBy(() -> SchemaRegistryClientConfig.of("http://alice:sec ret-1@registry:8081"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("ret-1");
    }
}

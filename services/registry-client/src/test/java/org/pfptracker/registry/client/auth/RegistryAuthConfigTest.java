package org.pfptracker.registry.client.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Confluent's keys in, credentials out: what each source needs, the two spellings of each key, and
 * the refusals, whose messages name the keys and never the secrets.
 */
class RegistryAuthConfigTest {

    private static final List<URI> REGISTRY = List.of(URI.create("http://registry:8081"));

    @Test
    void shouldSendNoCredentialsWhenNoSourceIsSet() {
        // Given a configuration with user info but no source, as Confluent's client reads it
        Map<String, Object> configs = Map.of("basic.auth.user.info", "alice:secret-1");

        // When / Then nothing is sent
        assertThat(RegistryAuthConfig.credentials(configs, REGISTRY)).isEqualTo(RegistryCredentials.none());
    }

    @ParameterizedTest(name = "{0} and {1}")
    @CsvSource({
            "basic.auth.credentials.source,                 basic.auth.user.info",
            "schema.registry.basic.auth.credentials.source, schema.registry.basic.auth.user.info",
            "basic.auth.credentials.source,                 schema.registry.basic.auth.user.info",
            "schema.registry.basic.auth.credentials.source, basic.auth.user.info"
    })
    void shouldReadUserInfoCredentialsFromEitherSpellingOfTheKeys(String sourceKey, String userInfoKey) {
        // Given Confluent's USER_INFO source, with each key bare or prefixed
        Map<String, Object> configs = Map.of(sourceKey, "USER_INFO", userInfoKey, "alice:secret-1");

        // When the credentials are read
        RegistryCredentials credentials = RegistryAuthConfig.credentials(configs, REGISTRY);

        // Then they are Basic, user and password split at the colon
        assertThat(credentials).isEqualTo(RegistryCredentials.basic("alice", "secret-1"));
    }

    @Test
    void shouldPreferThePrefixedKeyWhenBothSpellingsAreSet() {
        Map<String, Object> configs = Map.of("basic.auth.credentials.source", "USER_INFO",
                "basic.auth.user.info", "bare:secret-1", "schema.registry.basic.auth.user.info", "prefixed:secret-2");

        assertThat(RegistryAuthConfig.credentials(configs, REGISTRY)).isEqualTo(RegistryCredentials.basic("prefixed", "secret-2"));
    }

    @Test
    void shouldKeepColonsInThePassword() {
        Map<String, Object> configs = Map.of("basic.auth.credentials.source", "USER_INFO",
                "basic.auth.user.info", "alice:pa:ss:word");

        assertThat(RegistryAuthConfig.credentials(configs, REGISTRY)).isEqualTo(RegistryCredentials.basic("alice", "pa:ss:word"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bearer.auth.token", "schema.registry.bearer.auth.token"})
    void shouldReadAStaticToken(String tokenKey) {
        Map<String, Object> configs = Map.of("bearer.auth.credentials.source", "STATIC_TOKEN", tokenKey, "eyJ.token.sig");

        assertThat(RegistryAuthConfig.credentials(configs, REGISTRY)).isEqualTo(RegistryCredentials.bearerToken("eyJ.token.sig"));
    }

    @Test
    void shouldReadOAuthClientCredentialsWithConfluentsDefaultBuffer() {
        // Given the OAUTHBEARER source with its endpoint, client and scope
        Map<String, Object> configs = Map.of(
                "bearer.auth.credentials.source", "OAUTHBEARER",
                "bearer.auth.issuer.endpoint.url", "https://issuer.example/oauth2/token",
                "bearer.auth.client.id", "pfp-publisher",
                "bearer.auth.client.secret", "client-secret-1",
                "bearer.auth.scope", "registry.read");

        // When the credentials are read
        RegistryCredentials credentials = RegistryAuthConfig.credentials(configs, REGISTRY);

        // Then they say where and how to get a token, to be renewed five minutes before it expires
        assertThat(credentials).isEqualTo(new RegistryCredentials.OAuthClientCredentials(
                URI.create("https://issuer.example/oauth2/token"), "pfp-publisher", "client-secret-1",
                Optional.of("registry.read"), Duration.ofMinutes(5)));
    }

    @Test
    void shouldReadTheTokenExpiryBuffer() {
        Map<String, Object> configs = oauth();
        configs.put("schema.registry.bearer.auth.cache.expiry.buffer.seconds", "60");

        RegistryCredentials credentials = RegistryAuthConfig.credentials(configs, REGISTRY);

        assertThat(((RegistryCredentials.OAuthClientCredentials) credentials).expiryBuffer()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void shouldTakeBasicCredentialsFromTheUserInfoOfEachUrlPercentDecoded() {
        // Given two registry URLs with user info, one password percent-encoded
        List<URI> urls = List.of(URI.create("http://alice:p%40ss@registry-1:8081"), URI.create("http://bob:word@registry-2:8081/"));

        // When the URL source is read
        RegistryCredentials credentials = RegistryAuthConfig.credentials(Map.of("basic.auth.credentials.source", "URL"), urls);

        // Then each URL, without its user info, has its own credentials
        assertThat(credentials).isEqualTo(new RegistryCredentials.UrlUserInfo(Map.of(
                URI.create("http://registry-1:8081"), RegistryCredentials.basic("alice", "p@ss"),
                URI.create("http://registry-2:8081/"), RegistryCredentials.basic("bob", "word"))));
    }

    @Test
    void shouldInheritTheUsernameAndPasswordOfTheKafkaClientsScramLoginModule() {
        // Given a client that reaches Kafka with SCRAM
        Map<String, Object> configs = Map.of("basic.auth.credentials.source", "SASL_INHERIT",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required "
                        + "username=\"pfp-publisher\" password=\"scram-secret-1\";");

        // When / Then the registry sees the same principal
        assertThat(RegistryAuthConfig.credentials(configs, REGISTRY))
                .isEqualTo(RegistryCredentials.basic("pfp-publisher", "scram-secret-1"));
    }

    @ParameterizedTest(name = "{0} and {1}")
    @CsvSource({
            "basic.auth.credentials.source,                 bearer.auth.credentials.source",
            "schema.registry.basic.auth.credentials.source, bearer.auth.credentials.source",
            "basic.auth.credentials.source,                 schema.registry.bearer.auth.credentials.source"
    })
    void shouldRefuseBasicAndBearerAtOnceAsConfluentsClientDoes(String basicKey, String bearerKey) {
        Map<String, Object> configs = Map.of(basicKey, "USER_INFO", "basic.auth.user.info", "alice:secret-1",
                bearerKey, "STATIC_TOKEN", "bearer.auth.token", "token-secret-1");

        assertThatThrownBy(() -> RegistryAuthConfig.credentials(configs, REGISTRY))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Only one of 'basic.auth.credentials.source' and 'bearer.auth.credentials.source' may be specified")
                .hasMessageContaining("choose")
                .hasMessageNotContaining("secret-1");
    }

    @Test
    void shouldNameTheMissingUserInfo() {
        assertThatThrownBy(() -> RegistryAuthConfig.credentials(Map.of("basic.auth.credentials.source", "USER_INFO"), REGISTRY))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("basic.auth.credentials.source=USER_INFO needs 'basic.auth.user.info' "
                        + "(or 'schema.registry.basic.auth.user.info')");
    }

    @Test
    void shouldNameTheMissingToken() {
        assertThatThrownBy(() -> RegistryAuthConfig.credentials(Map.of("bearer.auth.credentials.source", "STATIC_TOKEN",
                "bearer.auth.token", " "), REGISTRY))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("bearer.auth.credentials.source=STATIC_TOKEN needs 'bearer.auth.token'");
    }

    @Test
    void shouldNameEveryMissingOAuthSettingAtOnce() {
        Map<String, Object> configs = Map.of("bearer.auth.credentials.source", "OAUTHBEARER", "bearer.auth.client.id", "pfp");

        assertThatThrownBy(() -> RegistryAuthConfig.credentials(configs, REGISTRY))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'bearer.auth.issuer.endpoint.url'")
                .hasMessageContaining("'bearer.auth.client.secret'")
                .hasMessageNotContaining("'bearer.auth.client.id'");
    }

    @ParameterizedTest
    @CsvSource({"basic.auth.credentials.source, user_info", "basic.auth.credentials.source, USERNAME_PASSWORD",
            "bearer.auth.credentials.source, CUSTOM", "bearer.auth.credentials.source, SASL_OAUTHBEARER_INHERIT"})
    void shouldRefuseASourceItDoesNotKnowRatherThanSendNothing(String key, String source) {
        assertThatThrownBy(() -> RegistryAuthConfig.credentials(Map.of(key, source), REGISTRY))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Invalid value " + source + " for configuration " + key)
                .hasMessageContaining("supported values are");
    }

    @Test
    void shouldRefuseUserInfoWithoutAColonWithoutRepeatingIt() {
        Map<String, Object> configs = Map.of("basic.auth.credentials.source", "USER_INFO", "basic.auth.user.info", "secret-api-key");

        assertThatThrownBy(() -> RegistryAuthConfig.credentials(configs, REGISTRY))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("must have the form username:password")
                .hasMessageNotContaining("secret-api-key");
    }

    @Test
    void shouldRefuseTheUrlSourceWhenAUrlCarriesNoUserInfo() {
        List<URI> urls = List.of(URI.create("http://alice:secret-1@registry-1:8081"), URI.create("http://registry-2:8081"));

        assertThatThrownBy(() -> RegistryAuthConfig.credentials(Map.of("basic.auth.credentials.source", "URL"), urls))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("basic.auth.credentials.source=URL needs user info")
                .hasMessageContaining("http://registry-2:8081")
                .hasMessageNotContaining("secret-1");
    }

    @Test
    void shouldRefuseToInheritFromALoginModuleWithoutUsernameAndPassword() {
        // Given a client that reaches Kafka with OAUTHBEARER: there is no password to inherit
        Map<String, Object> configs = Map.of("basic.auth.credentials.source", "SASL_INHERIT",
                "sasl.jaas.config", "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required "
                        + "clientId=\"pfp\" clientSecret=\"oauth-secret-1\";");

        assertThatThrownBy(() -> RegistryAuthConfig.credentials(configs, REGISTRY))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("SASL_INHERIT needs a login module with username and password options")
                .hasMessageNotContaining("oauth-secret-1");
    }

    @Test
    void shouldNotQuoteAJaasConfigurationThatDoesNotParse() {
        Map<String, Object> configs = Map.of("basic.auth.credentials.source", "SASL_INHERIT",
                "sasl.jaas.config", "ScramLoginModule required password=jaas-secret-1");

        assertThatThrownBy(() -> RegistryAuthConfig.credentials(configs, REGISTRY))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("sasl.jaas.config")
                .hasMessageNotContaining("jaas-secret-1")
                .hasNoCause();
    }

    @Test
    void shouldRefuseAnExpiryBufferOutsideConfluentsRange() {
        Map<String, Object> configs = oauth();
        configs.put("bearer.auth.cache.expiry.buffer.seconds", 7200);

        assertThatThrownBy(() -> RegistryAuthConfig.credentials(configs, REGISTRY))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("bearer.auth.cache.expiry.buffer.seconds");
    }

    @Test
    void shouldDeclareEachKeyWithItsDocumentation() {
        assertThat(RegistryAuthConfig.definition().configKeys().values())
                .allSatisfy(key -> assertThat(key.documentation).isNotBlank())
                .extracting(key -> key.name)
                .containsExactlyInAnyOrder("basic.auth.credentials.source", "basic.auth.user.info",
                        "bearer.auth.credentials.source", "bearer.auth.token", "bearer.auth.issuer.endpoint.url",
                        "bearer.auth.client.id", "bearer.auth.client.secret", "bearer.auth.scope",
                        "bearer.auth.cache.expiry.buffer.seconds");
    }

    private static Map<String, Object> oauth() {
        Map<String, Object> configs = new HashMap<>();
        configs.put("bearer.auth.credentials.source", "OAUTHBEARER");
        configs.put("bearer.auth.issuer.endpoint.url", "https://issuer.example/oauth2/token");
        configs.put("bearer.auth.client.id", "pfp-publisher");
        configs.put("bearer.auth.client.secret", "client-secret-1");
        return configs;
    }
}

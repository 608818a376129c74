package org.pfptracker.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pfptracker.http.server.ServerLimits;
import org.pfptracker.http.server.ServerSettings;
import org.pfptracker.http.server.TlsSettings;

/** The registry's HTTP limits, timeouts and TLS: registry.http.* properties, PFP_REGISTRY_HTTP_* variables. */
class RegistryHttpConfigTest {

    private static final Map<String, String> KAFKA = Map.of(RegistryConfig.BOOTSTRAP_SERVERS.key(), "kafka:9092");

    @Test
    void shouldServePlainHttpWithTheDefaultLimitsWhenNothingIsSet() {
        assertThat(RegistryConfig.load(KAFKA, Map.of()).http()).isEqualTo(ServerSettings.DEFAULTS);
        assertThat(RegistryConfig.forBootstrapServers("kafka:9092").http()).isEqualTo(ServerSettings.DEFAULTS);
    }

    @Test
    void shouldReadLimitsFromPropertiesAndTlsFromTheEnvironment() {
        // Given a limit in the properties file, and the key store and its password in environment variables
        RegistryConfig config = RegistryConfig.load(
                Map.of(RegistryConfig.BOOTSTRAP_SERVERS.key(), "kafka:9092", "registry.http.max.connections.per.client", "16"),
                Map.of("PFP_REGISTRY_HTTP_TLS_KEYSTORE", "/etc/pfp/registry.p12",
                        "PFP_REGISTRY_HTTP_TLS_KEYSTORE_PASSWORD", "changeit"));

        // Then the registry listens with both
        assertThat(config.http().limits()).isEqualTo(ServerLimits.DEFAULTS.withMaxConnectionsPerClient(16));
        assertThat(config.http().tls()).hasValue(new TlsSettings(new TlsSettings.KeyStoreFile(
                Path.of("/etc/pfp/registry.p12"), "changeit"), Duration.ofDays(365)));
    }

    @Test
    void shouldKeepItsHttpSettingsThroughEveryWither() {
        ServerSettings https = ServerSettings.DEFAULTS.withTls(new TlsSettings(new TlsSettings.PemFiles(
                Path.of("cert.pem"), Path.of("key.pem"), null), Duration.ofHours(1)));

        RegistryConfig config = RegistryConfig.forBootstrapServers("kafka:9092").withHttp(https).withPort(0)
                .withTopic("t").withKafkaOverrides(Map.of());

        assertThat(config.http()).isEqualTo(https);
    }

    @Test
    void shouldNameAMalformedSetting() {
        assertThatThrownBy(() -> RegistryConfig.load(Map.of(RegistryConfig.BOOTSTRAP_SERVERS.key(), "kafka:9092",
                "registry.http.idle.timeout", "forever"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("registry.http.idle.timeout");
    }
}

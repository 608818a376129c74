package org.pfptracker.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pfptracker.registry.client.CompatibilityLevel;

class RegistryConfigTest {

    @Test
    void shouldDefaultEverythingButTheBootstrapServers() {
        RegistryConfig config = RegistryConfig.load(Map.of(RegistryConfig.BOOTSTRAP_SERVERS.key(), "kafka:9092"), Map.of());

        assertThat(config).isEqualTo(RegistryConfig.forBootstrapServers("kafka:9092"));
        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.port()).isEqualTo(8081);
        assertThat(config.topic()).isEqualTo("_schemas");
        assertThat(config.replicationFactor()).isEqualTo((short) 1);
        assertThat(config.defaultCompatibility()).isEqualTo(CompatibilityLevel.BACKWARD);
        assertThat(config.storeTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void shouldLetEnvironmentVariablesWinOverProperties() {
        RegistryConfig config = RegistryConfig.load(
                Map.of(RegistryConfig.BOOTSTRAP_SERVERS.key(), "from-file:9092", RegistryConfig.PORT.key(), "9000"),
                Map.of("PFP_REGISTRY_BOOTSTRAP_SERVERS", "from-env:9092",
                        "PFP_REGISTRY_TOPIC_REPLICATION_FACTOR", "3",
                        "PFP_REGISTRY_COMPATIBILITY_LEVEL", "full_transitive",
                        "UNRELATED", "x"));

        assertThat(config.bootstrapServers()).isEqualTo("from-env:9092");
        assertThat(config.port()).isEqualTo(9000);
        assertThat(config.replicationFactor()).isEqualTo((short) 3);
        assertThat(config.minInsyncReplicas()).isEqualTo(2);
        assertThat(config.defaultCompatibility()).isEqualTo(CompatibilityLevel.FULL_TRANSITIVE);
    }

    @Test
    void shouldSortClientOverridesByPrefix() {
        RegistryConfig config = RegistryConfig.load(Map.of(
                RegistryConfig.BOOTSTRAP_SERVERS.key(), "kafka:9093",
                "registry.kafka.security.protocol", "SSL",
                "registry.producer.linger.ms", "5",
                "registry.consumer.fetch.min.bytes", "1"), Map.of("PFP_REGISTRY_KAFKA_SASL_MECHANISM", "PLAIN"));

        assertThat(config.kafkaOverrides()).containsOnly(
                Map.entry("security.protocol", "SSL"), Map.entry("sasl.mechanism", "PLAIN"));
        assertThat(config.producerOverrides()).containsOnly(Map.entry("linger.ms", "5"));
        assertThat(config.consumerOverrides()).containsOnly(Map.entry("fetch.min.bytes", "1"));
    }

    @Test
    void shouldSayWhichSettingIsMissingOrWrong() {
        assertThatThrownBy(() -> RegistryConfig.load(Map.of(), Map.of()))
                .hasMessageContaining(RegistryConfig.BOOTSTRAP_SERVERS.key())
                .hasMessageContaining("PFP_REGISTRY_BOOTSTRAP_SERVERS");
        assertThatThrownBy(() -> RegistryConfig.load(Map.of(RegistryConfig.BOOTSTRAP_SERVERS.key(), "k:9092",
                RegistryConfig.PORT.key(), "eighty"), Map.of()))
                .hasMessageContaining("Setting 'registry.port' (environment PFP_REGISTRY_PORT) must be a whole number, was 'eighty'");
        assertThatThrownBy(() -> RegistryConfig.load(Map.of(RegistryConfig.BOOTSTRAP_SERVERS.key(), "k:9092",
                RegistryConfig.COMPATIBILITY_LEVEL.key(), "SIDEWAYS"), Map.of()))
                .hasMessageContaining("SIDEWAYS");
        assertThatThrownBy(() -> RegistryConfig.forBootstrapServers("k:9092").withReplication((short) 1, 2))
                .hasMessageContaining("min.insync.replicas");
    }

    @Test
    void shouldDefaultMinInsyncReplicasFromTheReplicationFactorUnlessGiven() {
        Map<String, String> three = Map.of(RegistryConfig.BOOTSTRAP_SERVERS.key(), "k:9092",
                RegistryConfig.REPLICATION_FACTOR.key(), "3");

        assertThat(RegistryConfig.load(three, Map.of()).minInsyncReplicas()).isEqualTo(2);
        assertThat(RegistryConfig.load(three, Map.of("PFP_REGISTRY_TOPIC_MIN_INSYNC_REPLICAS", "3")).minInsyncReplicas())
                .isEqualTo(3);
        assertThat(RegistryConfig.load(Map.of(RegistryConfig.BOOTSTRAP_SERVERS.key(), "k:9092"), Map.of())
                .minInsyncReplicas()).isEqualTo(1);
        assertThatThrownBy(() -> RegistryConfig.load(three, Map.of("PFP_REGISTRY_TOPIC_MIN_INSYNC_REPLICAS", "0")))
                .hasMessageContaining("PFP_REGISTRY_TOPIC_MIN_INSYNC_REPLICAS").hasMessageContaining("at least 1");
    }

    @Test
    void shouldDeclareEveryOptionItReadsTheHttpServersIncluded() {
        assertThat(RegistryConfig.SETTINGS).extracting(setting -> setting.key())
                .contains("registry.bootstrap.servers", "registry.store.timeout.ms", "registry.http.idle.timeout",
                        "registry.http.tls.key.password")
                .doesNotHaveDuplicates();
        assertThat(RegistryConfig.BOOTSTRAP_SERVERS.required()).isTrue();
    }
}

package org.pfptracker.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.pfptracker.core.config.ConfigurationException;
import org.pfptracker.core.config.Settings;

/** How every process reaches Kafka and the registry; the resolution itself is core's (SettingsTest there). */
class KafkaSettingsTest {

    @Test
    void shouldDeriveTheEnvironmentVariableFromTheKey() {
        assertThat(KafkaSettings.SCHEMA_REGISTRY_URL.environmentVariable()).isEqualTo("PFP_SCHEMA_REGISTRY_URL");
    }

    @Test
    void shouldHandKafkaClientOverridesToEveryClient() {
        Settings settings = Settings.load((Path) null, Map.of("PFP_KAFKA_CLIENT_SECURITY_PROTOCOL", "SASL_SSL"),
                new Properties());

        assertThat(KafkaSettings.clientConfig(settings))
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("bootstrap.servers", "127.0.0.1:9092");
    }

    @Test
    void shouldHandRegistryClientOptionsToEverySerde() {
        Settings settings = Settings.of(Map.of(KafkaSettings.REGISTRY_CLIENT_PREFIX + "bearer.auth.token", "t"));

        assertThat(KafkaSettings.registryClientConfig(settings))
                .containsEntry("bearer.auth.token", "t")
                .containsEntry("schema.registry.url", "http://127.0.0.1:8081");
    }

    @Test
    void shouldRefuseTopicsWithoutPartitionsOrReplicas() {
        assertThatThrownBy(() -> Settings.of(Map.of("topics.partitions", "0")).get(KafkaSettings.TOPIC_PARTITIONS))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("PFP_TOPICS_PARTITIONS")
                .hasMessageContaining("at least 1");
        assertThatThrownBy(() -> Settings.of(Map.of("topics.replication.factor", "0"))
                .get(KafkaSettings.TOPIC_REPLICATION_FACTOR)).hasMessageContaining("topics.replication.factor");
    }
}

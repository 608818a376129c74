package org.pfptracker.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

    private static final Setting PORT = new Setting("tracker.http.port", "8080", "port");
    private static final Setting REQUIRED = new Setting("some.required", null, "needed for the test");

    @Test
    void shouldFallBackToTheDeclaredDefault() {
        Settings settings = Settings.load(null, Map.of(), new Properties());

        assertThat(settings.getInt(PORT)).isEqualTo(8080);
    }

    @Test
    void shouldLetEnvironmentOverrideFileAndSystemPropertiesOverrideEnvironment(@TempDir Path dir) throws IOException {
        // Given
        Path file = dir.resolve("pfp.properties");
        Files.writeString(file, "tracker.http.port=1111\nkafka.bootstrap.servers=file:9092\n");
        Properties system = new Properties();
        system.setProperty("pfp.tracker.http.port", "3333");

        // When
        Settings settings = Settings.load(file, Map.of("PFP_TRACKER_HTTP_PORT", "2222",
                "PFP_KAFKA_BOOTSTRAP_SERVERS", "env:9092"), system);

        // Then
        assertThat(settings.getInt(PORT)).isEqualTo(3333);
        assertThat(settings.get(KafkaSettings.BOOTSTRAP_SERVERS)).isEqualTo("env:9092");
    }

    @Test
    void shouldDeriveTheEnvironmentVariableFromTheKey() {
        assertThat(KafkaSettings.SCHEMA_REGISTRY_URL.environmentVariable()).isEqualTo("PFP_SCHEMA_REGISTRY_URL");
    }

    @Test
    void shouldHandKafkaClientOverridesToEveryClient() {
        Settings settings = Settings.load(null, Map.of("PFP_KAFKA_CLIENT_SECURITY_PROTOCOL", "SASL_SSL"), new Properties());

        assertThat(KafkaSettings.clientConfig(settings))
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("bootstrap.servers", "127.0.0.1:9092");
    }

    @Test
    void shouldNameTheMissingSettingAndItsEnvironmentVariable() {
        Settings settings = Settings.of(Map.of());

        assertThatThrownBy(() -> settings.get(REQUIRED))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("some.required").hasMessageContaining("PFP_SOME_REQUIRED");
    }

    @Test
    void shouldRejectAMalformedNumberWithTheKeyAndValue() {
        Settings settings = Settings.of(Map.of("tracker.http.port", "eighty"));

        assertThatThrownBy(() -> settings.getInt(PORT))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("tracker.http.port").hasMessageContaining("eighty");
    }

    @Test
    void shouldReadShortAndIsoDurations() {
        Setting timeout = new Setting("x.timeout", "30s", "timeout");

        assertThat(Settings.of(Map.of()).getDuration(timeout)).isEqualTo(Duration.ofSeconds(30));
        assertThat(Settings.of(Map.of("x.timeout", "PT2M")).getDuration(timeout)).isEqualTo(Duration.ofMinutes(2));
        assertThat(Settings.of(Map.of("x.timeout", "5ms")).getDuration(timeout)).isEqualTo(Duration.ofMillis(5));
    }
}

package org.pfptracker.core.config;

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

/** Where values come from, in which order, and how a missing one is reported. */
class SettingsTest {

    private static final Setting<Integer> PORT = Setting.integer("tracker.http.port", "port").withDefault(8080);
    private static final Setting<String> SERVERS = Setting.string("kafka.bootstrap.servers", "servers")
            .withDefault("127.0.0.1:9092");
    private static final Setting<String> REQUIRED = Setting.string("some.required", "needed for the test");

    @Test
    void shouldFallBackToTheDeclaredDefault() {
        Settings settings = Settings.load((Path) null, Map.of(), new Properties());

        assertThat(settings.get(PORT)).isEqualTo(8080);
        assertThat(settings.isSet(PORT)).isFalse();
        assertThat(settings.text(PORT)).contains("8080");
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
        assertThat(settings.get(PORT)).isEqualTo(3333);
        assertThat(settings.get(SERVERS)).isEqualTo("env:9092");
    }

    @Test
    void shouldLetTheEnvironmentOverridePropertiesAlreadyRead() {
        Settings settings = Settings.load(Map.of("registry.port", "1", "registry.host", "file"),
                Map.of("PFP_REGISTRY_PORT", "2"), new Properties());

        assertThat(settings.asMap()).containsEntry("registry.port", "2").containsEntry("registry.host", "file");
    }

    @Test
    void shouldRefuseAMissingFile(@TempDir Path dir) {
        assertThatThrownBy(() -> Settings.load(dir.resolve("nope.properties"), Map.of(), new Properties()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("does not exist");
    }

    @Test
    void shouldTreatABlankValueAsNotGiven() {
        Settings settings = Settings.of(Map.of("tracker.http.port", "  "));

        assertThat(settings.get(PORT)).isEqualTo(8080);
        assertThat(settings.isSet(PORT)).isFalse();
    }

    @Test
    void shouldNameTheMissingSettingAndItsEnvironmentVariable() {
        Settings settings = Settings.of(Map.of());

        assertThatThrownBy(() -> settings.get(REQUIRED))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("some.required").hasMessageContaining("PFP_SOME_REQUIRED")
                .hasMessageContaining("needed for the test");
        assertThat(settings.find(REQUIRED)).isEmpty();
        assertThat(settings.text(REQUIRED)).isEmpty();
    }

    @Test
    void shouldGiveNothingForAnOptionalSettingLeftUnset() {
        Setting<Duration> optional = Setting.duration("x.timeout", "timeout").optional();

        assertThat(Settings.of(Map.of()).find(optional)).isEmpty();
        assertThat(Settings.of(Map.of("x.timeout", "5s")).find(optional)).contains(Duration.ofSeconds(5));
        assertThatThrownBy(() -> Settings.of(Map.of()).get(optional)).hasMessageContaining("x.timeout");
    }

    @Test
    void shouldWriteATypedOverrideThatReadsBack() {
        Setting<Duration> timeout = Setting.duration("x.timeout", "timeout").withDefault(Duration.ofSeconds(30));

        Settings settings = Settings.of(Map.of()).with(timeout, Duration.ofMillis(1500)).with(PORT, 9);

        assertThat(settings.get(timeout)).isEqualTo(Duration.ofMillis(1500));
        assertThat(settings.asMap()).containsEntry("x.timeout", "1500ms").containsEntry("tracker.http.port", "9");
    }

    @Test
    void shouldGiveAFamilyOfKeysWithoutItsPrefix() {
        Settings settings = Settings.of(Map.of("kafka.client.security.protocol", "SSL", "kafka.clientele", "x"));

        assertThat(settings.withPrefix("kafka.client.")).containsExactly(Map.entry("security.protocol", "SSL"));
    }

    @Test
    void shouldDeriveKeysFromEnvironmentVariables() {
        assertThat(Settings.propertyKeyOf("PFP_SCHEMA_REGISTRY_URL")).isEqualTo("schema.registry.url");
    }
}

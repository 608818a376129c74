package org.pfptracker.tracker.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pfptracker.core.config.ConfigurationException;
import org.pfptracker.core.config.Setting;
import org.pfptracker.core.config.Settings;
import org.pfptracker.http.server.ServerLimits;
import org.pfptracker.http.server.ServerSettings;
import org.pfptracker.http.server.TlsSettings;

/** The query API's limits, timeouts and TLS, read from tracker.http.* settings. */
class TrackerHttpServerSettingsTest {

    @Test
    void shouldListEveryServerOptionUnderTrackerHttpForPfpConfig() {
        assertThat(TrackerSettings.ALL).extracting(Setting::key).contains("tracker.http.idle.timeout",
                "tracker.http.header.timeout", "tracker.http.min.body.bytes.per.second", "tracker.http.max.header.bytes",
                "tracker.http.max.threads", "tracker.http.max.connections.per.client", "tracker.http.tls.keystore",
                "tracker.http.tls.keystore.password", "tracker.http.tls.cert", "tracker.http.tls.key",
                "tracker.http.tls.key.password", "tracker.http.tls.hsts.max.age");
    }

    @Test
    void shouldServePlainHttpWithTheDefaultLimitsWhenNothingIsSet() {
        assertThat(TrackerSettings.httpServer(Settings.of(Map.of()))).isEqualTo(ServerSettings.DEFAULTS);
    }

    @Test
    void shouldReadItsOwnPrefixOnly() {
        // Given the tracker's and the gateway's settings in one configuration, as in pfp local
        Settings settings = Settings.of(Map.of("tracker.http.max.connections.per.client", "0",
                "gateway.http.max.connections.per.client", "5", "tracker.http.tls.cert", "/etc/pfp/tracker.pem",
                "tracker.http.tls.key", "/etc/pfp/tracker.key"));

        // When the tracker reads them
        ServerSettings server = TrackerSettings.httpServer(settings);

        // Then it takes its own
        assertThat(server.limits()).isEqualTo(ServerLimits.DEFAULTS.withMaxConnectionsPerClient(0));
        assertThat(server.tls()).hasValue(new TlsSettings(new TlsSettings.PemFiles(Path.of("/etc/pfp/tracker.pem"),
                Path.of("/etc/pfp/tracker.key"), null), Duration.ofDays(365)));
    }

    @Test
    void shouldRefuseAThreadPoolThatLivePagesCouldFill() {
        // Given 200 live pages at most, each holding a thread, and 150 threads
        Settings settings = Settings.of(Map.of("tracker.live.max.clients", "200", "tracker.http.max.threads", "150"));

        // When read, then refused, naming both settings
        assertThatThrownBy(() -> TrackerSettings.httpServer(settings)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("tracker.http.max.threads").hasMessageContaining("tracker.live.max.clients");
    }

    @Test
    void shouldNameAMalformedSetting() {
        Settings settings = Settings.of(Map.of("tracker.http.header.timeout", "a while"));

        assertThatThrownBy(() -> TrackerSettings.httpServer(settings)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("tracker.http.header.timeout");
    }
}

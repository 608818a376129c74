package org.pfptracker.http.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pfptracker.core.config.Settings;

class ServerSettingsTest {

    private static final String PREFIX = "gateway.http.";

    @Test
    void shouldTakeTheDefaultsWhenNothingIsSet() {
        ServerSettings settings = read(Map.of());

        assertThat(settings).isEqualTo(ServerSettings.DEFAULTS);
        assertThat(settings.scheme()).isEqualTo("http");
    }

    @Test
    void shouldDeclareEachDefaultOnce() {
        // The defaults written in the options are the ones the code uses when nothing is set
        Settings none = Settings.of(Map.of());
        assertThat(none.text(ServerSettings.IDLE_TIMEOUT.under(PREFIX))).contains("30s");
        assertThat(none.text(ServerSettings.MAX_CONNECTIONS_PER_CLIENT.under(PREFIX))).contains("64");
        assertThat(none.text(ServerSettings.HSTS_MAX_AGE.under(PREFIX))).contains("365d");
        assertThat(ServerSettings.TLS_CERT.defaultValue()).isEmpty();
        assertThat(ServerSettings.TLS_KEY_PASSWORD.secret()).isTrue();
    }

    @Test
    void shouldReadEveryLimitUnderTheServersPrefixOnly() {
        ServerSettings settings = read(Map.of(PREFIX + "idle.timeout", "45s", PREFIX + "header.timeout", "2500ms",
                PREFIX + "min.body.bytes.per.second", "0", PREFIX + "max.header.bytes", "16384",
                PREFIX + "max.threads", "100", PREFIX + "max.connections.per.client", "0",
                "tracker.http.max.threads", "9"));

        assertThat(settings.limits()).isEqualTo(new ServerLimits(Duration.ofSeconds(45), Duration.ofMillis(2500), 0,
                16384, 100, 0));
    }

    @Test
    void shouldDrainOnlyWhenAsked() {
        assertThat(read(Map.of()).drain()).isZero();
        assertThat(read(Map.of(PREFIX + "shutdown.drain", "1500ms")).drain()).isEqualTo(Duration.ofMillis(1500));
        assertThatThrownBy(() -> read(Map.of(PREFIX + "shutdown.drain", "-1s")))
                .hasMessageContaining(PREFIX + "shutdown.drain");
    }

    @Test
    void shouldTurnTlsOnWithPemFiles() {
        ServerSettings settings = read(Map.of(PREFIX + "tls.cert", "/etc/pfp/cert.pem", PREFIX + "tls.key",
                "/etc/pfp/key.pem", PREFIX + "tls.key.password", "s3cret", PREFIX + "tls.hsts.max.age", "1d"));

        assertThat(settings.tls()).hasValue(new TlsSettings(new TlsSettings.PemFiles(Path.of("/etc/pfp/cert.pem"),
                Path.of("/etc/pfp/key.pem"), "s3cret"), Duration.ofDays(1)));
        assertThat(settings.scheme()).isEqualTo("https");
    }

    @Test
    void shouldTurnTlsOnWithAKeyStore() {
        ServerSettings settings = read(Map.of(PREFIX + "tls.keystore", "/etc/pfp/gateway.p12",
                PREFIX + "tls.keystore.password", "changeit"));

        assertThat(settings.tls()).hasValue(new TlsSettings(new TlsSettings.KeyStoreFile(Path.of("/etc/pfp/gateway.p12"),
                "changeit"), Duration.ofDays(365)));
    }

    @Test
    void shouldRefuseBothAKeyStoreAndPemFiles() {
        assertThatThrownBy(() -> read(Map.of(PREFIX + "tls.keystore", "a.p12", PREFIX + "tls.keystore.password", "x",
                PREFIX + "tls.cert", "cert.pem", PREFIX + "tls.key", "key.pem")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not both");
    }

    @Test
    void shouldNameTheMissingHalfOfAPemPair() {
        assertThatThrownBy(() -> read(Map.of(PREFIX + "tls.cert", "cert.pem")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(PREFIX + "tls.key");
        assertThatThrownBy(() -> read(Map.of(PREFIX + "tls.keystore", "a.p12")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(PREFIX + "tls.keystore.password");
    }

    @Test
    void shouldNameTheSettingOfAMalformedValue() {
        assertThatThrownBy(() -> read(Map.of(PREFIX + "idle.timeout", "soon")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(PREFIX + "idle.timeout");
        assertThatThrownBy(() -> read(Map.of(PREFIX + "max.threads", "many")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(PREFIX + "max.threads");
        assertThatThrownBy(() -> read(Map.of(PREFIX + "max.threads", "2")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(PREFIX + "max.threads").hasMessageContaining("PFP_GATEWAY_HTTP_MAX_THREADS")
                .hasMessageContaining("at least 8");
    }

    private static ServerSettings read(Map<String, String> values) {
        return ServerSettings.from(PREFIX, Settings.of(values));
    }
}

package org.pfptracker.http.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

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
        assertThat(ServerSettings.Option.IDLE_TIMEOUT.defaultValue()).isEqualTo("30s");
        assertThat(ServerSettings.Option.MAX_CONNECTIONS_PER_CLIENT.defaultValue()).isEqualTo("64");
        assertThat(ServerSettings.Option.HSTS_MAX_AGE.defaultValue()).isEqualTo("365d");
        assertThat(ServerSettings.Option.TLS_CERT.defaultValue()).isNull();
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
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(PREFIX).hasMessageContaining("8 threads");
    }

    private static ServerSettings read(Map<String, String> values) {
        return ServerSettings.from(PREFIX, key -> Optional.ofNullable(values.get(key)));
    }
}

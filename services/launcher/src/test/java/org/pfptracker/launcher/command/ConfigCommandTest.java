package org.pfptracker.launcher.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pfptracker.core.config.Setting;
import org.pfptracker.core.config.Settings;

/** 'pfp config' lists every setting of every role once, from the declarations, and never prints a secret. */
class ConfigCommandTest {

    private static Setting<?> declared(String key) {
        return ConfigCommand.all().stream().filter(setting -> setting.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void shouldListEverySettingOnceWithTheRegistrysKeys() {
        List<String> keys = ConfigCommand.all().stream().map(Setting::key).toList();

        assertThat(keys).doesNotHaveDuplicates()
                .contains("registry.port", "registry.compatibility.level", "registry.http.max.connections.per.client",
                        "access.issuer", "access.mode", "tracker.peer.secret", "local.kafka.secured",
                        "kafka.bootstrap.servers", "publisher.linger", "simulator.max.in.flight");
    }

    @Test
    void shouldListEveryServersHttpOptionsUnderItsPrefix() {
        List<String> keys = ConfigCommand.all().stream().map(Setting::key).toList();

        for (String server : List.of("tracker.http.", "gateway.http.", "registry.http.")) {
            assertThat(keys).as(server).contains(server + "idle.timeout", server + "max.threads",
                    server + "tls.keystore", server + "tls.keystore.password", server + "tls.hsts.max.age");
        }
    }

    @Test
    void shouldHideTheValuesOfSecrets() {
        for (String key : List.of("tracker.peer.secret", "tracker.http.tls.keystore.password",
                "gateway.http.tls.key.password", "registry.http.tls.key.password")) {
            Setting<?> secret = declared(key);
            assertThat(secret.secret()).as(key).isTrue();
            assertThat(ConfigCommand.shown(secret, Settings.of(Map.of(key, "s3cr3t")))).as(key).isEqualTo("(set, hidden)");
            assertThat(ConfigCommand.shown(secret, Settings.of(Map.of()))).as(key).isEqualTo("(unset)");
        }
        assertThat(declared("tracker.http.port").secret()).isFalse();
    }

    @Test
    void shouldShowValuesDefaultsAndWhatIsRequired() {
        Settings settings = Settings.of(Map.of("tracker.http.port", "9090"));

        assertThat(ConfigCommand.shown(declared("tracker.http.port"), settings)).isEqualTo("9090");
        assertThat(ConfigCommand.shown(declared("gateway.http.port"), settings)).isEqualTo("8082");
        assertThat(ConfigCommand.shown(declared("registry.http.tls.hsts.max.age"), settings)).isEqualTo("365d");
        assertThat(ConfigCommand.shown(declared("registry.bootstrap.servers"), settings)).isEqualTo("(required, unset)");
        assertThat(declared("registry.port").describe()).isEqualTo("int, from 0 to 65535");
    }
}

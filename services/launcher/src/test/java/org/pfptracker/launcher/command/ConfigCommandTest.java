package org.pfptracker.launcher.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pfptracker.platform.config.Setting;

/** 'pfp config' lists every setting once, the registry's own keys included, and never prints a secret. */
class ConfigCommandTest {

    @Test
    void shouldListEverySettingOnceWithTheRegistrysKeys() {
        List<String> keys = ConfigCommand.all().stream().map(Setting::key).toList();

        assertThat(keys).doesNotHaveDuplicates()
                .contains("registry.port", "registry.compatibility.level", "registry.http.max.connections.per.client",
                        "access.issuer", "tracker.peer.secret", "local.kafka.secured");
    }

    @Test
    void shouldHideTheValuesOfSecrets() {
        for (String key : List.of("tracker.peer.secret", "tracker.http.tls.keystore.password",
                "registry.http.tls.key.password")) {
            assertThat(ConfigCommand.shown(new Setting(key, null, "doc"), "s3cr3t")).as(key).isEqualTo("(set, hidden)");
        }
        assertThat(ConfigCommand.shown(new Setting("tracker.http.port", "8080", "doc"), "8080")).isEqualTo("8080");
    }
}

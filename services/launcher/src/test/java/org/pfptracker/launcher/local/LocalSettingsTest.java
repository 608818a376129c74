package org.pfptracker.launcher.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pfptracker.core.config.ConfigurationException;
import org.pfptracker.core.config.Settings;

class LocalSettingsTest {

    @Test
    void shouldRunKafkaPlaintextUnlessAskedOtherwise() {
        assertThat(LocalSettings.kafkaSecured(Settings.of(Map.of()))).isFalse();
    }

    @Test
    void shouldReadTrueInAnyCase() {
        assertThat(LocalSettings.kafkaSecured(Settings.of(Map.of(LocalSettings.KAFKA_SECURED.key(), "TRUE")))).isTrue();
    }

    @Test
    void shouldRefuseAValueThatIsNeitherTrueNorFalseRatherThanRunUnsecured() {
        Settings settings = Settings.of(Map.of(LocalSettings.KAFKA_SECURED.key(), "yes"));

        assertThatThrownBy(() -> LocalSettings.kafkaSecured(settings))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("local.kafka.secured")
                .hasMessageContaining("'yes'");
    }
}

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

    @Test
    void shouldLetTheRestartedBrokerRegisterSoonAfterAKill() {
        // Given the defaults
        Map<String, String> broker = LocalSettings.brokerOverrides(Settings.of(Map.of()));

        // Then the controller forgets a dead broker's registration in 4 s, not Kafka's 9 s
        assertThat(broker).containsEntry("broker.session.timeout.ms", "4000")
                .containsEntry("broker.heartbeat.interval.ms", "1000");
        assertThat(Integer.parseInt(broker.get("num.recovery.threads.per.data.dir"))).isGreaterThanOrEqualTo(2);
    }

    @Test
    void shouldTakeTheBrokerSessionAndRecoveryThreadsFromTheSettings() {
        Settings settings = Settings.of(Map.of("local.kafka.session.timeout", "6s", "local.kafka.recovery.threads", "8"));

        assertThat(LocalSettings.brokerOverrides(settings)).containsEntry("broker.session.timeout.ms", "6000")
                .containsEntry("broker.heartbeat.interval.ms", "1500")
                .containsEntry("num.recovery.threads.per.data.dir", "8");
    }
}

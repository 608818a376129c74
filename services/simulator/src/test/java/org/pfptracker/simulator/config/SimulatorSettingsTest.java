package org.pfptracker.simulator.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pfptracker.core.config.Settings;
import org.pfptracker.platform.config.KafkaSettings;
import org.pfptracker.publisher.EventPublisher;

class SimulatorSettingsTest {

    @Test
    void shouldAskForLargeBatchesWhereTheOperatorHasNotChosen() {
        Settings tuned = SimulatorSettings.forThroughput(Settings.of(Map.of()));

        assertThat(KafkaSettings.clientOverrides(tuned)).containsEntry("batch.size", "262144");
        assertThat(tuned.get(EventPublisher.LINGER)).isEqualTo(Duration.ofMillis(20));
    }

    @Test
    void shouldKeepWhatTheOperatorChose() {
        Settings tuned = SimulatorSettings.forThroughput(Settings.of(Map.of(
                "kafka.client.batch.size", "65536", "publisher.linger", "1ms")));

        assertThat(KafkaSettings.clientOverrides(tuned)).containsEntry("batch.size", "65536");
        assertThat(tuned.get(EventPublisher.LINGER)).isEqualTo(Duration.ofMillis(1));
    }

    @Test
    void shouldKeepTwentyThousandPublishesInFlightByDefault() {
        assertThat(Settings.of(Map.of()).get(SimulatorSettings.MAX_IN_FLIGHT)).isEqualTo(20_000);
    }
}

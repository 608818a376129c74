package org.pfptracker.simulator.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pfptracker.platform.config.Settings;
import org.pfptracker.publisher.EventPublisher;

class SimulatorSettingsTest {

    @Test
    void shouldAskForLargeBatchesWhereTheOperatorHasNotChosen() {
        Settings tuned = SimulatorSettings.forThroughput(Settings.of(Map.of()));

        assertThat(tuned.kafkaClientOverrides()).containsEntry("batch.size", "262144");
        assertThat(tuned.get(EventPublisher.LINGER)).isEqualTo("20ms");
    }

    @Test
    void shouldKeepWhatTheOperatorChose() {
        Settings tuned = SimulatorSettings.forThroughput(Settings.of(Map.of(
                "kafka.client.batch.size", "65536", "publisher.linger", "1ms")));

        assertThat(tuned.kafkaClientOverrides()).containsEntry("batch.size", "65536");
        assertThat(tuned.get(EventPublisher.LINGER)).isEqualTo("1ms");
    }

    @Test
    void shouldKeepTwentyThousandPublishesInFlightByDefault() {
        assertThat(Settings.of(Map.of()).getInt(SimulatorSettings.MAX_IN_FLIGHT)).isEqualTo(20_000);
    }
}

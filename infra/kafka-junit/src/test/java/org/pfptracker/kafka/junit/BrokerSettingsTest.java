package org.pfptracker.kafka.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BrokerSettingsTest {

    @Test
    void shouldReplicateInternalTopicsOnEveryBrokerOfASingleBrokerCluster() {
        // When
        Map<String, String> settings = BrokerSettings.forBrokerCount(1);

        // Then
        assertThat(settings)
                .containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("transaction.state.log.replication.factor", "1")
                .containsEntry("transaction.state.log.min.isr", "1")
                .containsEntry("min.insync.replicas", "1")
                .containsEntry("auto.create.topics.enable", "false");
    }

    @Test
    void shouldToleratingLosingOneOfThreeBrokers() {
        // When
        Map<String, String> settings = BrokerSettings.forBrokerCount(3);

        // Then
        assertThat(settings)
                .containsEntry("offsets.topic.replication.factor", "3")
                .containsEntry("transaction.state.log.replication.factor", "3")
                .containsEntry("transaction.state.log.min.isr", "2")
                .containsEntry("default.replication.factor", "3")
                .containsEntry("min.insync.replicas", "2");
    }

    @Test
    void shouldRejectAClusterWithoutBrokers() {
        assertThatThrownBy(() -> BrokerSettings.forBrokerCount(0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldNameContainerVariablesTheWayTheApacheKafkaImageReadsThem() {
        // When
        Map<String, String> environment = BrokerSettings.asContainerEnvironment(Map.of(
                "group.initial.rebalance.delay.ms", "0",
                "some_setting.with-dash", "x"));

        // Then
        assertThat(environment)
                .containsEntry("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0")
                .containsEntry("KAFKA_SOME__SETTING_WITH___DASH", "x")
                .hasSize(2);
    }
}

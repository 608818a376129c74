package org.pfptracker.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pfptracker.core.config.Settings;
import org.pfptracker.platform.config.KafkaSettings;
import org.pfptracker.publisher.EventPublisher;

class GatewaySettingsTest {

    @Test
    void shouldGiveThePublisherTheGatewaysShorterDeliveryTimeoutAndBoundSendToIt() {
        Settings publisher = GatewaySettings.publisherSettings(Settings.of(Map.of()));

        assertThat(publisher.get(EventPublisher.DELIVERY_TIMEOUT)).isEqualTo(Duration.ofSeconds(10));
        assertThat(KafkaSettings.clientOverrides(publisher)).containsEntry("max.block.ms", "10000");
    }

    @Test
    void shouldFollowTheOperatorsDeliveryTimeoutAndKeepTheirOwnMaxBlock() {
        Settings publisher = GatewaySettings.publisherSettings(Settings.of(Map.of(
                "gateway.delivery.timeout", "3s",
                "kafka.client.max.block.ms", "500")));

        assertThat(publisher.get(EventPublisher.DELIVERY_TIMEOUT)).isEqualTo(Duration.ofSeconds(3));
        assertThat(KafkaSettings.clientOverrides(publisher)).containsEntry("max.block.ms", "500");
    }

    @Test
    void shouldDefaultToTheLocalStacksAddress() {
        Settings defaults = Settings.of(Map.of());

        assertThat(defaults.get(GatewaySettings.HTTP_HOST)).isEqualTo("127.0.0.1");
        assertThat(defaults.get(GatewaySettings.HTTP_PORT)).isEqualTo(8082);
        assertThat(GatewaySettings.ALL).allSatisfy(setting -> assertThat(setting.key()).startsWith("gateway."));
    }
}

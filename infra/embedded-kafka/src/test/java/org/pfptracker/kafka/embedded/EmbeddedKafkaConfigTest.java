package org.pfptracker.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pfptracker.kafka.embedded.security.AccessPolicy;

class EmbeddedKafkaConfigTest {

    @Test
    void shouldDefaultToLoopbackAndKafkasCustomaryPorts() {
        // When
        EmbeddedKafkaConfig config = EmbeddedKafkaConfig.inDirectory(Path.of("kafka-data"));

        // Then
        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.bootstrapServers()).isEqualTo("127.0.0.1:9092");
        assertThat(config.controllerPort()).isEqualTo(9093);
        assertThat(config.dataDirectory()).isAbsolute().endsWithRaw(Path.of("kafka-data"));
        assertThat(config.brokerOverrides()).isEmpty();
    }

    @Test
    void shouldBracketIpv6HostsInAddresses() {
        assertThat(EmbeddedKafkaConfig.inDirectory(Path.of("d")).withHost("::1").bootstrapServers())
                .isEqualTo("[::1]:9092");
    }

    @Test
    void shouldRejectPortsThatCannotWork() {
        EmbeddedKafkaConfig config = EmbeddedKafkaConfig.inDirectory(Path.of("d"));

        assertThatThrownBy(() -> config.withBrokerPort(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("brokerPort");
        assertThatThrownBy(() -> config.withControllerPort(9092))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must differ");
    }

    @Test
    void shouldAccumulateOverridesWithoutChangingTheOriginal() {
        // Given
        EmbeddedKafkaConfig original = EmbeddedKafkaConfig.inDirectory(Path.of("d"));

        // When
        EmbeddedKafkaConfig changed = original
                .withBrokerOverride("log.retention.hours", "24")
                .withBrokerOverrides(Map.of("num.io.threads", "2"));

        // Then
        assertThat(changed.brokerOverrides())
                .containsExactly(Map.entry("log.retention.hours", "24"), Map.entry("num.io.threads", "2"));
        assertThat(original.brokerOverrides()).isEmpty();
    }

    @Test
    void shouldStaySecuredThroughEveryChange() {
        // When
        EmbeddedKafkaConfig config = EmbeddedKafkaConfig.inDirectory(Path.of("d")).secured()
                .withBrokerPort(19092)
                .withHost("localhost")
                .withBrokerOverride("log.retention.hours", "24");

        // Then
        assertThat(config.isSecured()).isTrue();
        assertThat(config.accessPolicy()).contains(AccessPolicy.standard());
        assertThat(EmbeddedKafkaConfig.inDirectory(Path.of("d")).isSecured()).isFalse();
    }

    @Test
    void shouldRejectOverridesOfWhatASecuredNodesSecurityDecides() {
        // Given
        EmbeddedKafkaConfig secured = EmbeddedKafkaConfig.inDirectory(Path.of("d")).secured();

        // When / Then
        assertThatThrownBy(() -> secured.withBrokerOverride("super.users", "User:ANONYMOUS"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("super.users");
        assertThatThrownBy(() -> EmbeddedKafkaConfig.inDirectory(Path.of("d"))
                .withBrokerOverride("allow.everyone.if.no.acl.found", "true")
                .secured())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("allow.everyone.if.no.acl.found");
    }
}

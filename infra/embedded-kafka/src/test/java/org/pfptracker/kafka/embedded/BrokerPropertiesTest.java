package org.pfptracker.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import kafka.server.KafkaConfig;
import org.apache.kafka.common.network.ListenerName;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.junit.jupiter.api.Test;
import org.pfptracker.kafka.embedded.security.ServerSecurity;
import org.pfptracker.kafka.embedded.security.TlsStores;

class BrokerPropertiesTest {

    private static final EmbeddedKafkaConfig CONFIG = EmbeddedKafkaConfig.inDirectory(Path.of("/var/tmp/pfp-kafka"))
            .withBrokerPort(19092)
            .withControllerPort(19093);

    @Test
    void shouldKeepInternalTopicsOnTheOneNodeSoThatTransactionsWork() {
        // When
        Map<String, String> properties = BrokerProperties.resolve(CONFIG);

        // Then
        assertThat(properties)
                .containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("transaction.state.log.replication.factor", "1")
                .containsEntry("transaction.state.log.min.isr", "1")
                .containsEntry("auto.create.topics.enable", "false")
                .containsEntry("group.initial.rebalance.delay.ms", "0");
    }

    @Test
    void shouldDeriveListenersQuorumAndStorageFromTheConfig() {
        // When
        Map<String, String> properties = BrokerProperties.resolve(CONFIG);

        // Then
        assertThat(properties)
                .containsEntry("process.roles", "broker,controller")
                .containsEntry("listeners", "PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093")
                .containsEntry("advertised.listeners", "PLAINTEXT://127.0.0.1:19092")
                .containsEntry("controller.quorum.bootstrap.servers", "127.0.0.1:19093")
                .containsEntry("log.dirs", Path.of("/var/tmp/pfp-kafka").toString())
                .doesNotContainKey("controller.quorum.voters");
    }

    @Test
    void shouldLetOverridesReplaceDefaults() {
        // Given
        EmbeddedKafkaConfig config = CONFIG.withBrokerOverride("log.retention.hours", "24");

        // When / Then
        assertThat(BrokerProperties.resolve(config)).containsEntry("log.retention.hours", "24");
        assertThat(BrokerProperties.resolve(CONFIG)).containsEntry("log.retention.hours", "168");
    }

    @Test
    void shouldRejectOverridesOfWhatTheConfigDecides() {
        assertThatThrownBy(() -> CONFIG.withBrokerOverride("log.dirs", "/elsewhere"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("log.dirs")
                .hasMessageContaining("dataDirectory");
        assertThatThrownBy(() -> CONFIG.withBrokerOverride("listeners", "PLAINTEXT://0.0.0.0:9092"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("brokerPort");
    }

    @Test
    void shouldShipDefaultsThatAreAllKafkaServerSettingsAndLeaveOwnedOnesAlone() {
        // When
        Map<String, String> defaults = BrokerProperties.defaults();

        // Then every line of the resource means something to Kafka, e.g. no misspelt names
        assertThat(defaults).isNotEmpty();
        assertThat(defaults.keySet())
                .allSatisfy(name -> assertThat(KafkaConfig.configNames().contains(name))
                        .as("%s is a Kafka server setting", name).isTrue())
                .noneMatch(BrokerProperties::isOwned);
    }

    @Test
    void shouldResolveToAConfigurationKafkaAccepts() {
        // Given
        Properties properties = new Properties();
        properties.putAll(BrokerProperties.resolve(CONFIG));

        // When
        KafkaConfig kafkaConfig = KafkaConfig.fromProps(properties, false);

        // Then
        assertThat(kafkaConfig.nodeId()).isEqualTo(BrokerProperties.NODE_ID);
        assertThat(kafkaConfig.logDirs()).containsExactly(Path.of("/var/tmp/pfp-kafka").toString());
    }

    @Test
    void shouldSecureEveryListenerOfASecuredNodeInAWayKafkaAccepts() {
        // Given
        EmbeddedKafkaConfig secured = CONFIG.secured();
        TlsStores stores = new TlsStores(Path.of("/var/tmp/pfp-kafka/broker.p12"),
                Path.of("/var/tmp/pfp-kafka/truststore.p12"), Path.of("/var/tmp/pfp-kafka/ca.pem"), "store-password");
        Map<String, String> security = ServerSecurity.properties(BrokerProperties.SECURED_BROKER_LISTENER,
                BrokerProperties.CONTROLLER_LISTENER, stores, "broker-password");

        // When
        Map<String, String> resolved = BrokerProperties.resolve(secured, security);
        Properties properties = new Properties();
        properties.putAll(resolved);
        KafkaConfig kafkaConfig = KafkaConfig.fromProps(properties, false);

        // Then
        assertThat(resolved)
                .containsEntry("listeners", "CLIENT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093")
                .containsEntry("advertised.listeners", "CLIENT://127.0.0.1:19092")
                .containsEntry("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
                .containsEntry("allow.everyone.if.no.acl.found", "false");
        assertThat(kafkaConfig.effectiveListenerSecurityProtocolMap())
                .containsEntry(ListenerName.normalised("CLIENT"), SecurityProtocol.SASL_SSL)
                .containsEntry(ListenerName.normalised("CONTROLLER"), SecurityProtocol.SASL_SSL);
        assertThat(kafkaConfig.saslMechanismInterBrokerProtocol()).isEqualTo("SCRAM-SHA-512");
    }

    @Test
    void shouldRefuseToResolveASecuredNodeWithoutItsSecuritySettings() {
        assertThatThrownBy(() -> BrokerProperties.resolve(CONFIG.secured()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("security settings");
    }
}

package org.pfptracker.launcher.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.kafka.metadata.properties.MetaPropertiesEnsemble;
import org.pfptracker.core.config.Settings;
import org.pfptracker.kafka.embedded.EmbeddedKafkaBroker;
import org.pfptracker.kafka.embedded.EmbeddedKafkaConfig;
import org.pfptracker.kafka.embedded.EmbeddedKafkaException;
import org.pfptracker.kafka.embedded.PortInUseException;
import org.pfptracker.kafka.embedded.security.AccessPolicy;
import org.pfptracker.kafka.embedded.security.ClientSecurity;
import org.pfptracker.kafka.embedded.security.KafkaPrincipal;
import org.pfptracker.kafka.embedded.security.TlsStores;
import org.pfptracker.platform.config.KafkaSettings;
import org.pfptracker.registry.RegistryConfig;
import org.pfptracker.tracker.config.TrackerSettings;

/**
 * The local stack's Kafka node, and the settings with which each part of the stack reaches it: PLAINTEXT, or
 * secured ({@link LocalSettings#KAFKA_SECURED}) with every part logging in as its own
 * {@link KafkaPrincipal Kafka user}, so that the ACLs hold each part to what it needs.
 */
final class LocalKafka implements AutoCloseable {

    private final EmbeddedKafkaBroker node;
    private final String bootstrapServers;
    private final Optional<ClientSecurity> security;

    private LocalKafka(EmbeddedKafkaBroker node, String bootstrapServers, Optional<ClientSecurity> security) {
        this.node = node;
        this.bootstrapServers = bootstrapServers;
        this.security = security;
    }

    /**
     * Starts the node of the layout, secured when the settings ask for it.
     *
     * @throws UnsecuredKafkaDataException if asked to run secured on data an unsecured node made
     */
    static LocalKafka start(LocalStack.Layout layout, Settings settings) {
        EmbeddedKafkaConfig config = EmbeddedKafkaConfig.inDirectory(layout.kafkaDirectory())
                .withBrokerPort(layout.kafkaPort())
                .withControllerPort(layout.controllerPort())
                .withBrokerOverrides(LocalSettings.brokerOverrides(settings));
        if (!LocalSettings.kafkaSecured(settings)) {
            EmbeddedKafkaBroker node = new EmbeddedKafkaBroker(config);
            return new LocalKafka(node, node.start(), Optional.empty());
        }
        // Known before the start, which writes a trust store into the directory.
        boolean madeUnsecured = madeByUnsecuredNode(layout.kafkaDirectory());
        EmbeddedKafkaBroker node = new EmbeddedKafkaBroker(config.secured(accessPolicy(settings)));
        try {
            String bootstrapServers = node.start();
            return new LocalKafka(node, bootstrapServers, Optional.of(node.clientSecurity()));
        } catch (PortInUseException e) {
            throw e;
        } catch (EmbeddedKafkaException e) {
            throw madeUnsecured ? new UnsecuredKafkaDataException(layout.kafkaDirectory(), e) : e;
        }
    }

    /**
     * The grants name the tracker's application id and the registry's topic: the policy must name those the
     * stack runs with, or the tracker and the registry are refused.
     */
    private static AccessPolicy accessPolicy(Settings settings) {
        return AccessPolicy.standard()
                .withTrackerApplicationId(settings.get(TrackerSettings.APPLICATION_ID))
                .withSchemasTopic(RegistryConfig.DEFAULT_TOPIC);
    }

    /**
     * Kafka data (its {@code meta.properties}) without the trust store a secured node writes at every start:
     * only an unsecured node ever ran on it. The node refuses such data itself; this tells the refusal apart
     * from other start failures, so that the user is told how to get past it.
     */
    private static boolean madeByUnsecuredNode(Path directory) {
        return Files.exists(directory.resolve(MetaPropertiesEnsemble.META_PROPERTIES_NAME))
                && !Files.exists(directory.resolve(TlsStores.TRUST_STORE_FILE));
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    /** The users' client settings when the node is secured; empty on PLAINTEXT. */
    Optional<ClientSecurity> security() {
        return security;
    }

    /**
     * {@code settings} pointed at this node, and, when it is secured, logging in as {@code principal}: its
     * SASL_SSL, SCRAM and trust store settings under {@code kafka.client.}, which every Kafka client of a
     * component reads. Other {@code kafka.client.} settings stay.
     */
    Settings clientSettings(KafkaPrincipal principal, Settings settings) {
        Settings located = settings.with(KafkaSettings.BOOTSTRAP_SERVERS, bootstrapServers);
        return security.map(clients -> located.withValues(underClientPrefix(clients.forPrincipal(principal))))
                .orElse(located);
    }

    private static Map<String, String> underClientPrefix(Map<String, String> clientProperties) {
        Map<String, String> prefixed = new TreeMap<>();
        clientProperties.forEach((key, value) -> prefixed.put(KafkaSettings.CLIENT_PREFIX + key, value));
        return prefixed;
    }

    @Override
    public void close() {
        node.close();
    }
}

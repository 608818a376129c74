package org.pfptracker.kafka.embedded;

import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.pfptracker.kafka.embedded.security.AccessPolicy;

/**
 * Where and how the embedded Kafka node runs.
 *
 * <pre>{@code
 * EmbeddedKafkaConfig config = EmbeddedKafkaConfig.inDirectory(Path.of("target/local-kafka"))
 *         .withBrokerPort(19092)
 *         .withBrokerOverride("log.retention.hours", "24");
 * }</pre>
 *
 * <p>A node is PLAINTEXT unless {@link #secured(AccessPolicy)}: then every listener is SASL_SSL,
 * clients authenticate with SCRAM-SHA-512 and the policy's ACLs decide what they may do (see
 * {@link EmbeddedKafkaBroker#clientSecurity()}).
 *
 * @param dataDirectory   where Kafka keeps its data; formatted on first use, reused afterwards
 * @param host            the address both listeners bind to and clients connect to
 * @param brokerPort      the port clients connect to ({@code bootstrap.servers})
 * @param controllerPort  the port of the KRaft controller, used by the node itself; it may change
 *                        between starts on the same data directory (Kafka updates the endpoint
 *                        recorded for its quorum)
 * @param brokerOverrides Kafka server properties that replace the defaults in
 *                        {@code broker-defaults.properties}; they may not set what the other
 *                        components decide (listeners, ports, directories, node identity, and
 *                        the security settings of a secured node)
 * @param accessPolicy    empty for a PLAINTEXT node without authorisation; otherwise the ACLs the
 *                        secured node enforces (re-applied at every start)
 */
public record EmbeddedKafkaConfig(
        Path dataDirectory,
        String host,
        int brokerPort,
        int controllerPort,
        Map<String, String> brokerOverrides,
        Optional<AccessPolicy> accessPolicy) {

    /** Loopback only: the local stack is not meant to be reachable from other machines. */
    public static final String DEFAULT_HOST = "127.0.0.1";
    /** Kafka's customary client port, so that command-line tools work without options. */
    public static final int DEFAULT_BROKER_PORT = 9092;
    /** Kafka's customary controller port in the quickstart configuration. */
    public static final int DEFAULT_CONTROLLER_PORT = 9093;

    public EmbeddedKafkaConfig {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(brokerOverrides, "brokerOverrides");
        Objects.requireNonNull(accessPolicy, "accessPolicy");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        requireValidPort("brokerPort", brokerPort);
        requireValidPort("controllerPort", controllerPort);
        if (brokerPort == controllerPort) {
            throw new IllegalArgumentException("brokerPort and controllerPort must differ, both are " + brokerPort);
        }
        dataDirectory = dataDirectory.toAbsolutePath().normalize();
        brokerOverrides.forEach(BrokerProperties::requireOverridable);
        if (accessPolicy.isPresent()) {
            brokerOverrides.keySet().forEach(BrokerProperties::requireNotSecuritySetting);
        }
        // Sorted, so that logs and error messages list them predictably.
        brokerOverrides = Collections.unmodifiableSortedMap(new TreeMap<>(brokerOverrides));
    }

    /** A PLAINTEXT node without authorisation. */
    public EmbeddedKafkaConfig(Path dataDirectory, String host, int brokerPort, int controllerPort,
                               Map<String, String> brokerOverrides) {
        this(dataDirectory, host, brokerPort, controllerPort, brokerOverrides, Optional.empty());
    }

    /** The defaults (127.0.0.1, ports 9092 and 9093, no overrides, PLAINTEXT) with data in {@code dataDirectory}. */
    public static EmbeddedKafkaConfig inDirectory(Path dataDirectory) {
        return new EmbeddedKafkaConfig(dataDirectory, DEFAULT_HOST, DEFAULT_BROKER_PORT, DEFAULT_CONTROLLER_PORT,
                Map.of());
    }

    public EmbeddedKafkaConfig withHost(String newHost) {
        return new EmbeddedKafkaConfig(dataDirectory, newHost, brokerPort, controllerPort, brokerOverrides,
                accessPolicy);
    }

    public EmbeddedKafkaConfig withBrokerPort(int newBrokerPort) {
        return new EmbeddedKafkaConfig(dataDirectory, host, newBrokerPort, controllerPort, brokerOverrides,
                accessPolicy);
    }

    public EmbeddedKafkaConfig withControllerPort(int newControllerPort) {
        return new EmbeddedKafkaConfig(dataDirectory, host, brokerPort, newControllerPort, brokerOverrides,
                accessPolicy);
    }

    /**
     * A copy that runs secured: SASL_SSL with SCRAM-SHA-512 on both listeners, TLS material and
     * passwords made at start in the data directory, and {@code policy}'s ACLs enforced by KRaft's
     * {@code StandardAuthorizer}. A data directory first used unsecured cannot be secured later (its
     * metadata has no SCRAM users): use a new one.
     */
    public EmbeddedKafkaConfig secured(AccessPolicy policy) {
        return new EmbeddedKafkaConfig(dataDirectory, host, brokerPort, controllerPort, brokerOverrides,
                Optional.of(policy));
    }

    /** {@link #secured(AccessPolicy)} with {@link AccessPolicy#standard()}. */
    public EmbeddedKafkaConfig secured() {
        return secured(AccessPolicy.standard());
    }

    /** Whether clients must authenticate and are held to an access policy. */
    public boolean isSecured() {
        return accessPolicy.isPresent();
    }

    /** A copy that also sets Kafka server property {@code name} to {@code value}. */
    public EmbeddedKafkaConfig withBrokerOverride(String name, String value) {
        return withBrokerOverrides(Map.of(name, value));
    }

    /** A copy that also sets these Kafka server properties. */
    public EmbeddedKafkaConfig withBrokerOverrides(Map<String, String> overrides) {
        SortedMap<String, String> merged = new TreeMap<>(brokerOverrides);
        merged.putAll(overrides);
        return new EmbeddedKafkaConfig(dataDirectory, host, brokerPort, controllerPort, merged, accessPolicy);
    }

    /** What clients put in {@code bootstrap.servers}, e.g. {@code 127.0.0.1:9092}. */
    public String bootstrapServers() {
        return hostAndPort(brokerPort);
    }

    /** {@code host:port}, with an IPv6 host in brackets as Kafka's listener syntax requires. */
    String hostAndPort(int port) {
        String literal = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return literal + ":" + port;
    }

    private static void requireValidPort(String component, int port) {
        // No port 0: clients need to know the broker's port, and the node must know its
        // controller's address before it binds it.
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException(component + " must be between 1 and 65535, not " + port);
        }
    }
}

package org.pfptracker.kafka.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.pfptracker.kafka.embedded.security.ServerSecurity;

/**
 * The Kafka server properties of the embedded node: the defaults resource, then the caller's
 * overrides, then what follows from {@link EmbeddedKafkaConfig} itself, then, for a secured node,
 * its security settings ({@link ServerSecurity}).
 */
final class BrokerProperties {

    /** Next to this class: {@code org/pfptracker/kafka/embedded/broker-defaults.properties}. */
    static final String DEFAULTS_RESOURCE = "broker-defaults.properties";

    /** Fixed, because the data directory's meta.properties records it and must match on restart. */
    static final int NODE_ID = 1;
    static final String BROKER_LISTENER = "PLAINTEXT";
    /** The client listener's name on a secured node, where it speaks SASL_SSL. */
    static final String SECURED_BROKER_LISTENER = "CLIENT";
    static final String CONTROLLER_LISTENER = "CONTROLLER";
    /** What a secured node's security settings decide; overrides may not set them. */
    private static final Set<String> SECURITY_SETTINGS =
            ServerSecurity.propertyNames(SECURED_BROKER_LISTENER, CONTROLLER_LISTENER);

    /**
     * Keys decided by {@link EmbeddedKafkaConfig} (or by running one combined node), each with the
     * component to set instead, for the error message when an override tries to set it.
     */
    private static final Map<String, String> OWNED = Map.ofEntries(
            Map.entry("process.roles", "nothing: the node is always a combined broker and controller"),
            Map.entry("node.id", "nothing: the data directory records the node id"),
            Map.entry("listeners", "host, brokerPort and controllerPort"),
            Map.entry("advertised.listeners", "host and brokerPort"),
            Map.entry("listener.security.protocol.map",
                    "nothing: the node speaks PLAINTEXT, or SASL_SSL once secured(...)"),
            Map.entry("inter.broker.listener.name", "nothing: there is only one broker"),
            Map.entry("controller.listener.names", "controllerPort"),
            Map.entry("controller.quorum.bootstrap.servers", "host and controllerPort"),
            Map.entry("controller.quorum.voters", "nothing: the quorum is formatted as a standalone one"),
            Map.entry("log.dirs", "dataDirectory"),
            Map.entry("log.dir", "dataDirectory"),
            Map.entry("metadata.log.dir", "dataDirectory"));

    private BrokerProperties() {
    }

    /** All server properties for an unsecured {@code config}, sorted by name. */
    static SortedMap<String, String> resolve(EmbeddedKafkaConfig config) {
        return resolve(config, Map.of());
    }

    /**
     * All server properties for {@code config}, sorted by name.
     *
     * @param security {@link ServerSecurity#properties} for the listeners {@link #clientListener}
     *                 and {@link #CONTROLLER_LISTENER} if the config is secured, else nothing
     */
    static SortedMap<String, String> resolve(EmbeddedKafkaConfig config, Map<String, String> security) {
        if (config.isSecured() == security.isEmpty()) {
            throw new IllegalArgumentException(config.isSecured()
                    ? "A secured node needs its security settings"
                    : "An unsecured node takes no security settings");
        }
        SortedMap<String, String> properties = defaults();
        properties.putAll(config.brokerOverrides());
        properties.putAll(owned(config));
        properties.putAll(security);
        return properties;
    }

    /** The name of the listener clients connect to. */
    static String clientListener(EmbeddedKafkaConfig config) {
        return config.isSecured() ? SECURED_BROKER_LISTENER : BROKER_LISTENER;
    }

    /** The contents of the defaults resource. */
    static SortedMap<String, String> defaults() {
        Properties loaded = new Properties();
        try (InputStream in = BrokerProperties.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULTS_RESOURCE + " is missing from the classpath next to "
                        + BrokerProperties.class.getName());
            }
            loaded.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + DEFAULTS_RESOURCE, e);
        }
        SortedMap<String, String> defaults = new TreeMap<>();
        loaded.stringPropertyNames().forEach(name -> defaults.put(name, loaded.getProperty(name).trim()));
        return defaults;
    }

    /** Rejects overrides of what {@link EmbeddedKafkaConfig} decides, naming what to set instead. */
    static void requireOverridable(String name, String value) {
        String instead = OWNED.get(name);
        if (instead != null) {
            throw new IllegalArgumentException("Broker property " + name + " cannot be overridden; set "
                    + instead + " in EmbeddedKafkaConfig instead");
        }
        if (value == null) {
            throw new IllegalArgumentException("Broker property " + name + " has no value");
        }
    }

    /** Rejects overrides of what a secured node's security settings decide. */
    static void requireNotSecuritySetting(String name) {
        if (SECURITY_SETTINGS.contains(name)) {
            throw new IllegalArgumentException("Broker property " + name
                    + " cannot be overridden on a secured node: its security settings decide it");
        }
    }

    static boolean isOwned(String name) {
        return OWNED.containsKey(name);
    }

    private static Map<String, String> owned(EmbeddedKafkaConfig config) {
        String broker = config.hostAndPort(config.brokerPort());
        String controller = config.hostAndPort(config.controllerPort());
        String client = clientListener(config);
        Map<String, String> owned = new TreeMap<>(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", Integer.toString(NODE_ID)),
                Map.entry("listeners", client + "://" + broker + "," + CONTROLLER_LISTENER + "://" + controller),
                Map.entry("advertised.listeners", client + "://" + broker),
                Map.entry("controller.listener.names", CONTROLLER_LISTENER),
                // A dynamic quorum, as formatted by `kafka-storage format --standalone`, is found
                // through bootstrap servers rather than a static voter list.
                Map.entry("controller.quorum.bootstrap.servers", controller),
                Map.entry("log.dirs", config.dataDirectory().toString())));
        if (!config.isSecured()) {
            // A secured node's security settings name its protocols and the inter-broker listener.
            owned.put("listener.security.protocol.map",
                    BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
            owned.put("inter.broker.listener.name", BROKER_LISTENER);
        }
        return owned;
    }
}

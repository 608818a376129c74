package org.pfptracker.registry;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.pfptracker.http.server.ServerSettings;
import org.pfptracker.registry.client.CompatibilityLevel;

/**
 * How a registry server runs: where Kafka is, where to listen, which topic holds the schemas.
 *
 * <p>Loaded from properties (and environment variables, which win) with these keys; every key but
 * the bootstrap servers has a default:
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>Property</th><th>Environment variable</th><th>Default</th><th>Meaning</th></tr>
 *   <tr><td>{@value #BOOTSTRAP_SERVERS}</td><td>PFP_REGISTRY_BOOTSTRAP_SERVERS</td><td>(required)</td>
 *       <td>Kafka cluster holding the schemas topic</td></tr>
 *   <tr><td>{@value #HOST}</td><td>PFP_REGISTRY_HOST</td><td>127.0.0.1</td>
 *       <td>address the HTTP API listens on; 0.0.0.0 for every interface</td></tr>
 *   <tr><td>{@value #PORT}</td><td>PFP_REGISTRY_PORT</td><td>8081</td>
 *       <td>HTTP port, 0 for any free one (see {@link SchemaRegistryServer#url()})</td></tr>
 *   <tr><td>{@value #TOPIC}</td><td>PFP_REGISTRY_TOPIC</td><td>_schemas</td>
 *       <td>compacted topic holding schemas and settings; every instance on it agrees</td></tr>
 *   <tr><td>{@value #REPLICATION_FACTOR}</td><td>PFP_REGISTRY_TOPIC_REPLICATION_FACTOR</td><td>1</td>
 *       <td>replicas of the topic when this server creates it: 1 locally, 3 on a real cluster</td></tr>
 *   <tr><td>{@value #MIN_INSYNC_REPLICAS}</td><td>PFP_REGISTRY_TOPIC_MIN_INSYNC_REPLICAS</td>
 *       <td>2 with 3+ replicas, else 1</td><td>min.insync.replicas of the topic when created</td></tr>
 *   <tr><td>{@value #COMPATIBILITY_LEVEL}</td><td>PFP_REGISTRY_COMPATIBILITY_LEVEL</td><td>BACKWARD</td>
 *       <td>global level until one is set with PUT /config</td></tr>
 *   <tr><td>{@value #STORE_TIMEOUT_MS}</td><td>PFP_REGISTRY_STORE_TIMEOUT_MS</td><td>30000</td>
 *       <td>how long a request may wait on Kafka (catching up, writing)</td></tr>
 *   <tr><td>{@value #KAFKA_PREFIX}*</td><td>PFP_REGISTRY_KAFKA_*</td><td></td>
 *       <td>Kafka client settings for every client (TLS, SASL), e.g. registry.kafka.security.protocol</td></tr>
 *   <tr><td>{@value #PRODUCER_PREFIX}*</td><td>PFP_REGISTRY_PRODUCER_*</td><td></td><td>producer-only settings</td></tr>
 *   <tr><td>{@value #CONSUMER_PREFIX}*</td><td>PFP_REGISTRY_CONSUMER_*</td><td></td><td>consumer-only settings</td></tr>
 *   <tr><td>{@value #HTTP_PREFIX}*</td><td>PFP_REGISTRY_HTTP_*</td><td>see {@link ServerSettings.Option}</td>
 *       <td>the HTTP server's limits, timeouts and TLS, as on every pfp server: {@code registry.http.idle.timeout}
 *       (30s), {@code .header.timeout} (10s), {@code .min.body.bytes.per.second} (1024),
 *       {@code .max.header.bytes} (8192), {@code .max.threads} (250), {@code .max.connections.per.client} (64),
 *       {@code .tls.keystore} and {@code .tls.keystore.password}, or {@code .tls.cert}, {@code .tls.key} and
 *       {@code .tls.key.password}; {@code .tls.hsts.max.age} (365d)</td></tr>
 * </table>
 * An environment variable maps to its property by dropping {@code PFP_}, lower-casing, and turning
 * {@code _} into {@code .}.
 *
 * @param bootstrapServers      Kafka bootstrap servers
 * @param host                  HTTP listen address
 * @param port                  HTTP port, 0 for any free port
 * @param topic                 the schemas topic
 * @param replicationFactor     replicas of the topic when created here
 * @param minInsyncReplicas     min.insync.replicas of the topic when created here
 * @param defaultCompatibility  global compatibility level until one is stored
 * @param storeTimeout          how long one request may wait on Kafka
 * @param kafkaOverrides        settings for every Kafka client (admin, producer, consumer)
 * @param producerOverrides     settings for the producer only
 * @param consumerOverrides     settings for the consumer only
 * @param http                  the HTTP server's limits, timeouts and TLS
 */
public record RegistryConfig(
        String bootstrapServers,
        String host,
        int port,
        String topic,
        short replicationFactor,
        int minInsyncReplicas,
        CompatibilityLevel defaultCompatibility,
        Duration storeTimeout,
        Map<String, String> kafkaOverrides,
        Map<String, String> producerOverrides,
        Map<String, String> consumerOverrides,
        ServerSettings http) {

    /** Property: Kafka bootstrap servers. */
    public static final String BOOTSTRAP_SERVERS = "registry.bootstrap.servers";
    /** Property: HTTP listen address. */
    public static final String HOST = "registry.host";
    /** Property: HTTP port. */
    public static final String PORT = "registry.port";
    /** Property: the schemas topic. */
    public static final String TOPIC = "registry.topic";
    /** Property: replication factor of a topic this server creates. */
    public static final String REPLICATION_FACTOR = "registry.topic.replication.factor";
    /** Property: min.insync.replicas of a topic this server creates. */
    public static final String MIN_INSYNC_REPLICAS = "registry.topic.min.insync.replicas";
    /** Property: the global compatibility level until one is stored. */
    public static final String COMPATIBILITY_LEVEL = "registry.compatibility.level";
    /** Property: how long a request may wait on Kafka, in milliseconds. */
    public static final String STORE_TIMEOUT_MS = "registry.store.timeout.ms";
    /** Property prefix: Kafka settings for every client. */
    public static final String KAFKA_PREFIX = "registry.kafka.";
    /** Property prefix: Kafka settings for the producer. */
    public static final String PRODUCER_PREFIX = "registry.producer.";
    /** Property prefix: Kafka settings for the consumer. */
    public static final String CONSUMER_PREFIX = "registry.consumer.";
    /** Property prefix: the HTTP server's limits, timeouts and TLS ({@link ServerSettings.Option}). */
    public static final String HTTP_PREFIX = "registry.http.";

    /**
     * One of the registry's options as {@code pfp config} lists it: its key, its default ({@code null} when
     * it has none, or depends on others) and what it does.
     *
     * @param key property name
     * @param defaultValue the value when none is given
     * @param doc one line of documentation
     */
    public record Key(String key, String defaultValue, String doc) {
    }



    /** Default HTTP listen address: loopback, so nothing is exposed by accident. */
    public static final String DEFAULT_HOST = "127.0.0.1";
    /** Default HTTP port, Confluent's. */
    public static final int DEFAULT_PORT = 8081;
    /** Default topic, Confluent's. */
    public static final String DEFAULT_TOPIC = "_schemas";
    /** Default store timeout. */
    public static final Duration DEFAULT_STORE_TIMEOUT = Duration.ofSeconds(30);

    /** Every option of the registry, its HTTP server's included, in the order the table above gives them. */
    public static final List<Key> KEYS = java.util.stream.Stream.concat(java.util.stream.Stream.of(
            new Key(BOOTSTRAP_SERVERS, null, "Kafka cluster holding the schemas topic (pfp registry takes"
                    + " kafka.bootstrap.servers when it is not set)."),
            new Key(HOST, DEFAULT_HOST, "Address the registry's HTTP API listens on; 0.0.0.0 for every interface."),
            new Key(PORT, Integer.toString(DEFAULT_PORT), "Registry HTTP port, 0 for any free one."),
            new Key(TOPIC, DEFAULT_TOPIC, "Compacted topic holding schemas and settings; every instance on it agrees."),
            new Key(REPLICATION_FACTOR, "1", "Replicas of the schemas topic when this server creates it: 1 locally,"
                    + " 3 on a real cluster."),
            new Key(MIN_INSYNC_REPLICAS, null, "min.insync.replicas of the schemas topic when created (2 with 3+"
                    + " replicas, else 1)."),
            new Key(COMPATIBILITY_LEVEL, null, "Global compatibility level until one is set with PUT /config (pfp"
                    + " registry and pfp local: BACKWARD_TRANSITIVE, the project's policy)."),
            new Key(STORE_TIMEOUT_MS, Long.toString(DEFAULT_STORE_TIMEOUT.toMillis()), "How long a request may wait on"
                    + " Kafka (catching up, writing), in milliseconds.")),
            java.util.Arrays.stream(ServerSettings.Option.values()).map(option ->
                    new Key(option.key(HTTP_PREFIX), option.defaultValue(), option.doc()))).toList();

    /** Validates the settings and copies the maps. */
    public RegistryConfig {
        requireText(bootstrapServers, BOOTSTRAP_SERVERS);
        requireText(host, HOST);
        requireText(topic, TOPIC);
        Objects.requireNonNull(defaultCompatibility, COMPATIBILITY_LEVEL);
        Objects.requireNonNull(storeTimeout, STORE_TIMEOUT_MS);
        Objects.requireNonNull(http, HTTP_PREFIX + "*");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(PORT + " must be 0..65535, not " + port);
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException(REPLICATION_FACTOR + " must be at least 1, not " + replicationFactor);
        }
        if (minInsyncReplicas < 1 || minInsyncReplicas > replicationFactor) {
            throw new IllegalArgumentException(MIN_INSYNC_REPLICAS + " must be 1.." + replicationFactor
                    + ", not " + minInsyncReplicas);
        }
        if (storeTimeout.isNegative() || storeTimeout.isZero()) {
            throw new IllegalArgumentException(STORE_TIMEOUT_MS + " must be positive");
        }
        kafkaOverrides = Map.copyOf(kafkaOverrides);
        producerOverrides = Map.copyOf(producerOverrides);
        consumerOverrides = Map.copyOf(consumerOverrides);
    }

    /** Defaults for everything, on the given Kafka cluster: loopback, port 8081, topic _schemas, RF 1. */
    public static RegistryConfig forBootstrapServers(String bootstrapServers) {
        return new RegistryConfig(bootstrapServers, DEFAULT_HOST, DEFAULT_PORT, DEFAULT_TOPIC, (short) 1, 1,
                CompatibilityLevel.BACKWARD, DEFAULT_STORE_TIMEOUT, Map.of(), Map.of(), Map.of(), ServerSettings.DEFAULTS);
    }

    /**
     * Reads the settings from properties, then from environment variables, which win.
     *
     * @param properties e.g. a loaded {@code registry.properties}; keys as in the class comment
     * @param environment usually {@code System.getenv()}
     * @throws IllegalArgumentException when a setting is missing or malformed
     */
    public static RegistryConfig load(Map<String, String> properties, Map<String, String> environment) {
        Map<String, String> settings = new HashMap<>(properties);
        environment.forEach((name, value) -> {
            if (name.startsWith("PFP_REGISTRY_")) {
                settings.put(name.substring("PFP_".length()).toLowerCase(Locale.ROOT).replace('_', '.'), value);
            }
        });
        String bootstrap = settings.get(BOOTSTRAP_SERVERS);
        if (bootstrap == null || bootstrap.isBlank()) {
            throw new IllegalArgumentException("Missing " + BOOTSTRAP_SERVERS
                    + " (environment PFP_REGISTRY_BOOTSTRAP_SERVERS): the Kafka cluster holding the schemas topic");
        }
        short replicationFactor = (short) integer(settings, REPLICATION_FACTOR, 1);
        return new RegistryConfig(
                bootstrap.trim(),
                settings.getOrDefault(HOST, DEFAULT_HOST).trim(),
                integer(settings, PORT, DEFAULT_PORT),
                settings.getOrDefault(TOPIC, DEFAULT_TOPIC).trim(),
                replicationFactor,
                integer(settings, MIN_INSYNC_REPLICAS, defaultMinInsyncReplicas(replicationFactor)),
                level(settings.getOrDefault(COMPATIBILITY_LEVEL, CompatibilityLevel.BACKWARD.name())),
                Duration.ofMillis(integer(settings, STORE_TIMEOUT_MS, (int) DEFAULT_STORE_TIMEOUT.toMillis())),
                withPrefix(settings, KAFKA_PREFIX),
                withPrefix(settings, PRODUCER_PREFIX),
                withPrefix(settings, CONSUMER_PREFIX),
                ServerSettings.from(HTTP_PREFIX, key -> Optional.ofNullable(settings.get(key))));
    }

    /** The same configuration listening on another port (0 for any free one). */
    public RegistryConfig withPort(int newPort) {
        return new RegistryConfig(bootstrapServers, host, newPort, topic, replicationFactor, minInsyncReplicas,
                defaultCompatibility, storeTimeout, kafkaOverrides, producerOverrides, consumerOverrides, http);
    }

    /** The same configuration on another topic. */
    public RegistryConfig withTopic(String newTopic) {
        return new RegistryConfig(bootstrapServers, host, port, newTopic, replicationFactor, minInsyncReplicas,
                defaultCompatibility, storeTimeout, kafkaOverrides, producerOverrides, consumerOverrides, http);
    }

    /** The same configuration creating its topic with other replication settings. */
    public RegistryConfig withReplication(short newReplicationFactor, int newMinInsyncReplicas) {
        return new RegistryConfig(bootstrapServers, host, port, topic, newReplicationFactor, newMinInsyncReplicas,
                defaultCompatibility, storeTimeout, kafkaOverrides, producerOverrides, consumerOverrides, http);
    }

    /** The same configuration with another global default compatibility level. */
    public RegistryConfig withDefaultCompatibility(CompatibilityLevel level) {
        return new RegistryConfig(bootstrapServers, host, port, topic, replicationFactor, minInsyncReplicas,
                level, storeTimeout, kafkaOverrides, producerOverrides, consumerOverrides, http);
    }

    /** The same configuration with Kafka client settings for every client, e.g. TLS or SASL. */
    public RegistryConfig withKafkaOverrides(Map<String, String> overrides) {
        return new RegistryConfig(bootstrapServers, host, port, topic, replicationFactor, minInsyncReplicas,
                defaultCompatibility, storeTimeout, overrides, producerOverrides, consumerOverrides, http);
    }

    /** The same configuration served with other limits, timeouts or TLS. */
    public RegistryConfig withHttp(ServerSettings settings) {
        return new RegistryConfig(bootstrapServers, host, port, topic, replicationFactor, minInsyncReplicas,
                defaultCompatibility, storeTimeout, kafkaOverrides, producerOverrides, consumerOverrides, settings);
    }

    /** Two of three replicas in sync is the usual durability bar; below three replicas, one. */
    static int defaultMinInsyncReplicas(short replicationFactor) {
        return replicationFactor >= 3 ? 2 : 1;
    }

    private static int integer(Map<String, String> settings, String key, int fallback) {
        String value = settings.get(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, not '" + value + "'", e);
        }
    }

    private static CompatibilityLevel level(String value) {
        return CompatibilityLevel.parse(value).orElseThrow(() -> new IllegalArgumentException(
                COMPATIBILITY_LEVEL + " must be one of NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, "
                        + "FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE, not '" + value + "'"));
    }

    private static Map<String, String> withPrefix(Map<String, String> settings, String prefix) {
        Map<String, String> selected = new HashMap<>();
        settings.forEach((key, value) -> {
            if (key.startsWith(prefix) && key.length() > prefix.length()) {
                selected.put(key.substring(prefix.length()), value);
            }
        });
        return selected;
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}

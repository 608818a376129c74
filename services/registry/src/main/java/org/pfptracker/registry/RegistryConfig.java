package org.pfptracker.registry;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.stream.Stream;
import org.pfptracker.core.config.ConfigurationException;
import org.pfptracker.core.config.Setting;
import org.pfptracker.core.config.Settings;
import org.pfptracker.core.config.Validator;
import org.pfptracker.http.server.ServerSettings;
import org.pfptracker.registry.client.CompatibilityLevel;

/**
 * How a registry server runs: where Kafka is, where to listen, which topic holds the schemas.
 *
 * <p>Read from {@link Settings} like every pfp process's options (properties, {@code PFP_REGISTRY_*}
 * environment variables winning over them, {@code -Dpfp.registry.*} over both). Each option is declared
 * once below, with its type, default and documentation, and listed in {@link #SETTINGS} (which
 * {@code pfp config} prints); only the bootstrap servers are required. Three families pass through to the
 * Kafka clients as they are: {@value #KAFKA_PREFIX}* to every client (TLS, SASL, e.g.
 * {@code registry.kafka.security.protocol}), {@value #PRODUCER_PREFIX}* to the producer only,
 * {@value #CONSUMER_PREFIX}* to the consumer only. The HTTP server's limits, timeouts and TLS are those of
 * every pfp server ({@link ServerSettings#OPTIONS}) under {@value #HTTP_PREFIX}.
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

    /** Default HTTP listen address: loopback, so nothing is exposed by accident. */
    public static final String DEFAULT_HOST = "127.0.0.1";
    /** Default HTTP port, Confluent's. */
    public static final int DEFAULT_PORT = 8081;
    /** Default topic, Confluent's. */
    public static final String DEFAULT_TOPIC = "_schemas";
    /** Default store timeout. */
    public static final Duration DEFAULT_STORE_TIMEOUT = Duration.ofSeconds(30);

    public static final Setting<String> BOOTSTRAP_SERVERS = Setting.string("registry.bootstrap.servers",
            "Kafka cluster holding the schemas topic (pfp registry takes kafka.bootstrap.servers when it is not set).");
    public static final Setting<String> HOST = Setting.string("registry.host",
            "Address the registry's HTTP API listens on; 0.0.0.0 for every interface.").withDefault(DEFAULT_HOST);
    public static final Setting<Integer> PORT = Setting.integer("registry.port",
            "Registry HTTP port, 0 for any free one.").withDefault(DEFAULT_PORT).validatedBy(Validator.between(0, 65535));
    public static final Setting<String> TOPIC = Setting.string("registry.topic",
            "Compacted topic holding schemas and settings; every instance on it agrees.").withDefault(DEFAULT_TOPIC);
    public static final Setting<Integer> REPLICATION_FACTOR = Setting.integer("registry.topic.replication.factor",
            "Replicas of the schemas topic when this server creates it: 1 locally, 3 on a real cluster.")
            .withDefault(1).validatedBy(Validator.between(1, (int) Short.MAX_VALUE));
    /** Optional: when unset, it depends on the replication factor ({@link #defaultMinInsyncReplicas}). */
    public static final Setting<Integer> MIN_INSYNC_REPLICAS = Setting.integer("registry.topic.min.insync.replicas",
            "min.insync.replicas of the schemas topic when created (2 with 3+ replicas, else 1).").optional()
            .validatedBy(Validator.atLeast(1));
    public static final Setting<CompatibilityLevel> COMPATIBILITY_LEVEL = Setting.oneOf("registry.compatibility.level",
            CompatibilityLevel.class, "Global compatibility level until one is set with PUT /config (pfp registry and"
                    + " pfp local: BACKWARD_TRANSITIVE, the project's policy).").withDefault(CompatibilityLevel.BACKWARD);
    public static final Setting<Long> STORE_TIMEOUT_MS = Setting.longInteger("registry.store.timeout.ms",
            "How long a request may wait on Kafka (catching up, writing), in milliseconds.")
            .withDefault(DEFAULT_STORE_TIMEOUT.toMillis()).validatedBy(Validator.atLeast(1L));

    /** Property prefix: Kafka settings for every client. */
    public static final String KAFKA_PREFIX = "registry.kafka.";
    /** Property prefix: Kafka settings for the producer. */
    public static final String PRODUCER_PREFIX = "registry.producer.";
    /** Property prefix: Kafka settings for the consumer. */
    public static final String CONSUMER_PREFIX = "registry.consumer.";
    /** Property prefix: the HTTP server's limits, timeouts and TLS ({@link ServerSettings#OPTIONS}). */
    public static final String HTTP_PREFIX = "registry.http.";

    /** Every option of the registry, its HTTP server's included, as {@code pfp config} lists them. */
    public static final List<Setting<?>> SETTINGS = Stream.concat(Stream.<Setting<?>>of(BOOTSTRAP_SERVERS, HOST, PORT,
            TOPIC, REPLICATION_FACTOR, MIN_INSYNC_REPLICAS, COMPATIBILITY_LEVEL, STORE_TIMEOUT_MS),
            ServerSettings.optionsUnder(HTTP_PREFIX).stream()).toList();

    /** Validates the settings and copies the maps. */
    public RegistryConfig {
        requireText(bootstrapServers, BOOTSTRAP_SERVERS.key());
        requireText(host, HOST.key());
        requireText(topic, TOPIC.key());
        Objects.requireNonNull(defaultCompatibility, COMPATIBILITY_LEVEL.key());
        Objects.requireNonNull(storeTimeout, STORE_TIMEOUT_MS.key());
        Objects.requireNonNull(http, HTTP_PREFIX + "*");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(PORT.key() + " must be 0..65535, not " + port);
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException(REPLICATION_FACTOR.key() + " must be at least 1, not " + replicationFactor);
        }
        if (minInsyncReplicas < 1 || minInsyncReplicas > replicationFactor) {
            throw new IllegalArgumentException(MIN_INSYNC_REPLICAS.key() + " must be 1.." + replicationFactor
                    + ", not " + minInsyncReplicas);
        }
        if (storeTimeout.isNegative() || storeTimeout.isZero()) {
            throw new IllegalArgumentException(STORE_TIMEOUT_MS.key() + " must be positive");
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
     * Reads the settings from properties, then from {@code PFP_*} environment variables, which win.
     *
     * @param properties e.g. a loaded {@code registry.properties}; keys as declared above
     * @param environment usually {@code System.getenv()}
     * @throws ConfigurationException naming the setting and its variable when one is missing or malformed
     */
    public static RegistryConfig load(Map<String, String> properties, Map<String, String> environment) {
        return from(Settings.load(properties, environment, new Properties()));
    }

    /**
     * The registry's options from a process's settings.
     *
     * @throws ConfigurationException naming the setting and its variable when one is missing or malformed
     */
    public static RegistryConfig from(Settings settings) {
        short replicationFactor = settings.get(REPLICATION_FACTOR).shortValue();
        try {
            return new RegistryConfig(
                    settings.get(BOOTSTRAP_SERVERS),
                    settings.get(HOST),
                    settings.get(PORT),
                    settings.get(TOPIC),
                    replicationFactor,
                    settings.find(MIN_INSYNC_REPLICAS).orElse(defaultMinInsyncReplicas(replicationFactor)),
                    settings.get(COMPATIBILITY_LEVEL),
                    Duration.ofMillis(settings.get(STORE_TIMEOUT_MS)),
                    settings.withPrefix(KAFKA_PREFIX),
                    settings.withPrefix(PRODUCER_PREFIX),
                    settings.withPrefix(CONSUMER_PREFIX),
                    ServerSettings.from(HTTP_PREFIX, settings));
        } catch (ConfigurationException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            // Options that only together are wrong (more replicas in sync than there are): still the operator's.
            throw new ConfigurationException(e.getMessage());
        }
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

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}

package org.pfptracker.platform.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pfptracker.core.config.Setting;
import org.pfptracker.core.config.Settings;
import org.pfptracker.core.config.Validator;

/**
 * How every pfp-tracker process reaches Kafka and the schema registry. Defaults point at the
 * embedded local stack; an external cluster is one environment variable away.
 */
public final class KafkaSettings {

    /** Keys under this prefix are handed to every Kafka client as they are (TLS, SASL, tuning). */
    public static final String CLIENT_PREFIX = "kafka.client.";

    public static final Setting<String> BOOTSTRAP_SERVERS = Setting.string("kafka.bootstrap.servers",
            "Kafka bootstrap servers, comma separated.").withDefault("127.0.0.1:9092");
    public static final Setting<String> SCHEMA_REGISTRY_URL = Setting.string("schema.registry.url",
            "Schema registry base URL(s), comma separated; any registry speaking Confluent's REST API.")
            .withDefault("http://127.0.0.1:8081");
    /**
     * 11 because, of 1 to 24 partitions, it is the count at which Kafka's default partitioner leaves no
     * partition without one of the 22 reference partners and puts the least of their activity on the busiest
     * partition (17.5 %; 6 left one partition empty and another with 41 %). See docs/partitioning.md.
     */
    public static final Setting<Integer> TOPIC_PARTITIONS = Setting.integer("topics.partitions",
            "Partitions of each event topic created by pfp-tracker: up to this many tracker instances share the "
                    + "work. 11 spreads the 22 reference partners best (docs/partitioning.md); never shrinks.")
            .withDefault(11).validatedBy(Validator.atLeast(1));
    public static final Setting<Integer> TOPIC_REPLICATION_FACTOR = Setting.integer("topics.replication.factor",
            "Replication factor of pfp-tracker's topics: 1 on the embedded single broker, 3 on a real cluster.")
            .withDefault(1).validatedBy(Validator.between(1, Short.MAX_VALUE + 0));

    public static final List<Setting<?>> ALL = List.of(BOOTSTRAP_SERVERS, SCHEMA_REGISTRY_URL, TOPIC_PARTITIONS,
            TOPIC_REPLICATION_FACTOR);

    /**
     * Options under this prefix go, without it, to every schema registry client and serde, in Confluent's own
     * keys: e.g. {@code schema.registry.client.bearer.auth.credentials.source=STATIC_TOKEN} with
     * {@code schema.registry.client.bearer.auth.token}, or {@code basic.auth.credentials.source=USER_INFO} with
     * {@code basic.auth.user.info} ({@code PFP_SCHEMA_REGISTRY_CLIENT_BEARER_AUTH_TOKEN} as a variable).
     */
    public static final String REGISTRY_CLIENT_PREFIX = "schema.registry.client.";

    private KafkaSettings() {
    }

    /** Configuration of a schema registry client: the URL(s) and how it authenticates, in Confluent's keys. */
    public static Map<String, Object> registryClientConfig(Settings settings) {
        Map<String, Object> config = new HashMap<>(settings.withPrefix(REGISTRY_CLIENT_PREFIX));
        config.put("schema.registry.url", settings.get(SCHEMA_REGISTRY_URL));
        return config;
    }

    /** Base configuration for any Kafka client: bootstrap servers plus the operator's client overrides. */
    public static Map<String, Object> clientConfig(Settings settings) {
        Map<String, Object> config = new HashMap<>(clientOverrides(settings));
        config.put("bootstrap.servers", settings.get(BOOTSTRAP_SERVERS));
        return config;
    }

    /** Properties passed to every Kafka client (producer, consumer, admin, Streams): the {@value #CLIENT_PREFIX}* keys. */
    public static Map<String, String> clientOverrides(Settings settings) {
        return settings.withPrefix(CLIENT_PREFIX);
    }
}

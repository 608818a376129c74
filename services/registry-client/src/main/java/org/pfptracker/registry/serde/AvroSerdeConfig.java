package org.pfptracker.registry.serde;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.pfptracker.registry.client.SchemaRegistryClientConfig;
import org.pfptracker.registry.client.auth.RegistryAuthConfig;

/**
 * The configuration of the Avro serdes, declared once. Every key Confluent's Avro serdes also read
 * has Confluent's name and default, so that an application can switch between theirs and ours by
 * changing class names only.
 *
 * <p>The registry credentials use Confluent's keys too ({@code basic.auth.credentials.source},
 * {@code bearer.auth.token}, ...; see {@link RegistryAuthConfig}), bare or with the
 * {@code schema.registry.} prefix. They are declared in the client, which reads them, and listed in
 * {@link #definition()} with the serde's own keys.
 */
public final class AvroSerdeConfig extends AbstractConfig {

    /** Comma-separated base URLs of the schema registry; tried in turn. */
    public static final String SCHEMA_REGISTRY_URL = SchemaRegistryClientConfig.SCHEMA_REGISTRY_URL;
    /** Register the record's schema under its subject when serializing (default true). */
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    /** Serialize with the subject's latest registered schema instead of the record's own (default false). */
    public static final String USE_LATEST_VERSION = "use.latest.version";
    /** Deserialize into the generated SpecificRecord class named by the writer schema (default false). */
    public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";
    /** How a key's subject is named from its topic and schema. */
    public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";
    /** How a value's subject is named from its topic and schema. */
    public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";
    /** Java packages Avro may instantiate classes from when decoding, in addition to its defaults. */
    public static final String AVRO_TRUSTED_PACKAGES = "avro.trusted.packages";

    private static final ConfigDef DEFINITION = new ConfigDef()
            .define(SCHEMA_REGISTRY_URL, Type.LIST, List.of(), Importance.HIGH,
                    "Comma-separated base URLs of schema registry instances, tried in turn. Required unless the "
                            + "serde was built with a SchemaRegistryClient.")
            .define(AUTO_REGISTER_SCHEMAS, Type.BOOLEAN, true, Importance.MEDIUM,
                    "Register the record's schema under its subject when serializing. When false the schema must "
                            + "already be registered, and is looked up.")
            .define(USE_LATEST_VERSION, Type.BOOLEAN, false, Importance.LOW,
                    "Serialize with the latest schema registered under the subject, converting the record when its "
                            + "own schema differs and the latest one can read it. Applies only when "
                            + AUTO_REGISTER_SCHEMAS + " is false, as with Confluent's serializer.")
            .define(SPECIFIC_AVRO_READER, Type.BOOLEAN, false, Importance.MEDIUM,
                    "Deserialize records into the generated SpecificRecord class whose full name the writer schema "
                            + "carries, resolving the writer schema to that class's schema. When false, GenericRecord.")
            .define(KEY_SUBJECT_NAME_STRATEGY, Type.STRING, TopicNameStrategy.class.getName(), Importance.MEDIUM,
                    "Class naming the subject of a key. Confluent's class names are accepted and mean ours: "
                            + SubjectNameStrategies.describe())
            .define(VALUE_SUBJECT_NAME_STRATEGY, Type.STRING, TopicNameStrategy.class.getName(), Importance.MEDIUM,
                    "Class naming the subject of a value; as " + KEY_SUBJECT_NAME_STRATEGY + ".")
            .define(AVRO_TRUSTED_PACKAGES, Type.LIST, List.of(), Importance.MEDIUM,
                    "Java packages (e.g. com.example.events) whose classes Avro may instantiate when decoding, "
                            + "added JVM-wide to those of the org.apache.avro.SERIALIZABLE_PACKAGES system property.");

    static {
        // The credentials' keys are the client's; listed here so that the serde's definition is complete.
        RegistryAuthConfig.definition().configKeys().values().forEach(DEFINITION::define);
    }

    /**
     * Reads and validates a serde configuration.
     *
     * @param configs         the Kafka client's configuration map
     * @param clientInjected  whether the serde was given a client, which makes the URL optional
     */
    public AvroSerdeConfig(Map<String, ?> configs, boolean clientInjected) {
        super(DEFINITION, withClassNamesAsStrings(configs), false);
        if (!clientInjected && getList(SCHEMA_REGISTRY_URL).isEmpty()) {
            throw new ConfigException("Missing required configuration \"" + SCHEMA_REGISTRY_URL
                    + "\": the URL of the schema registry, e.g. http://127.0.0.1:8081");
        }
    }

    /** The definition, for documentation and tooling. */
    public static ConfigDef definition() {
        return new ConfigDef(DEFINITION);
    }

    /** The registry URLs joined by commas. */
    public String schemaRegistryUrls() {
        return String.join(",", getList(SCHEMA_REGISTRY_URL));
    }

    /** Whether to register schemas when serializing. */
    public boolean autoRegisterSchemas() {
        return getBoolean(AUTO_REGISTER_SCHEMAS);
    }

    /** Whether to serialize with the subject's latest schema. */
    public boolean useLatestVersion() {
        return getBoolean(USE_LATEST_VERSION);
    }

    /** Whether to deserialize into generated classes. */
    public boolean specificAvroReader() {
        return getBoolean(SPECIFIC_AVRO_READER);
    }

    /** The subject name strategy for keys or for values. */
    public SubjectNameStrategy subjectNameStrategy(boolean isKey) {
        String key = isKey ? KEY_SUBJECT_NAME_STRATEGY : VALUE_SUBJECT_NAME_STRATEGY;
        try {
            return SubjectNameStrategies.forName(getString(key));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key, getString(key), e.getMessage());
        }
    }

    /** The extra packages Avro may instantiate classes from. */
    public List<String> trustedPackages() {
        return getList(AVRO_TRUSTED_PACKAGES);
    }

    /** Kafka lets a class-valued setting be a Class; our STRING keys then take its name. */
    private static Map<String, Object> withClassNamesAsStrings(Map<String, ?> configs) {
        Map<String, Object> copy = new HashMap<>(configs);
        for (String key : List.of(KEY_SUBJECT_NAME_STRATEGY, VALUE_SUBJECT_NAME_STRATEGY)) {
            if (copy.get(key) instanceof Class<?> type) {
                copy.put(key, type.getName());
            }
        }
        return copy;
    }
}

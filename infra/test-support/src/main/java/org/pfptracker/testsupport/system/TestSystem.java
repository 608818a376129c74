package org.pfptracker.testsupport.system;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.pfptracker.core.config.Settings;
import org.pfptracker.kafka.junit.KafkaTestCluster;
import org.pfptracker.platform.config.KafkaSettings;
import org.pfptracker.platform.topic.ProvisioningReport;
import org.pfptracker.platform.topic.TopicProvisioner;
import org.pfptracker.platform.topic.Topics;
import org.pfptracker.registry.SchemaRegistryServer;
import org.pfptracker.testsupport.http.TestTokens;

/**
 * What a pfp service runs against in an integration test: a test cluster, a schema registry on it and
 * pfp-tracker's topics, provisioned as the settings' catalogue asks. Settings made here also accept
 * {@link TestTokens}' tokens, so services run with access control on, as they do by default.
 *
 * <pre>{@code
 * system = TestSystem.start(kafka);
 * Settings settings = system.settings("tracker.http.port", "0");   // the topics exist from here on
 * }</pre>
 */
public final class TestSystem implements AutoCloseable {

    private final KafkaTestCluster kafka;
    private final SchemaRegistryServer registry;
    private final boolean ownsRegistry;
    /** Topic replication factor the settings ask for; 0 leaves the catalogue's default. */
    private final int replication;

    private TestSystem(KafkaTestCluster kafka, SchemaRegistryServer registry, boolean ownsRegistry, int replication) {
        this.kafka = kafka;
        this.registry = registry;
        this.ownsRegistry = ownsRegistry;
        this.replication = replication;
    }

    /** A system with its own registry (the registry's defaults); {@link #close()} stops it. */
    public static TestSystem start(KafkaTestCluster kafka) {
        return start(kafka, TestRegistry.on(kafka));
    }

    /** A system with its own registry as configured, e.g. {@code TestRegistry.on(kafka).replicated()}. */
    public static TestSystem start(KafkaTestCluster kafka, TestRegistry registry) {
        return new TestSystem(kafka, registry.start(), true, 0);
    }

    /**
     * A system on the JVM's shared registry for this cluster ({@link TestRegistry#sharedOn}), its topics replicated
     * as widely as the cluster allows, up to 3; {@link #close()} leaves the registry running for the next class.
     */
    public static TestSystem shared(KafkaTestCluster kafka) {
        return new TestSystem(kafka, TestRegistry.sharedOn(kafka), false, Math.min(3, kafka.brokerCount()));
    }

    public SchemaRegistryServer registry() {
        return registry;
    }

    public KafkaTestCluster kafka() {
        return kafka;
    }

    /** {@link #settings(Map)} from key/value pairs. */
    public Settings settings(String... overrides) {
        if (overrides.length % 2 != 0) {
            throw new IllegalArgumentException("Key/value pairs expected, got " + overrides.length + " strings");
        }
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < overrides.length; i += 2) {
            values.put(overrides[i], overrides[i + 1]);
        }
        return settings(values);
    }

    /**
     * Settings for a service on this system: the cluster, the registry and the token issuer, then the overrides;
     * the topics of their catalogue are provisioned before this returns (idempotent, so every class may ask).
     */
    public Settings settings(Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>(TestTokens.settings());
        values.put(KafkaSettings.BOOTSTRAP_SERVERS.key(), kafka.bootstrapServers());
        values.put(KafkaSettings.SCHEMA_REGISTRY_URL.key(), registry.url().toString());
        if (replication > 0) {
            values.put(KafkaSettings.TOPIC_REPLICATION_FACTOR.key(), Integer.toString(replication));
        }
        values.putAll(overrides);
        Settings settings = Settings.of(values);
        provisionTopics(settings);
        return settings;
    }

    /** The same settings as environment variables ({@code PFP_...}), for a service in a child JVM. */
    public static Map<String, String> environment(Settings settings) {
        Map<String, String> environment = new TreeMap<>();
        settings.asMap().forEach((key, value) -> environment.put(
                "PFP_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'), value));
        return environment;
    }

    private void provisionTopics(Settings settings) {
        try (Admin admin = kafka.admin()) {
            ProvisioningReport report = new TopicProvisioner(admin).provision(Topics.catalogue(settings),
                    TopicProvisioner.Mode.APPLY);
            if (!report.ok()) {
                throw new IllegalStateException("Topics not as the catalogue asks: " + report.problems());
            }
        }
    }

    /** Stops the registry if this system started it. */
    @Override
    public void close() {
        if (ownsRegistry) {
            registry.close();
        }
    }
}

package org.pfptracker.gateway.support;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.admin.Admin;
import org.pfptracker.core.config.Settings;
import org.pfptracker.http.access.AccessSettings;
import org.pfptracker.http.issuer.LocalIssuerServer;
import org.pfptracker.http.issuer.TokenGrant;
import org.pfptracker.kafka.junit.KafkaTestCluster;
import org.pfptracker.kafka.junit.UniqueNames;
import org.pfptracker.platform.config.KafkaSettings;
import org.pfptracker.platform.topic.ProvisioningReport;
import org.pfptracker.platform.topic.TopicProvisioner;
import org.pfptracker.platform.topic.Topics;
import org.pfptracker.registry.RegistryConfig;
import org.pfptracker.registry.SchemaRegistryServer;

/**
 * What the gateway runs against in integration tests: the test cluster, with pfp-tracker's topics and a
 * schema registry.
 *
 * <p>The event topics have fixed names and every test class of the JVM writes to them, so one registry
 * serves each cluster for the whole JVM: a record another class wrote then carries a schema id this class's
 * readers can resolve (the partner directory reads the partners topic whole).
 */
public final class TestSystem {

    private static final Map<String, SchemaRegistryServer> REGISTRIES = new ConcurrentHashMap<>();
    /** One token issuer for the JVM: gateways run with access control on, as they do by default. */
    private static LocalIssuerServer issuer;

    private TestSystem() {
    }

    /**
     * Settings for a gateway on this cluster, with the event topics provisioned (replicated as widely as the
     * cluster allows, up to 3) and the HTTP port left free; overrides are key/value pairs.
     */
    public static Settings prepare(KafkaTestCluster kafka, String... overrides) {
        int replication = Math.min(3, kafka.brokerCount());
        Map<String, String> values = new HashMap<>();
        values.put(KafkaSettings.BOOTSTRAP_SERVERS.key(), kafka.bootstrapServers());
        values.put(KafkaSettings.SCHEMA_REGISTRY_URL.key(), registryFor(kafka, replication).url().toString());
        values.put(KafkaSettings.TOPIC_REPLICATION_FACTOR.key(), Integer.toString(replication));
        values.put("gateway.http.port", "0");
        values.put(AccessSettings.ISSUER.key(), issuer().issuer().issuer().toString());
        values.put(AccessSettings.JWKS_URL.key(), issuer().jwksUrl().toString());
        for (int i = 0; i < overrides.length; i += 2) {
            values.put(overrides[i], overrides[i + 1]);
        }
        Settings settings = Settings.of(values);
        try (Admin admin = kafka.admin()) {
            ProvisioningReport report = new TopicProvisioner(admin).provision(Topics.catalogue(settings),
                    TopicProvisioner.Mode.APPLY);
            if (!report.ok()) {
                throw new IllegalStateException("Topics not as the catalogue asks: " + report.problems());
            }
        }
        return settings;
    }

    /** The client of {@link #writer()}'s token: what events published with it name as their source. */
    public static final String WRITER_CLIENT = "test-system";

    /** An Authorization header value for an upstream system that may publish every event type. */
    public static String writer() {
        return "Bearer " + issuer().issuer().issue(TokenGrant.writer(WRITER_CLIENT), Duration.ofHours(1));
    }

    private static synchronized LocalIssuerServer issuer() {
        if (issuer == null) {
            issuer = LocalIssuerServer.start("127.0.0.1", 0, null, Clock.systemUTC());
            Runtime.getRuntime().addShutdownHook(new Thread(issuer::close, "test-issuer-shutdown"));
        }
        return issuer;
    }

    private static SchemaRegistryServer registryFor(KafkaTestCluster kafka, int replication) {
        return REGISTRIES.computeIfAbsent(kafka.bootstrapServers(), bootstrapServers -> {
            SchemaRegistryServer registry = SchemaRegistryServer.start(RegistryConfig.forBootstrapServers(bootstrapServers)
                    .withPort(0)
                    .withTopic(UniqueNames.of("_schemas"))
                    .withReplication((short) replication, replication >= 3 ? 2 : 1));
            Runtime.getRuntime().addShutdownHook(new Thread(registry::close, "test-registry-shutdown"));
            return registry;
        });
    }
}

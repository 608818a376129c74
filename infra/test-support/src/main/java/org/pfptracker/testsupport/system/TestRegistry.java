package org.pfptracker.testsupport.system;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.pfptracker.http.access.AccessSettings;
import org.pfptracker.kafka.junit.KafkaTestCluster;
import org.pfptracker.kafka.junit.UniqueNames;
import org.pfptracker.platform.schema.SchemaContract;
import org.pfptracker.registry.RegistryConfig;
import org.pfptracker.registry.SchemaRegistryServer;

/**
 * Our schema registry on a test cluster, on a free port and its own schemas topic, so that test classes sharing
 * a cluster never read each other's schemas. Immutable: each {@code with...} returns a new one.
 *
 * <pre>{@code
 * try (SchemaRegistryServer registry = TestRegistry.on(kafka).replicated().start()) { ... }
 * }</pre>
 */
public final class TestRegistry {

    private static final Map<String, SchemaRegistryServer> SHARED = new ConcurrentHashMap<>();

    private final KafkaTestCluster kafka;
    private final boolean replicated;
    private final boolean contractPolicy;
    private final AccessSettings access;

    private TestRegistry(KafkaTestCluster kafka, boolean replicated, boolean contractPolicy, AccessSettings access) {
        this.kafka = kafka;
        this.replicated = replicated;
        this.contractPolicy = contractPolicy;
        this.access = access;
    }

    /** A registry on this cluster, with the registry's own defaults: no access control, its default compatibility. */
    public static TestRegistry on(KafkaTestCluster kafka) {
        return new TestRegistry(kafka, false, false, null);
    }

    /**
     * One replicated registry per cluster for the whole test JVM, closed when the JVM ends. For tests writing to
     * the fixed-name event topics: a record another test class wrote carries a schema id this class's readers
     * can resolve only if both used the same registry.
     */
    public static SchemaRegistryServer sharedOn(KafkaTestCluster kafka) {
        return SHARED.computeIfAbsent(kafka.bootstrapServers(), bootstrapServers -> {
            SchemaRegistryServer registry = on(kafka).replicated().start();
            Runtime.getRuntime().addShutdownHook(new Thread(registry::close, "shared-test-registry-stop"));
            return registry;
        });
    }

    /** Schemas topic replicated as widely as the cluster allows, up to 3, and 2 in sync from 3 brokers. */
    public TestRegistry replicated() {
        return new TestRegistry(kafka, true, contractPolicy, access);
    }

    /** Default compatibility set to the schema contract's policy, as the deployed registry has it. */
    public TestRegistry withContractPolicy() {
        return new TestRegistry(kafka, replicated, true, access);
    }

    /** Access control on: reads and writes need tokens these settings accept. */
    public TestRegistry withAccess(AccessSettings accessSettings) {
        return new TestRegistry(kafka, replicated, contractPolicy, accessSettings);
    }

    /** The configuration {@link #start()} starts with, for a test that adds its own overrides. */
    public RegistryConfig config() {
        RegistryConfig config = RegistryConfig.forBootstrapServers(kafka.bootstrapServers())
                .withPort(0)
                .withTopic(UniqueNames.of("_schemas"));
        if (replicated) {
            int replication = Math.min(3, kafka.brokerCount());
            config = config.withReplication((short) replication, replication >= 3 ? 2 : 1);
        }
        if (contractPolicy) {
            config = config.withDefaultCompatibility(SchemaContract.POLICY);
        }
        return config;
    }

    /** Starts the registry; the caller closes it. */
    public SchemaRegistryServer start() {
        return access == null ? SchemaRegistryServer.start(config()) : SchemaRegistryServer.start(config(), access);
    }
}

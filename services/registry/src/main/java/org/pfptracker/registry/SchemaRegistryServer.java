package org.pfptracker.registry;

import java.net.URI;
import java.util.Objects;
import org.pfptracker.http.access.AccessControl;
import org.pfptracker.http.access.AccessSettings;
import org.pfptracker.http.metrics.ProcessMetrics;
import org.pfptracker.registry.http.RegistryHttpApi;
import org.pfptracker.registry.store.SchemaStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A schema registry speaking Confluent's REST API, storing schemas in a compacted Kafka topic.
 * Several servers on the same topic (and Kafka cluster) form one registry: they agree on every id
 * and version, and any of them can take writes.
 *
 * <pre>{@code
 * try (SchemaRegistryServer registry = SchemaRegistryServer.start(
 *         RegistryConfig.forBootstrapServers("localhost:9092").withPort(0))) {
 *     String url = registry.url().toString();   // e.g. http://127.0.0.1:41873
 *     ...
 * }
 * }</pre>
 */
public final class SchemaRegistryServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SchemaRegistryServer.class);

    private final RegistryConfig config;
    private final SchemaStore store;
    private final RegistryHttpApi http;
    private final ProcessMetrics metrics;
    private final URI url;

    private SchemaRegistryServer(RegistryConfig config, SchemaStore store, RegistryHttpApi http, ProcessMetrics metrics) {
        this.config = config;
        this.store = store;
        this.http = http;
        this.metrics = metrics;
        this.url = URI.create(config.http().scheme() + "://" + hostForUrl(config.host()) + ":" + http.port());
    }

    /**
     * Creates or checks the schemas topic, reads it to the end, then starts listening. Returns when
     * the server answers requests.
     *
     * @throws IllegalStateException when the topic exists but would lose or reorder schemas, or the
     *                               port cannot be bound
     * @throws IllegalArgumentException when the TLS key or certificate cannot be read
     * @throws RuntimeException      when Kafka cannot be reached within the store timeout
     */
    public static SchemaRegistryServer start(RegistryConfig config) {
        return start(config, AccessSettings.off());
    }

    /**
     * The same, with access control: reads need any valid token of the issuer, writes (registering,
     * deleting, changing compatibility) the registry-admin role. {@link #start(RegistryConfig)} runs
     * without it, and says so in a warning at start: for tests and tools that embed a registry.
     */
    public static SchemaRegistryServer start(RegistryConfig config, AccessSettings accessSettings) {
        Objects.requireNonNull(config, "config");
        AccessControl access = AccessControl.of(accessSettings, "pfp-registry", "anonymous");
        long started = System.nanoTime();
        SchemaStore store = SchemaStore.open(config);
        ProcessMetrics metrics = new ProcessMetrics();
        RegistryHttpApi http;
        try {
            http = RegistryHttpApi.create(store, access, config.host(), config.port(), config.http(), metrics.registry())
                    .start();
        } catch (RuntimeException e) {
            metrics.close();
            store.close();
            throw e;
        }
        SchemaRegistryServer server = new SchemaRegistryServer(config, store, http, metrics);
        log.info("Schema registry listening on {}: {} schemas in {} subjects loaded from topic {} (up to offset {}) "
                        + "on {} in {} ms; default compatibility {}",
                server.url, store.schemaCount(), store.subjectCount(), store.topic(), store.position(),
                config.bootstrapServers(), (System.nanoTime() - started) / 1_000_000, store.globalLevel());
        return server;
    }

    /**
     * The base URL clients use, e.g. {@code http://127.0.0.1:8081} ({@code https://} with TLS on); with port 0, the
     * port bound.
     */
    public URI url() {
        return url;
    }

    /** The configuration the server runs with. */
    public RegistryConfig config() {
        return config;
    }

    /** Stops listening, then stops reading the topic. The topic and its schemas stay. */
    @Override
    public void close() {
        try {
            http.stop();
        } finally {
            metrics.close();
            store.close();
            log.info("Schema registry on {} stopped", url);
        }
    }

    /** A wildcard listen address is not an address to call; clients on this host use loopback. */
    private static String hostForUrl(String host) {
        if (host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
            return "127.0.0.1";
        }
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }
}

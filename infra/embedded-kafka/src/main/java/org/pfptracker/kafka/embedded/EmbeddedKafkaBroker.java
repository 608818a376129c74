package org.pfptracker.kafka.embedded;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.utils.Time;
import org.pfptracker.kafka.embedded.security.ClientSecurity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One real Kafka node, KRaft controller and broker combined, running in this JVM from Kafka's
 * production server classes: the local stack's broker.
 *
 * <pre>{@code
 * try (EmbeddedKafkaBroker kafka = new EmbeddedKafkaBroker(
 *         EmbeddedKafkaConfig.inDirectory(Path.of(System.getProperty("user.home"), ".pfp-tracker", "kafka")))) {
 *     String bootstrapServers = kafka.start();   // "127.0.0.1:9092"
 *     ...
 * }
 * }</pre>
 *
 * <p>On first start the data directory is formatted as {@code kafka-storage.sh format --standalone}
 * would, with a new cluster id; later starts on the same directory keep its topics, records and
 * cluster id. Internal topics have one replica, so transactions and Kafka Streams'
 * {@code exactly_once_v2} work; topics are not created automatically. The defaults are in
 * {@code org/pfptracker/kafka/embedded/broker-defaults.properties}.
 *
 * <p>Secured ({@link EmbeddedKafkaConfig#secured}), clients connect as one of the
 * {@link org.pfptracker.kafka.embedded.security.KafkaPrincipal principals}:
 * <pre>{@code
 * try (EmbeddedKafkaBroker kafka = new EmbeddedKafkaBroker(EmbeddedKafkaConfig.inDirectory(dir).secured())) {
 *     String bootstrapServers = kafka.start();
 *     Map<String, Object> gateway = kafka.clientSecurity().clientConfig(KafkaPrincipal.GATEWAY);
 *     gateway.put("bootstrap.servers", bootstrapServers);
 *     ...
 * }
 * }</pre>
 * The first secured start writes random passwords to {@code pfp-kafka-credentials.properties}
 * (readable by its owner alone) and formats the metadata with a SCRAM user for each; later starts
 * read them back. Every start makes new TLS material ({@code pfp-kafka-truststore.p12},
 * {@code pfp-kafka-ca.pem} for clients) and applies the access policy's ACLs. All of it lives in
 * the data directory.
 *
 * <p>Kafka handles its fatal errors (e.g. a corrupt metadata log) by halting the JVM, as it would
 * its own process: an application embedding the node shares that fate.
 *
 * <p>An instance starts once; to restart, close it and start a new one on the same directory.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);

    private enum State { NEW, RUNNING, CLOSED }

    private final EmbeddedKafkaConfig config;
    private State state = State.NEW;
    private KafkaRaftServer server;
    private String clusterId;
    private ClientSecurity clientSecurity;

    public EmbeddedKafkaBroker(EmbeddedKafkaConfig config) {
        this.config = config;
    }

    /**
     * Formats the data directory if it is new, starts the node and returns once it accepts clients.
     *
     * @return the bootstrap servers, e.g. {@code 127.0.0.1:9092}
     * @throws PortInUseException if the broker or controller port is taken
     * @throws EmbeddedKafkaException if the configuration or the data directory is unusable (e.g. a
     *         secured node on a directory an unsecured one made), or the node fails to start
     * @throws IllegalStateException if this instance was started before
     */
    public synchronized String start() {
        if (state != State.NEW) {
            throw new IllegalStateException("This embedded Kafka node was already started; create a new one");
        }
        long startingAt = System.nanoTime();
        // Checked before formatting, so that a taken port leaves a new data directory untouched.
        requireFreePort(config.brokerPort(), "broker", "brokerPort");
        requireFreePort(config.controllerPort(), "controller", "controllerPort");

        Optional<SecuredNode.Prepared> security = config.isSecured()
                ? Optional.of(SecuredNode.prepare(config))
                : Optional.empty();
        KafkaConfig kafkaConfig = kafkaConfig(security.<Map<String, String>>map(SecuredNode.Prepared::serverProperties)
                .orElse(Map.of()));
        DataDirectory.Prepared storage = DataDirectory.prepare(config.dataDirectory(), kafkaConfig,
                security.map(prepared -> prepared.credentials().scramFormatterArguments()).orElse(List.of()));
        LOG.info("Kafka data in {} ({}, cluster id {})", storage.directory(),
                storage.freshlyFormatted() ? "formatted fresh" : "reusing existing data", storage.clusterId());

        KafkaRaftServer starting = null;
        try {
            starting = new KafkaRaftServer(kafkaConfig, Time.SYSTEM);
            // Returns once the broker has caught up with the metadata log and is unfenced.
            starting.startup();
            if (security.isPresent()) {
                SecuredNode.apply(security.get(), config.bootstrapServers(), config.accessPolicy().orElseThrow());
            }
        } catch (RuntimeException e) {
            if (starting != null) {
                stopQuietly(starting, e);
            }
            throw startFailure(e);
        }
        server = starting;
        clusterId = storage.clusterId();
        clientSecurity = security.map(SecuredNode.Prepared::clientSecurity).orElse(null);
        state = State.RUNNING;
        LOG.info("Kafka broker ready at {} in {} ms", config.bootstrapServers(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startingAt));
        return config.bootstrapServers();
    }

    /** What clients put in {@code bootstrap.servers}; known before {@link #start()}. */
    public String bootstrapServers() {
        return config.bootstrapServers();
    }

    /**
     * The cluster id recorded in the data directory, which stays the same across restarts.
     *
     * @throws IllegalStateException before {@link #start()}
     */
    public synchronized String clusterId() {
        if (clusterId == null) {
            throw new IllegalStateException("The cluster id is known once the node has started");
        }
        return clusterId;
    }

    /**
     * What clients add to their configuration to connect to this secured node as one of the
     * principals: SASL_SSL, SCRAM-SHA-512 with that principal's password, and the trust store.
     *
     * @throws IllegalStateException if the node is not secured, or has not started
     */
    public synchronized ClientSecurity clientSecurity() {
        if (!config.isSecured()) {
            throw new IllegalStateException("This embedded Kafka node is not secured; see EmbeddedKafkaConfig.secured");
        }
        if (clientSecurity == null) {
            throw new IllegalStateException("The client security settings are known once the node has started");
        }
        return clientSecurity;
    }

    public EmbeddedKafkaConfig config() {
        return config;
    }

    /** Whether the node has started and not been closed. */
    public synchronized boolean isRunning() {
        return state == State.RUNNING;
    }

    /**
     * Shuts the node down cleanly (leaving its data for the next start) within 30 s; does nothing
     * if it never started or is already closed.
     *
     * @throws EmbeddedKafkaException if the node did not stop in time or failed while stopping
     */
    @Override
    public synchronized void close() {
        State previous = state;
        state = State.CLOSED;
        if (previous != State.RUNNING) {
            return;
        }
        long stoppingAt = System.nanoTime();
        FutureTask<Void> shutdown = new FutureTask<>(() -> {
            server.shutdown();
            server.awaitShutdown();
            return null;
        });
        // A daemon thread, so that a shutdown that hangs cannot keep the application's JVM alive.
        Thread stopper = new Thread(shutdown, "pfp-embedded-kafka-shutdown");
        stopper.setDaemon(true);
        stopper.start();
        try {
            shutdown.get(SHUTDOWN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new EmbeddedKafkaException("Kafka did not shut down within " + SHUTDOWN_TIMEOUT.toSeconds()
                    + " s; its data in " + config.dataDirectory() + " will be recovered on the next start", e);
        } catch (ExecutionException e) {
            throw new EmbeddedKafkaException("Kafka failed while shutting down: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedKafkaException("Interrupted while waiting for Kafka to shut down", e);
        } finally {
            server = null;
        }
        LOG.info("Kafka broker stopped in {} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stoppingAt));
    }

    private KafkaConfig kafkaConfig(Map<String, String> security) {
        Properties properties = new Properties();
        properties.putAll(BrokerProperties.resolve(config, security));
        try {
            return KafkaConfig.fromProps(properties, false);
        } catch (ConfigException e) {
            throw new EmbeddedKafkaException("Invalid Kafka configuration: " + e.getMessage()
                    + " (check EmbeddedKafkaConfig.brokerOverrides)", e);
        }
    }

    private void requireFreePort(int port, String listener, String configComponent) {
        try (ServerSocket probe = new ServerSocket()) {
            // As Kafka's own listener will: a port left in TIME_WAIT by our last run is free.
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(config.host(), port));
        } catch (BindException e) {
            throw new PortInUseException(config.host(), port, listener, configComponent);
        } catch (IOException e) {
            throw new EmbeddedKafkaException("Kafka cannot listen on " + config.hostAndPort(port) + ": "
                    + e.getMessage() + " (check EmbeddedKafkaConfig.host)", e);
        }
    }

    /** Another process may take a port between our check and Kafka's bind: report that the same way. */
    private EmbeddedKafkaException startFailure(RuntimeException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException) {
                String message = String.valueOf(failure.getMessage());
                boolean controller = message.contains(":" + config.controllerPort());
                return new PortInUseException(config.host(),
                        controller ? config.controllerPort() : config.brokerPort(),
                        controller ? "controller" : "broker",
                        controller ? "controllerPort" : "brokerPort");
            }
        }
        return new EmbeddedKafkaException("Kafka failed to start: " + failure.getMessage(), failure);
    }

    private static void stopQuietly(KafkaRaftServer starting, RuntimeException startFailure) {
        try {
            starting.shutdown();
            starting.awaitShutdown();
        } catch (RuntimeException e) {
            startFailure.addSuppressed(e);
        }
    }
}

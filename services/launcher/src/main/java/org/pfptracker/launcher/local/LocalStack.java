package org.pfptracker.launcher.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.pfptracker.gateway.GatewayService;
import org.pfptracker.gateway.config.GatewaySettings;
import org.pfptracker.kafka.embedded.EmbeddedKafkaBroker;
import org.pfptracker.kafka.embedded.EmbeddedKafkaConfig;
import org.pfptracker.platform.config.KafkaSettings;
import org.pfptracker.platform.config.Settings;
import org.pfptracker.platform.schema.SchemaContract;
import org.pfptracker.platform.topic.ProvisioningReport;
import org.pfptracker.platform.topic.TopicProvisioner;
import org.pfptracker.platform.topic.Topics;
import org.pfptracker.registry.RegistryConfig;
import org.pfptracker.registry.SchemaRegistryServer;
import org.pfptracker.tracker.TrackerService;
import org.pfptracker.tracker.config.TrackerSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole system on one machine, in one JVM: a real single-node KRaft broker, the schema registry,
 * the topics, a tracker instance and the HTTP gateway, all on loopback. Closing it stops them in reverse order.
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

    /** Where the local stack listens and keeps its data. */
    public record Layout(Path dataDirectory, int kafkaPort, int controllerPort, int registryPort, int trackerPort,
                         int gatewayPort) {

        Path kafkaDirectory() {
            return dataDirectory.resolve("kafka");
        }

        Path trackerStateDirectory() {
            return dataDirectory.resolve("tracker-state");
        }
    }

    private final Deque<AutoCloseable> running;
    private final Settings settings;
    private final String bootstrapServers;
    private final String registryUrl;
    private final int trackerPort;
    private final int gatewayPort;
    private final Duration startUpTime;

    private LocalStack(Deque<AutoCloseable> running, Settings settings, String bootstrapServers, String registryUrl,
                       int trackerPort, int gatewayPort, Duration startUpTime) {
        this.running = running;
        this.settings = settings;
        this.bootstrapServers = bootstrapServers;
        this.registryUrl = registryUrl;
        this.trackerPort = trackerPort;
        this.gatewayPort = gatewayPort;
        this.startUpTime = startUpTime;
    }

    /** Starts everything; if any part fails, what was started is stopped again before the error is thrown. */
    public static LocalStack start(Layout layout, Settings base) {
        long started = System.nanoTime();
        Deque<AutoCloseable> running = new ArrayDeque<>();
        try {
            EmbeddedKafkaBroker kafka = new EmbeddedKafkaBroker(EmbeddedKafkaConfig
                    .inDirectory(layout.kafkaDirectory())
                    .withBrokerPort(layout.kafkaPort())
                    .withControllerPort(layout.controllerPort()));
            String bootstrapServers = kafka.start();
            running.push(kafka);

            SchemaRegistryServer registry = SchemaRegistryServer.start(
                    RegistryConfig.forBootstrapServers(bootstrapServers)
                            .withPort(layout.registryPort())
                            // Held to the project's policy from the first auto-registered schema on.
                            .withDefaultCompatibility(SchemaContract.POLICY)
                            .withKafkaOverrides(base.kafkaClientOverrides()));
            running.push(registry);
            String registryUrl = registry.url().toString();

            Settings settings = base
                    .with(KafkaSettings.BOOTSTRAP_SERVERS, bootstrapServers)
                    .with(KafkaSettings.SCHEMA_REGISTRY_URL, registryUrl)
                    .with(KafkaSettings.TOPIC_REPLICATION_FACTOR, "1")
                    .with(TrackerSettings.HTTP_PORT, Integer.toString(layout.trackerPort()))
                    .with(TrackerSettings.STATE_DIR, layout.trackerStateDirectory().toString());
            applyTopics(settings);

            TrackerService tracker = TrackerService.start(settings);
            running.push(tracker);

            GatewayService gateway = GatewayService.start(settings
                    .with(GatewaySettings.HTTP_PORT, Integer.toString(layout.gatewayPort())));
            running.push(gateway);

            return new LocalStack(running, settings, bootstrapServers, registryUrl, tracker.httpPort(),
                    gateway.httpPort(), Duration.ofNanos(System.nanoTime() - started));
        } catch (RuntimeException e) {
            closeAll(running);
            throw e;
        }
    }

    private static void applyTopics(Settings settings) {
        try (Admin admin = Admin.create(KafkaSettings.clientConfig(settings))) {
            ProvisioningReport report = new TopicProvisioner(admin).provision(Topics.catalogue(settings),
                    TopicProvisioner.Mode.APPLY);
            if (!report.ok()) {
                log.warn("Topics differ from the catalogue in ways pfp cannot fix by itself: {}", report.problems());
            }
        }
    }

    /** The settings every client of this stack uses (bootstrap servers, registry URL...). */
    public Settings settings() {
        return settings;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public String registryUrl() {
        return registryUrl;
    }

    public String trackerUrl() {
        return "http://" + settings.get(TrackerSettings.HTTP_HOST) + ":" + trackerPort;
    }

    public String gatewayUrl() {
        return "http://" + settings.get(GatewaySettings.HTTP_HOST) + ":" + gatewayPort;
    }

    public Duration startUpTime() {
        return startUpTime;
    }

    /** What a user needs to know to use the running stack. */
    public Map<String, String> endpoints() {
        return Map.of("kafka", bootstrapServers, "registry", registryUrl, "tracker", trackerUrl(),
                "gateway", gatewayUrl());
    }

    @Override
    public void close() {
        closeAll(running);
    }

    private static void closeAll(Deque<AutoCloseable> running) {
        while (!running.isEmpty()) {
            AutoCloseable component = running.pop();
            try {
                component.close();
            } catch (Exception e) {
                log.warn("Stopping {} failed: {}", component.getClass().getSimpleName(), e.toString());
            }
        }
    }
}

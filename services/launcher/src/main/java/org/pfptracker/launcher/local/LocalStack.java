package org.pfptracker.launcher.local;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.pfptracker.gateway.GatewayService;
import org.pfptracker.gateway.config.GatewaySettings;
import org.pfptracker.http.issuer.LocalIssuerServer;
import org.pfptracker.kafka.embedded.EmbeddedKafkaBroker;
import org.pfptracker.kafka.embedded.EmbeddedKafkaConfig;
import org.pfptracker.platform.config.AccessConfig;
import org.pfptracker.platform.config.KafkaSettings;
import org.pfptracker.platform.config.Settings;
import org.pfptracker.platform.schema.SchemaContract;
import org.pfptracker.platform.serde.EventSerdes;
import org.pfptracker.platform.topic.ProvisioningReport;
import org.pfptracker.platform.topic.TopicProvisioner;
import org.pfptracker.platform.topic.Topics;
import org.pfptracker.registry.RegistryConfig;
import org.pfptracker.registry.SchemaRegistryServer;
import org.pfptracker.registry.client.HttpSchemaRegistryClient;
import org.pfptracker.registry.client.auth.RegistryCredentials;
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
                         int gatewayPort, int issuerPort) {

        Path issuerKeyFile() {
            return dataDirectory.resolve("issuer").resolve("signing-key.jwk");
        }

        /** The ready tokens, as shell variables: {@code source} it, then {@code curl -H "Authorization: Bearer $PFP_STAFF_TOKEN"}. */
        public Path tokensFile() {
            return dataDirectory.resolve("tokens.env");
        }

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
    private final LocalTokens tokens;

    private LocalStack(Deque<AutoCloseable> running, Settings settings, String bootstrapServers, String registryUrl,
                       int trackerPort, int gatewayPort, Duration startUpTime, LocalTokens tokens) {
        this.running = running;
        this.settings = settings;
        this.bootstrapServers = bootstrapServers;
        this.registryUrl = registryUrl;
        this.trackerPort = trackerPort;
        this.gatewayPort = gatewayPort;
        this.startUpTime = startUpTime;
        this.tokens = tokens;
    }

    /** Starts everything; if any part fails, what was started is stopped again before the error is thrown. */
    public static LocalStack start(Layout layout, Settings base) {
        long started = System.nanoTime();
        Deque<AutoCloseable> running = new ArrayDeque<>();
        try {
            // Access control is on, as everywhere: with no issuer of the user's, the stack issues its own tokens.
            LocalTokens tokens = null;
            if (base.get(AccessConfig.MODE).equals("tokens") && base.find(AccessConfig.ISSUER).isEmpty()) {
                LocalIssuerServer issuer = LocalIssuerServer.start("127.0.0.1", layout.issuerPort(),
                        layout.issuerKeyFile(), Clock.systemUTC());
                running.push(issuer);
                base = base.with(AccessConfig.ISSUER, issuer.issuer().issuer().toString())
                        .with(AccessConfig.JWKS_URL, issuer.jwksUrl().toString());
                tokens = LocalTokens.issue(issuer.issuer(), layout.tokensFile());
            }
            EmbeddedKafkaBroker kafka = new EmbeddedKafkaBroker(EmbeddedKafkaConfig
                    .inDirectory(layout.kafkaDirectory())
                    .withBrokerPort(layout.kafkaPort())
                    .withControllerPort(layout.controllerPort()));
            String bootstrapServers = kafka.start();
            running.push(kafka);

            SchemaRegistryServer registry = SchemaRegistryServer.start(
                    RegistryConfig.forBootstrapServers(bootstrapServers)
                            .withPort(layout.registryPort())
                            // Held to the project's policy from the first registered schema on.
                            .withDefaultCompatibility(SchemaContract.POLICY)
                            .withKafkaOverrides(base.kafkaClientOverrides()),
                    AccessConfig.from(base));
            running.push(registry);
            String registryUrl = registry.url().toString();
            if (tokens != null) {
                // Only the administrator registers schemas: the stack registers this build's contract as the
                // deploy pipeline would ('pfp schemas register'), and its services only look schemas up, with
                // a token that reads the registry and nothing else.
                registerContract(registryUrl, tokens.registryAdmin());
                base = base.with(EventSerdes.AUTO_REGISTER_SCHEMAS, "false").withValues(tokens.registryClientSettings());
            }

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
                    gateway.httpPort(), Duration.ofNanos(System.nanoTime() - started), tokens);
        } catch (RuntimeException e) {
            closeAll(running);
            throw e;
        }
    }

    private static void registerContract(String registryUrl, String adminToken) {
        try (HttpSchemaRegistryClient admin = HttpSchemaRegistryClient.forUrls(registryUrl,
                RegistryCredentials.bearerToken(adminToken))) {
            SchemaContract.ContractReport report = new SchemaContract(admin).register();
            if (!report.passed()) {
                log.warn("This build's schemas are not all registered: {}", report);
            }
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

    /** The tokens of the stack's own issuer; empty when the settings name another issuer or access is off. */
    public java.util.Optional<LocalTokens> tokens() {
        return java.util.Optional.ofNullable(tokens);
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

package org.pfptracker.launcher.local;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.pfptracker.core.config.Settings;
import org.pfptracker.gateway.GatewayService;
import org.pfptracker.gateway.config.GatewaySettings;
import org.pfptracker.http.access.AccessSettings;
import org.pfptracker.http.issuer.DevSignIn;
import org.pfptracker.http.issuer.LocalIssuerServer;
import org.pfptracker.kafka.embedded.security.KafkaPrincipal;
import org.pfptracker.platform.config.KafkaSettings;
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
 *
 * <p>With {@link LocalSettings#KAFKA_SECURED} the broker runs SASL_SSL with SCRAM-SHA-512 and ACLs, and each part
 * logs in as its own Kafka user, as on a secured production cluster: topics are set up as {@code admin}, the
 * registry runs as {@code registry}, the tracker as {@code tracker}, the gateway as {@code gateway}, and
 * {@link #settings()} publish as {@code publisher}.
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

        /** Where a secured stack writes each Kafka user's client settings ({@link KafkaClientFiles}). */
        Path kafkaClientsDirectory() {
            return dataDirectory.resolve("kafka-clients");
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
    private final KafkaClientFiles kafkaClientFiles;

    private LocalStack(Deque<AutoCloseable> running, Settings settings, String bootstrapServers, String registryUrl,
                       int trackerPort, int gatewayPort, Duration startUpTime, LocalTokens tokens,
                       KafkaClientFiles kafkaClientFiles) {
        this.running = running;
        this.settings = settings;
        this.bootstrapServers = bootstrapServers;
        this.registryUrl = registryUrl;
        this.trackerPort = trackerPort;
        this.gatewayPort = gatewayPort;
        this.startUpTime = startUpTime;
        this.tokens = tokens;
        this.kafkaClientFiles = kafkaClientFiles;
    }

    /**
     * Starts everything; if any part fails, what was started is stopped again before the error is thrown.
     *
     * @throws UnsecuredKafkaDataException if Kafka is to run secured on data an unsecured broker made
     */
    public static LocalStack start(Layout layout, Settings base) {
        long started = System.nanoTime();
        Deque<AutoCloseable> running = new ArrayDeque<>();
        try {
            // Access control is on, as everywhere: with no issuer of the user's, the stack issues its own tokens.
            LocalTokens tokens = null;
            if (base.get(AccessSettings.MODE).equals("tokens") && base.find(AccessSettings.ISSUER).isEmpty()) {
                // The dashboard signs people in here with the code flow and PKCE, sent back to the tracker's /signin.
                String passcode = LocalTokens.newPasscode();
                String trackerHost = base.get(TrackerSettings.HTTP_HOST);
                DevSignIn signIn = new DevSignIn(base.get(AccessSettings.DASHBOARD_CLIENT), Set.of(
                        URI.create("http://" + trackerHost + ":" + layout.trackerPort() + "/signin"),
                        URI.create("http://localhost:" + layout.trackerPort() + "/signin")), passcode);
                LocalIssuerServer issuer = LocalIssuerServer.start("127.0.0.1", layout.issuerPort(),
                        layout.issuerKeyFile(), Clock.systemUTC(), signIn);
                running.push(issuer);
                base = base.with(AccessSettings.ISSUER, issuer.issuer().issuer())
                        .with(AccessSettings.JWKS_URL, issuer.jwksUrl());
                tokens = LocalTokens.issue(issuer.issuer(), passcode, layout.tokensFile());
            }
            LocalKafka kafka = LocalKafka.start(layout, base);
            running.push(kafka);
            String bootstrapServers = kafka.bootstrapServers();

            SchemaRegistryServer registry = SchemaRegistryServer.start(
                    RegistryConfig.forBootstrapServers(bootstrapServers)
                            .withPort(layout.registryPort())
                            // Held to the project's policy from the first registered schema on.
                            .withDefaultCompatibility(SchemaContract.POLICY)
                            .withKafkaOverrides(
                                    KafkaSettings.clientOverrides(kafka.clientSettings(KafkaPrincipal.REGISTRY, base))),
                    AccessSettings.from(base));
            running.push(registry);
            String registryUrl = registry.url().toString();
            if (tokens != null) {
                // Only the administrator registers schemas: the stack registers this build's contract as the
                // deploy pipeline would ('pfp schemas register'), and its services only look schemas up, with
                // a token that reads the registry and nothing else.
                registerContract(registryUrl, tokens.registryAdmin());
                base = base.with(EventSerdes.AUTO_REGISTER_SCHEMAS, false).withValues(tokens.registryClientSettings());
            }

            Settings settings = base
                    .with(KafkaSettings.SCHEMA_REGISTRY_URL, registryUrl)
                    .with(KafkaSettings.TOPIC_REPLICATION_FACTOR, 1)
                    .with(TrackerSettings.HTTP_PORT, layout.trackerPort())
                    .with(TrackerSettings.STATE_DIR, layout.trackerStateDirectory());
            // Only the administrator creates topics, as 'pfp topics' does on a real cluster.
            applyTopics(kafka.clientSettings(KafkaPrincipal.ADMIN, settings));

            TrackerService tracker = TrackerService.start(kafka.clientSettings(KafkaPrincipal.TRACKER, settings));
            running.push(tracker);

            GatewayService gateway = GatewayService.start(kafka.clientSettings(KafkaPrincipal.GATEWAY, settings)
                    .with(GatewaySettings.HTTP_PORT, layout.gatewayPort()));
            running.push(gateway);

            Optional<KafkaClientFiles> clientFiles = KafkaClientFiles.update(layout.kafkaClientsDirectory(),
                    settings.with(KafkaSettings.BOOTSTRAP_SERVERS, bootstrapServers), kafka.security());
            return new LocalStack(running, kafka.clientSettings(KafkaPrincipal.PUBLISHER, settings), bootstrapServers,
                    registryUrl, tracker.httpPort(), gateway.httpPort(), Duration.ofNanos(System.nanoTime() - started),
                    tokens, clientFiles.orElse(null));
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

    /**
     * The settings the stack's own publishing uses (seeding, the simulator): bootstrap servers, registry URL,
     * and on a secured broker the {@code publisher} user's login, which may write events and nothing else.
     */
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
    public Optional<LocalTokens> tokens() {
        return Optional.ofNullable(tokens);
    }

    /** Each Kafka user's client settings, for the {@code pfp} commands of another terminal; empty on PLAINTEXT. */
    public Optional<KafkaClientFiles> kafkaClientFiles() {
        return Optional.ofNullable(kafkaClientFiles);
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

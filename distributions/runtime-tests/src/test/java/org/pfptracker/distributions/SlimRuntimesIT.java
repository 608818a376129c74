package org.pfptracker.distributions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pfptracker.core.config.Settings;
import org.pfptracker.http.issuer.TokenGrant;
import org.pfptracker.kafka.junit.KafkaTestCluster;
import org.pfptracker.kafka.junit.WithKafka;
import org.pfptracker.platform.config.KafkaSettings;
import org.pfptracker.platform.schema.SchemaContract;
import org.pfptracker.platform.topic.TopicProvisioner;
import org.pfptracker.platform.topic.Topics;
import org.pfptracker.registry.client.HttpSchemaRegistryClient;
import org.pfptracker.registry.client.auth.RegistryCredentials;
import org.pfptracker.testsupport.http.ApiClient;
import org.pfptracker.testsupport.http.TestTokens;
import org.pfptracker.testsupport.process.FreePorts;
import org.pfptracker.testsupport.process.JavaProcess;

/**
 * The three slim runtimes, each started as its own process from what the build ships
 * ({@code java -jar pfp-<role>.jar}, configured by {@code PFP_*} environment variables, as an operator or a
 * container runs them), on a real broker with access control on: they become ready, a command through the
 * gateway reaches the tracker's view, and none of them carries the broker.
 */
@Tag("integration")
@WithKafka
class SlimRuntimesIT {

    private static final Path DISTRIBUTIONS = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<JavaProcess> RUNNING = new ArrayList<>();

    private static int registryPort;
    private static int trackerPort;
    private static int gatewayPort;

    @BeforeAll
    static void startEachRuntimeAsItsOwnProcess(KafkaTestCluster kafka, @TempDir Path work) throws Exception {
        Map<String, String> common = new HashMap<>(TestTokens.environment());
        common.put("PFP_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        registryPort = FreePorts.next();
        start("registry", work, common, Map.of("PFP_REGISTRY_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "PFP_REGISTRY_PORT", Integer.toString(registryPort),
                "PFP_REGISTRY_COMPATIBILITY_LEVEL", SchemaContract.POLICY.name())).awaitReady(url(registryPort), PATIENCE);

        // What a deployment pipeline does once: this build's schemas, as the registry's administrator; the topics.
        String registryUrl = "http://127.0.0.1:" + registryPort;
        try (HttpSchemaRegistryClient admin = HttpSchemaRegistryClient.forUrls(registryUrl,
                RegistryCredentials.bearerToken(TestTokens.token(TokenGrant.registryAdmin())))) {
            // As a pipeline would: a 503 (the registry still fetching the issuer's keys) is tried again.
            await("this build's schemas registered").atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
                SchemaContract.ContractReport report = new SchemaContract(admin).register();
                assertThat(report.passed()).as(report.toString()).isTrue();
            });
        }
        Settings topics = Settings.of(Map.of(KafkaSettings.BOOTSTRAP_SERVERS.key(), kafka.bootstrapServers(),
                KafkaSettings.TOPIC_REPLICATION_FACTOR.key(), "1"));
        try (Admin admin = Admin.create(KafkaSettings.clientConfig(topics))) {
            new TopicProvisioner(admin).provision(Topics.catalogue(topics), TopicProvisioner.Mode.APPLY);
        }

        // The services look schemas up with a token that reads the registry and nothing else.
        Map<String, String> services = new HashMap<>(common);
        services.put("PFP_SCHEMA_REGISTRY_URL", registryUrl);
        services.put("PFP_SCHEMA_AUTO_REGISTER", "false");
        services.put("PFP_SCHEMA_REGISTRY_CLIENT_BEARER_AUTH_CREDENTIALS_SOURCE", "STATIC_TOKEN");
        services.put("PFP_SCHEMA_REGISTRY_CLIENT_BEARER_AUTH_TOKEN", TestTokens.token(TokenGrant.writer("pfp-services")));
        trackerPort = FreePorts.next();
        gatewayPort = FreePorts.next();
        JavaProcess tracker = start("tracker", work, services, Map.of("PFP_TRACKER_HTTP_PORT",
                Integer.toString(trackerPort), "PFP_TRACKER_STATE_DIR", work.resolve("tracker-state").toString()));
        JavaProcess gateway = start("gateway", work, services, Map.of("PFP_GATEWAY_HTTP_PORT",
                Integer.toString(gatewayPort)));
        tracker.awaitReady(url(trackerPort), PATIENCE);
        gateway.awaitReady(url(gatewayPort), PATIENCE);
    }

    @AfterAll
    static void stop() {
        for (JavaProcess process : RUNNING) {
            // SIGTERM, as an orchestrator stops a pod: each runtime closes its service on the way out.
            process.stop(Duration.ofSeconds(30));
        }
    }

    @Test
    void shouldCarryACommandFromTheGatewayToTheTrackersViewAcrossThreeProcesses() throws Exception {
        // When an upstream system has a partner join through the gateway
        HttpResponse<String> accepted = ApiClient.onPort(gatewayPort)
                .withAuthorization(TestTokens.bearer(TokenGrant.writer("partner-registry")))
                .post("/api/v1/partners", ApiClient.json("{'partnerId': 'republic-of-moldova', 'name':"
                        + " 'Republic of Moldova', 'framework': 'EURO_ATLANTIC_PARTNERSHIP', 'joinedOn': '1994-03-16'}"));

        // Then the tracker, in another process, shows the partner to alliance staff
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        ApiClient staff = ApiClient.onPort(trackerPort).withAuthorization(TestTokens.staff());
        await("the partner in the tracker's view").atMost(PATIENCE).untilAsserted(() -> {
            HttpResponse<String> view = staff.get("/api/v1/partners/republic-of-moldova");
            assertThat(view.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(view.body()).toString()).contains("Republic of Moldova");
        });
    }

    @Test
    void shouldShipNoBrokerInAnyRuntime() throws IOException {
        for (String role : List.of("tracker", "gateway", "registry")) {
            Set<String> libraries = libraries(role);

            assertThat(libraries).as(role).isNotEmpty()
                    .noneMatch(jar -> jar.startsWith("kafka_2.13") || jar.startsWith("scala-")
                            || jar.startsWith("kafka-server") || jar.startsWith("kafka-raft")
                            || jar.startsWith("kafka-storage") || jar.startsWith("kafka-metadata")
                            || jar.startsWith("jetty-ee10-annotations") || jar.startsWith("jetty-jndi"));
        }
        assertThat(libraries("gateway")).noneMatch(jar -> jar.startsWith("rocksdbjni") || jar.startsWith("kafka-streams"));
        assertThat(libraries("registry")).noneMatch(jar -> jar.startsWith("rocksdbjni") || jar.startsWith("pfp-tracker"));
    }

    @Test
    void shouldDescribeEveryLibraryOfEachRuntimeInItsSbom() throws IOException {
        assumeFalse("offline=true".equals(System.getProperty("pfp.maven.build")), "CycloneDX makes SBOMs in online builds only (mvn -o "
                + "skips its goal); CI's build is online");
        for (String role : List.of("tracker", "gateway", "registry")) {
            JsonNode sbom = JSON.readTree(DISTRIBUTIONS.resolve(role).resolve("target/pfp-" + role + "-sbom.json").toFile());
            Set<String> described = StreamSupport.stream(sbom.path("components").spliterator(), false)
                    .map(component -> component.path("name").asText() + "-" + component.path("version").asText() + ".jar")
                    .collect(Collectors.toCollection(TreeSet::new));

            assertThat(sbom.path("bomFormat").asText()).isEqualTo("CycloneDX");
            assertThat(described).as(role).containsAll(libraries(role));
        }
    }

    private static Set<String> libraries(String role) throws IOException {
        try (Stream<Path> jars = Files.list(DISTRIBUTIONS.resolve(role).resolve("target/lib"))) {
            return jars.map(jar -> jar.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static JavaProcess start(String role, Path work, Map<String, String> common, Map<String, String> own) {
        Path jar = DISTRIBUTIONS.resolve(role).resolve("target/pfp-" + role + ".jar");
        assertThat(jar).as("the " + role + " runtime (built by the module before this one)").exists();
        JavaProcess process = JavaProcess.jar(jar).name(role).heap("256m")
                .withoutPfpEnvironment()
                .environment(common)
                .environment(own)
                .logTo(work.resolve(role + ".log"))
                .start();
        RUNNING.add(process);
        return process;
    }

    private static String url(int port) {
        return "http://127.0.0.1:" + port;
    }
}

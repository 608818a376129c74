package org.pfptracker.tracker.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pfptracker.core.config.Settings;
import org.pfptracker.kafka.junit.KafkaTestCluster;
import org.pfptracker.kafka.junit.UniqueNames;
import org.pfptracker.kafka.junit.WithKafka;
import org.pfptracker.platform.serde.JsonSerde;
import org.pfptracker.platform.topic.TopicProvisioner;
import org.pfptracker.platform.topic.Topics;
import org.pfptracker.publisher.EventPublisher;
import org.pfptracker.publisher.PublishReceipt;
import org.pfptracker.registry.RegistryConfig;
import org.pfptracker.registry.SchemaRegistryServer;
import org.pfptracker.tracker.TrackerMain;
import org.pfptracker.tracker.support.LocalTokens;
import org.pfptracker.tracker.support.RandomHistory;
import org.pfptracker.tracker.support.TrackerDriver;
import org.pfptracker.tracker.view.PartnerView;

/**
 * Exactly once, the hard way: a tracker running in its own JVM is killed with SIGKILL in the middle of
 * a stream of events, restarted on the same state directory, and must end with exactly the views a
 * tracker that never stopped computes from the same events (no event lost, none counted twice).
 */
@WithKafka
class TrackerCrashRecoveryIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration PATIENCE = Duration.ofSeconds(120);

    private final List<Process> processes = new ArrayList<>();
    private SchemaRegistryServer registry;

    @AfterEach
    void stopEverything() {
        processes.forEach(Process::destroyForcibly);
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void shouldGiveTheSameViewsAfterAKillMinusNineMidStreamAsATrackerThatNeverStopped(KafkaTestCluster kafka,
                                                                                     @TempDir Path stateDir)
            throws Exception {
        // Given: a registry, the topics, and a tracker in a child JVM
        registry = SchemaRegistryServer.start(RegistryConfig.forBootstrapServers(kafka.bootstrapServers())
                .withPort(0).withTopic(UniqueNames.of("_schemas")));
        String prefix = UniqueNames.of("crash");
        List<String> partners = IntStream.range(0, 12).mapToObj(i -> prefix + "-p" + i).toList();
        List<SpecificRecord> history = RandomHistory.generate(new Random(42), partners, 150);
        Settings settings = Settings.of(Map.of("kafka.bootstrap.servers", kafka.bootstrapServers(),
                "schema.registry.url", registry.url().toString()));
        try (Admin admin = kafka.admin()) {
            new TopicProvisioner(admin).provision(Topics.catalogue(settings), TopicProvisioner.Mode.APPLY);
        }
        int port = freePort();
        Map<String, String> environment = new java.util.HashMap<>(LocalTokens.environment());
        environment.putAll(Map.of(
                "PFP_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "PFP_SCHEMA_REGISTRY_URL", registry.url().toString(),
                "PFP_TRACKER_APPLICATION_ID", UniqueNames.of("crash-tracker"),
                "PFP_TRACKER_HTTP_PORT", Integer.toString(port),
                "PFP_TRACKER_STATE_DIR", stateDir.toString(),
                // The killed instance never says goodbye: let the group notice within seconds.
                "PFP_TRACKER_SESSION_TIMEOUT", "6s"));
        Process first = startTracker(environment, "first");

        // When: the history is published while the tracker works through it, and the tracker is killed midway
        try (EventPublisher publisher = EventPublisher.create(settings)) {
            List<CompletableFuture<PublishReceipt>> receipts = new ArrayList<>();
            history.forEach(event -> receipts.add(publisher.publish(event)));
            CompletableFuture.allOf(receipts.toArray(CompletableFuture[]::new)).get();
        }
        await().atMost(PATIENCE).until(() -> appliedSoFar(port, partners) > history.size() / 10);
        long appliedAtKill = appliedSoFar(port, partners);
        first.destroyForcibly().waitFor();
        startTracker(environment, "second");

        // Then: the restarted tracker converges on the views of one that never stopped
        Map<String, PartnerView> expected = new TreeMap<>();
        try (TrackerDriver reference = new TrackerDriver()) {
            history.forEach(reference::publish);
            partners.forEach(partner -> expected.put(partner, reference.view(partner, RandomHistory.AS_OF)));
        }
        long total = expected.values().stream().mapToLong(view -> view.freshness().eventsApplied()).sum();
        assertThat(appliedAtKill).as("killed mid-stream").isLessThan(total);
        await().atMost(PATIENCE).until(() -> appliedSoFar(port, partners) >= total);
        for (String partner : partners) {
            assertThat(view(port, partner)).as(partner).isEqualTo(expected.get(partner));
        }
    }

    private Process startTracker(Map<String, String> environment, String name) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "-Dlog4j2.configurationFile=log4j2-test.xml", TrackerMain.class.getName());
        builder.environment().putAll(environment);
        File log = Path.of("target", "crash-tracker-" + name + ".log").toFile();
        Files.createDirectories(log.toPath().getParent());
        builder.redirectErrorStream(true).redirectOutput(log);
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    private static long appliedSoFar(int port, List<String> partners) {
        long applied = 0;
        for (String partner : partners) {
            try {
                PartnerView view = view(port, partner);
                applied += view == null ? 0 : view.freshness().eventsApplied();
            } catch (IOException | InterruptedException e) {
                return -1; // not up yet
            }
        }
        return applied;
    }

    private static PartnerView view(int port, String partner) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/v1/partners/" + partner + "?asOf=" + RandomHistory.AS_OF))
                .header("Authorization", LocalTokens.staff())
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            return null;
        }
        return JsonSerde.mapper().readValue(response.body(), PartnerView.class);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        }
    }
}

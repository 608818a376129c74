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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pfptracker.core.config.Settings;
import org.pfptracker.kafka.junit.KafkaTestCluster;
import org.pfptracker.kafka.junit.UniqueNames;
import org.pfptracker.kafka.junit.WithKafka;
import org.pfptracker.platform.topic.TopicProvisioner;
import org.pfptracker.platform.topic.Topics;
import org.pfptracker.publisher.EventPublisher;
import org.pfptracker.publisher.PublishReceipt;
import org.pfptracker.registry.RegistryConfig;
import org.pfptracker.registry.SchemaRegistryServer;
import org.pfptracker.tracker.TrackerMain;
import org.pfptracker.tracker.support.LocalTokens;
import org.pfptracker.tracker.support.RandomHistory;

/**
 * Fail-over, measured: two tracker instances in their own JVMs, one standby copy of every store, and one instance
 * killed with SIGKILL. The survivor is asked for the dead instance's partners every 100 ms until it answers each
 * from its own store (no longer stale); how long that took, and how long any of them went without a 200, is printed.
 *
 * <p>The instances run with the default {@code tracker.session.timeout}; any {@code -Dpfp.*} property of the test
 * JVM is passed on to them (e.g. {@code -Dpfp.tracker.session.timeout=45s}, Kafka's own default, to compare).
 */
@Tag("integration")
@WithKafka
class TrackerFailoverIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final Duration PROBE_EVERY = Duration.ofMillis(100);

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
    void shouldServeADeadInstancesPartnersFromTheSurvivorWithinSeconds(KafkaTestCluster kafka,
                                                                      @TempDir Path stateA, @TempDir Path stateB)
            throws Exception {
        // Given: two instances with a standby copy each, and a history they have both applied
        registry = SchemaRegistryServer.start(RegistryConfig.forBootstrapServers(kafka.bootstrapServers())
                .withPort(0).withTopic(UniqueNames.of("_schemas")));
        String prefix = UniqueNames.of("failover");
        List<String> partners = IntStream.range(0, 12).mapToObj(i -> prefix + "-p" + i).toList();
        List<SpecificRecord> history = RandomHistory.generate(new Random(7), partners, 10);
        Settings settings = Settings.of(Map.of("kafka.bootstrap.servers", kafka.bootstrapServers(),
                "schema.registry.url", registry.url().toString()));
        try (Admin admin = kafka.admin()) {
            new TopicProvisioner(admin).provision(Topics.catalogue(settings), TopicProvisioner.Mode.APPLY);
        }
        String applicationId = UniqueNames.of("failover-tracker");
        int portA = freePort();
        int portB = freePort();
        startTracker(environment(kafka, applicationId, portA, stateA), "a");
        Process b = startTracker(environment(kafka, applicationId, portB, stateB), "b");
        try (EventPublisher publisher = EventPublisher.create(settings)) {
            List<CompletableFuture<PublishReceipt>> receipts = new ArrayList<>();
            history.forEach(event -> receipts.add(publisher.publish(event)));
            CompletableFuture.allOf(receipts.toArray(CompletableFuture[]::new)).get();
        }
        Map<String, String> servedBy = new HashMap<>();
        await().atMost(PATIENCE).untilAsserted(() -> {
            for (String partner : partners) {
                HttpResponse<String> response = get(portA, partner);
                assertThat(response).as("instance A up").isNotNull();
                assertThat(response.statusCode()).as(partner).isEqualTo(200);
                assertThat(response.headers().firstValue("X-PFP-Stale")).as(partner).isEmpty();
                servedBy.put(partner, response.headers().firstValue("X-PFP-Served-By").orElseThrow());
            }
            assertThat(servedBy).containsValue("127.0.0.1:" + portB);
        });
        List<String> partnersOfB = partners.stream().filter(p -> servedBy.get(p).equals("127.0.0.1:" + portB)).toList();

        // When: B is killed, and A is asked for B's partners until it answers each from its own store
        b.destroyForcibly().waitFor();
        long killed = System.nanoTime();
        Map<String, Long> failingSince = new HashMap<>();
        long longestFailure = 0;
        int failures = 0;
        int stale = 0;
        List<String> waiting = new ArrayList<>(partnersOfB);
        while (!waiting.isEmpty()) {
            assertThat(Duration.ofNanos(System.nanoTime() - killed)).as("fail-over still running").isLessThan(PATIENCE);
            for (String partner : List.copyOf(waiting)) {
                HttpResponse<String> response = get(portA, partner);
                long now = System.nanoTime();
                if (response == null || response.statusCode() != 200) {
                    failures++;
                    failingSince.putIfAbsent(partner, now);
                    continue;
                }
                Long since = failingSince.remove(partner);
                if (since != null) {
                    longestFailure = Math.max(longestFailure, now - since);
                }
                if (response.headers().firstValue("X-PFP-Stale").isPresent()) {
                    stale++;
                } else if (response.headers().firstValue("X-PFP-Served-By").orElse("").endsWith(":" + portA)) {
                    waiting.remove(partner);
                }
            }
            await().pollDelay(PROBE_EVERY).atMost(PROBE_EVERY.multipliedBy(2)).until(() -> true);
        }
        Duration failedOver = Duration.ofNanos(System.nanoTime() - killed);

        // Then: the survivor serves them itself within seconds of the kill
        System.out.printf("%n[failover] %d partners of the killed instance served by the survivor from its own store"
                        + " %.1f s after the kill; meanwhile %d answers stale from its standby copy, %d failed (longest"
                        + " failure %.1f s)%n%n", partnersOfB.size(), failedOver.toMillis() / 1000.0, stale, failures,
                longestFailure / 1e9);
        assertThat(failedOver).isLessThan(Duration.ofSeconds(30));
    }

    private static Map<String, String> environment(KafkaTestCluster kafka, String applicationId, int port, Path state) {
        Map<String, String> environment = new HashMap<>(LocalTokens.environment());
        environment.putAll(Map.of(
                "PFP_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "PFP_TRACKER_APPLICATION_ID", applicationId,
                "PFP_TRACKER_HTTP_PORT", Integer.toString(port),
                "PFP_TRACKER_STATE_DIR", state.toString(),
                "PFP_TRACKER_STANDBY_REPLICAS", "1",
                "PFP_TRACKER_STREAM_THREADS", "1",
                "PFP_TRACKER_PEER_SECRET", "failover-instances-share-this-secret"));
        return environment;
    }

    private Process startTracker(Map<String, String> environment, String name) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx384m", "-cp", System.getProperty("java.class.path"),
                "-Dlog4j2.configurationFile=log4j2-test.xml"));
        System.getProperties().stringPropertyNames().stream().filter(key -> key.startsWith("pfp."))
                .forEach(key -> command.add("-D" + key + "=" + System.getProperty(key)));
        command.add(TrackerMain.class.getName());
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        builder.environment().put("PFP_SCHEMA_REGISTRY_URL", registry.url().toString());
        File log = Path.of("target", "failover-tracker-" + name + ".log").toFile();
        Files.createDirectories(log.toPath().getParent());
        builder.redirectErrorStream(true).redirectOutput(log);
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    /** The partner's view as the instance on the port answers it; null when it cannot be reached. */
    private static HttpResponse<String> get(int port, String partner) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/partners/"
                            + partner + "?asOf=" + RandomHistory.AS_OF))
                    .header("Authorization", LocalTokens.staff())
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        }
    }
}

package org.pfptracker.tracker.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pfptracker.core.config.Settings;
import org.pfptracker.kafka.junit.KafkaTestCluster;
import org.pfptracker.kafka.junit.UniqueNames;
import org.pfptracker.kafka.junit.WithKafka;
import org.pfptracker.publisher.EventPublisher;
import org.pfptracker.publisher.PublishReceipt;
import org.pfptracker.testsupport.http.ApiClient;
import org.pfptracker.testsupport.http.TestTokens;
import org.pfptracker.testsupport.process.FreePorts;
import org.pfptracker.testsupport.process.JavaProcess;
import org.pfptracker.testsupport.system.TestSystem;
import org.pfptracker.tracker.TrackerMain;
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

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final Duration PROBE_EVERY = Duration.ofMillis(100);

    private final List<JavaProcess> processes = new ArrayList<>();
    private TestSystem system;

    @AfterEach
    void stopEverything() {
        processes.forEach(JavaProcess::close);
        if (system != null) {
            system.close();
        }
    }

    @Test
    void shouldServeADeadInstancesPartnersFromTheSurvivorWithinSeconds(KafkaTestCluster kafka,
                                                                      @TempDir Path stateA, @TempDir Path stateB)
            throws Exception {
        // Given: two instances with a standby copy each, and a history they have both applied
        system = TestSystem.start(kafka);
        String prefix = UniqueNames.of("failover");
        List<String> partners = IntStream.range(0, 12).mapToObj(i -> prefix + "-p" + i).toList();
        List<SpecificRecord> history = RandomHistory.generate(new Random(7), partners, 10);
        Settings settings = system.settings();
        String applicationId = UniqueNames.of("failover-tracker");
        int portA = FreePorts.next();
        int portB = FreePorts.next();
        startTracker(instance(applicationId, portA, stateA), "a");
        JavaProcess b = startTracker(instance(applicationId, portB, stateB), "b");
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
        b.kill();
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

    /** One instance's settings, as environment variables for its JVM. */
    private Map<String, String> instance(String applicationId, int port, Path state) {
        return TestSystem.environment(system.settings(
                "tracker.application.id", applicationId,
                "tracker.http.port", Integer.toString(port),
                "tracker.state.dir", state.toString(),
                "tracker.standby.replicas", "1",
                "tracker.stream.threads", "1",
                "tracker.peer.secret", "failover-instances-share-this-secret"));
    }

    private JavaProcess startTracker(Map<String, String> environment, String name) {
        List<String> options = new ArrayList<>(List.of("-Dlog4j2.configurationFile=log4j2-test.xml"));
        System.getProperties().stringPropertyNames().stream().filter(key -> key.startsWith("pfp."))
                .forEach(key -> options.add("-D" + key + "=" + System.getProperty(key)));
        JavaProcess process = JavaProcess.mainClass(TrackerMain.class.getName()).name("failover-tracker-" + name)
                .heap("384m")
                .jvmOptions(options.toArray(String[]::new))
                .environment(environment)
                .logTo(Path.of("target", "failover-tracker-" + name + ".log"))
                .start();
        processes.add(process);
        return process;
    }

    /** The partner's view as the instance on the port answers it; null when it cannot be reached. */
    private static HttpResponse<String> get(int port, String partner) {
        try {
            return ApiClient.onPort(port).withAuthorization(TestTokens.staff())
                    .get("/api/v1/partners/" + partner + "?asOf=" + RandomHistory.AS_OF);
        } catch (UncheckedIOException e) {
            return null;
        }
    }
}

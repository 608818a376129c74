package org.pfptracker.tracker.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pfptracker.core.config.Settings;
import org.pfptracker.kafka.junit.KafkaTestCluster;
import org.pfptracker.kafka.junit.UniqueNames;
import org.pfptracker.kafka.junit.WithKafka;
import org.pfptracker.platform.serde.JsonSerde;
import org.pfptracker.publisher.EventPublisher;
import org.pfptracker.publisher.PublishReceipt;
import org.pfptracker.testsupport.http.ApiClient;
import org.pfptracker.testsupport.http.TestTokens;
import org.pfptracker.testsupport.process.FreePorts;
import org.pfptracker.testsupport.process.JavaProcess;
import org.pfptracker.testsupport.system.TestSystem;
import org.pfptracker.tracker.TrackerMain;
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

    private static final Duration PATIENCE = Duration.ofSeconds(120);

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
    void shouldGiveTheSameViewsAfterAKillMinusNineMidStreamAsATrackerThatNeverStopped(KafkaTestCluster kafka,
                                                                                     @TempDir Path stateDir)
            throws Exception {
        // Given: a registry, the topics, and a tracker in a child JVM
        system = TestSystem.start(kafka);
        String prefix = UniqueNames.of("crash");
        List<String> partners = IntStream.range(0, 12).mapToObj(i -> prefix + "-p" + i).toList();
        List<SpecificRecord> history = RandomHistory.generate(new Random(42), partners, 150);
        int port = FreePorts.next();
        Settings settings = system.settings(
                "tracker.application.id", UniqueNames.of("crash-tracker"),
                "tracker.http.port", Integer.toString(port),
                "tracker.state.dir", stateDir.toString(),
                // The killed instance never says goodbye: let the group notice within seconds.
                "tracker.session.timeout", "6s");
        ApiClient staff = ApiClient.onPort(port).withAuthorization(TestTokens.staff());
        Map<String, String> environment = TestSystem.environment(settings);
        JavaProcess first = startTracker(environment, "first");

        // When: the history is published while the tracker works through it, and the tracker is killed midway
        try (EventPublisher publisher = EventPublisher.create(settings)) {
            List<CompletableFuture<PublishReceipt>> receipts = new ArrayList<>();
            history.forEach(event -> receipts.add(publisher.publish(event)));
            CompletableFuture.allOf(receipts.toArray(CompletableFuture[]::new)).get();
        }
        await().atMost(PATIENCE).until(() -> appliedSoFar(staff, partners) > history.size() / 10);
        long appliedAtKill = appliedSoFar(staff, partners);
        first.kill();
        startTracker(environment, "second");

        // Then: the restarted tracker converges on the views of one that never stopped
        Map<String, PartnerView> expected = new TreeMap<>();
        try (TrackerDriver reference = new TrackerDriver()) {
            history.forEach(reference::publish);
            partners.forEach(partner -> expected.put(partner, reference.view(partner, RandomHistory.AS_OF)));
        }
        long total = expected.values().stream().mapToLong(view -> view.freshness().eventsApplied()).sum();
        assertThat(appliedAtKill).as("killed mid-stream").isLessThan(total);
        await().atMost(PATIENCE).until(() -> appliedSoFar(staff, partners) >= total);
        for (String partner : partners) {
            assertThat(view(staff, partner)).as(partner).isEqualTo(expected.get(partner));
        }
    }

    private JavaProcess startTracker(Map<String, String> environment, String name) {
        JavaProcess process = JavaProcess.mainClass(TrackerMain.class.getName()).name("crash-tracker-" + name)
                .jvmOptions("-Dlog4j2.configurationFile=log4j2-test.xml")
                .environment(environment)
                .logTo(Path.of("target", "crash-tracker-" + name + ".log"))
                .start();
        processes.add(process);
        return process;
    }

    private static long appliedSoFar(ApiClient staff, List<String> partners) {
        long applied = 0;
        for (String partner : partners) {
            try {
                PartnerView view = view(staff, partner);
                applied += view == null ? 0 : view.freshness().eventsApplied();
            } catch (IOException | UncheckedIOException e) {
                return -1; // not up yet
            }
        }
        return applied;
    }

    private static PartnerView view(ApiClient staff, String partner) throws IOException {
        HttpResponse<String> response = staff.get("/api/v1/partners/" + partner + "?asOf=" + RandomHistory.AS_OF);
        if (response.statusCode() != 200) {
            return null;
        }
        return JsonSerde.mapper().readValue(response.body(), PartnerView.class);
    }
}

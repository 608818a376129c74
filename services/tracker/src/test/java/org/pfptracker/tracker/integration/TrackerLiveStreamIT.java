package org.pfptracker.tracker.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pfptracker.core.config.Settings;
import org.pfptracker.kafka.junit.KafkaTestCluster;
import org.pfptracker.kafka.junit.UniqueNames;
import org.pfptracker.kafka.junit.WithKafka;
import org.pfptracker.publisher.EventPublisher;
import org.pfptracker.testsupport.event.TestEvents;
import org.pfptracker.testsupport.http.TestTokens;
import org.pfptracker.testsupport.system.TestSystem;
import org.pfptracker.tracker.TrackerService;
import org.pfptracker.tracker.config.TrackerSettings;
import org.pfptracker.tracker.support.EventStreamReader;

/**
 * The change stream across instances, on a real broker: two tracker instances share the partners, and a
 * page connected to one of them hears of every partner's changes, those the other instance holds included.
 */
@WithKafka
class TrackerLiveStreamIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final int PARTNERS = 12;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static TestSystem system;
    private static TrackerService a;
    private static TrackerService b;
    private static EventPublisher publisher;

    @BeforeAll
    static void startTwoInstances(KafkaTestCluster kafka, @TempDir Path stateA, @TempDir Path stateB) {
        system = TestSystem.start(kafka);
        Settings settings = system.settings(
                "tracker.application.id", UniqueNames.of("live-tracker"),
                "tracker.http.port", "0",
                // Two instances of one tracker forward to each other: they share one secret.
                "tracker.peer.secret", "live-stream-instances-share-it");
        a = TrackerService.start(settings.with(TrackerSettings.STATE_DIR, stateA));
        b = TrackerService.start(settings.with(TrackerSettings.STATE_DIR, stateB));
        publisher = EventPublisher.create(settings);
        // Both ready, and the partner list complete from A: every partition is active on one of them.
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(get(a, "/health/ready").statusCode()).isEqualTo(200);
            assertThat(get(b, "/health/ready").statusCode()).isEqualTo(200);
            assertThat(get(a, "/api/v1/partners").statusCode()).isEqualTo(200);
        });
    }

    @AfterAll
    static void stop() {
        publisher.close();
        a.close();
        b.close();
        system.close();
    }

    @Test
    void shouldTellAPageOnOneInstanceOfEveryPartnersChangesWhicheverInstanceHoldsThem() throws Exception {
        // Given: a page listening to instance A
        HttpResponse<InputStream> response = HTTP.send(HttpRequest.newBuilder(url(a, "/api/v1/stream"))
                .header("Accept", "text/event-stream").header("Authorization", TestTokens.staff()).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        try (EventStreamReader stream = new EventStreamReader(response.body())) {
            assertThat(stream.next("hello", PATIENCE)).isNotNull();
            // The feed reads from the end: wait until it has seen a change before counting on it.
            awaitFeedPositioned(stream);

            // When: partners spread over both instances change
            Set<String> partners = new LinkedHashSet<>();
            String run = UUID.randomUUID().toString().substring(0, 8);
            for (int i = 0; i < PARTNERS; i++) {
                String partnerId = "partner-" + run + "-" + i;
                partners.add(partnerId);
                publisher.publish(TestEvents.joined(partnerId, "Partner " + i, LocalDate.of(1994, 3, 23), Instant.now())).get();
            }

            // Then: A announces every one of them
            Set<String> announced = new HashSet<>();
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (!announced.containsAll(partners) && System.nanoTime() < deadline) {
                EventStreamReader.Event changed = stream.next("partner-changed", Duration.ofSeconds(5));
                if (changed != null) {
                    announced.add(JSON.readTree(changed.data()).path("partnerId").asText());
                }
            }
            assertThat(announced).containsAll(partners);
            // ...and some of them live on B, so A heard of changes it does not hold itself
            String servedByB = b.hostInfo().host() + ":" + b.hostInfo().port();
            assertThat(partners).anySatisfy(partnerId -> assertThat(get(a, "/api/v1/partners/" + partnerId)
                    .headers().firstValue("X-PFP-Served-By")).hasValue(servedByB));
        }
    }

    private static void awaitFeedPositioned(EventStreamReader stream) throws Exception {
        await().atMost(PATIENCE).until(() -> {
            // A new partner each time: a second join of the same partner would change nothing.
            String probe = "probe-" + UUID.randomUUID().toString().substring(0, 8);
            publisher.publish(TestEvents.joined(probe, "Probe", LocalDate.of(2000, 1, 1), Instant.now())).get();
            EventStreamReader.Event changed = stream.next("partner-changed", Duration.ofSeconds(2));
            return changed != null;
        });
    }

    private static HttpResponse<String> get(TrackerService instance, String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(url(instance, path)).header("Authorization", TestTokens.staff()).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static URI url(TrackerService instance, String path) {
        return URI.create("http://127.0.0.1:" + instance.httpPort() + path);
    }
}

package org.pfptracker.tracker.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.pfptracker.core.config.Settings;
import org.pfptracker.event.ActivityProposed;
import org.pfptracker.event.AreaOfCooperation;
import org.pfptracker.kafka.junit.KafkaTestCluster;
import org.pfptracker.kafka.junit.UniqueNames;
import org.pfptracker.kafka.junit.WithKafka;
import org.pfptracker.platform.serde.JsonSerde;
import org.pfptracker.publisher.EventPublisher;
import org.pfptracker.publisher.PublishReceipt;
import org.pfptracker.testsupport.event.TestEvents;
import org.pfptracker.testsupport.http.TestTokens;
import org.pfptracker.testsupport.system.TestRegistry;
import org.pfptracker.testsupport.system.TestSystem;
import org.pfptracker.tracker.TrackerService;
import org.pfptracker.tracker.config.TrackerSettings;
import org.pfptracker.tracker.http.PeerProof;
import org.pfptracker.tracker.query.PaceSeries;
import org.pfptracker.tracker.query.Quarter;
import org.pfptracker.tracker.query.QuarterRange;
import org.pfptracker.tracker.support.RandomHistory;
import org.pfptracker.tracker.support.ReferenceComputation;
import org.pfptracker.tracker.support.TrackerDriver;
import org.pfptracker.tracker.view.PartnerSummaryView;
import org.pfptracker.tracker.view.PartnerView;
import org.pfptracker.tracker.view.ProgrammeView;

/**
 * Interactive queries from any instance, through real parts: a three-broker KRaft cluster, topics with
 * six partitions and three replicas, the schema registry, and two tracker instances of one application
 * (one standby replica each). Every partner is asked of both instances; then one instance stops and the
 * other serves everything; then it restarts on its state directory and nothing is counted twice.
 *
 * <p>The tests run in order: each one is a stage of the same cluster's life.
 */
@WithKafka(brokers = 3)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TrackerMultiInstanceIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final LocalDate AS_OF = RandomHistory.AS_OF;
    private static final ObjectMapper JSON = JsonSerde.mapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
    /** Requests per mode in the latency report, after as many to warm up. */
    private static final int LATENCY_SAMPLES = 300;

    // Sixteen partners: both instances hold some, whichever partitions each one gets.
    private final List<String> partners = IntStream.range(0, 16)
            .mapToObj(i -> UniqueNames.of("multi") + "-p" + i).toList();
    private final List<SpecificRecord> history = RandomHistory.generate(new Random(4), partners, 12);
    /** The first day of the pace series asked for (2021-Q4). */
    private static final LocalDate SERIES_FROM = LocalDate.of(2021, 10, 1);

    private final Map<String, PartnerView> expected = new TreeMap<>();
    private final Map<String, PartnerSummaryView> expectedSummaries = new TreeMap<>();
    private final Map<String, ProgrammeView> expectedProgrammes = new TreeMap<>();
    private final Map<String, org.pfptracker.tracker.view.PaceView> expectedPaces = new TreeMap<>();
    /** The views as first served, to compare with after a stop and a restart. */
    private final Map<String, JsonNode> served = new TreeMap<>();

    private TestSystem system;
    private EventPublisher publisher;
    private Settings settings;
    private Path stateDirB;
    private TrackerService a;
    private static final String PEER_SECRET = "multi-instance-trackers-share-it";
    private TrackerService b;

    @BeforeAll
    void startTwoInstancesAndPublishAHistory(KafkaTestCluster kafka, @TempDir Path stateDirA, @TempDir Path stateDirB)
            throws Exception {
        system = TestSystem.start(kafka, TestRegistry.on(kafka).replicated());
        Map<String, String> values = new HashMap<>();
        // Instances of one tracker forward queries to each other: they share one secret.
        values.put("tracker.peer.secret", PEER_SECRET);
        values.put("topics.partitions", "6");
        values.put("topics.replication.factor", "3");
        values.put("tracker.application.id", UniqueNames.of("multi-tracker"));
        values.put("tracker.http.port", "0");
        values.put("tracker.standby.replicas", "1");
        // Members notice a join or a leave at their next heartbeat: keep rebalances to about a second.
        values.put("tracker.session.timeout", "6s");
        settings = system.settings(values);
        this.stateDirB = stateDirB;
        a = TrackerService.start(trackerSettings(stateDirA));
        b = TrackerService.start(trackerSettings(stateDirB));
        // Both hold partitions before any event exists, so the work is shared from the first event on.
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertHoldsPartitions(a);
            assertHoldsPartitions(b);
        });

        publisher = EventPublisher.create(settings);
        List<CompletableFuture<PublishReceipt>> receipts = new ArrayList<>();
        history.forEach(event -> receipts.add(publisher.publish(event)));
        CompletableFuture.allOf(receipts.toArray(CompletableFuture[]::new)).get();

        try (TrackerDriver reference = new TrackerDriver()) {
            history.forEach(reference::publish);
            for (String partner : partners) {
                expected.put(partner, reference.view(partner, AS_OF));
                expectedSummaries.put(partner, reference.summary(partner, AS_OF));
                expectedPaces.put(partner, reference.pace(partner, AS_OF, SERIES_FROM).orElseThrow());
                reference.programme(partner, programmeOf(partner), AS_OF)
                        .ifPresent(programme -> expectedProgrammes.put(partner, programme));
            }
        }
    }

    @AfterAll
    void stopEverything() {
        closeQuietly(publisher);
        closeQuietly(a);
        closeQuietly(b);
        closeQuietly(system);
    }

    @Test
    @Order(1)
    void shouldServeEveryPartnerIdenticallyFromEitherInstance() {
        // When every partner is asked of both instances
        await().atMost(PATIENCE).untilAsserted(() -> {
            for (String partner : partners) {
                HttpResponse<String> fromA = get(a, viewPath(partner));
                HttpResponse<String> fromB = get(b, viewPath(partner));

                // Then both answer the view computed from the same events, identically
                assertThat(fromA.statusCode()).as(partner).isEqualTo(200);
                assertThat(fromB.statusCode()).as(partner).isEqualTo(200);
                assertThat(JSON.readValue(fromA.body(), PartnerView.class)).as(partner).isEqualTo(expected.get(partner));
                assertThat(JSON.readTree(fromB.body())).as(partner).isEqualTo(JSON.readTree(fromA.body()));
                assertThat(fromA.headers().firstValue("X-PFP-Stale")).isEmpty();
                assertThat(fromB.headers().firstValue("X-PFP-Stale")).isEmpty();
            }
        });
        Set<String> servedBy = new HashSet<>();
        for (String partner : partners) {
            HttpResponse<String> response = get(a, viewPath(partner));
            served.put(partner, json(response));
            servedBy.add(response.headers().firstValue("X-PFP-Served-By").orElseThrow());
            // A count from the events themselves, not from the topology: every activity proposed, once.
            assertThat(served.get(partner).at("/activities/total").asInt()).as(partner)
                    .isEqualTo(activitiesProposed(partner));
            // And the figures a plain computation over the published events gives, with no code shared
            // with the tracker.
            ReferenceComputation plain = ReferenceComputation.of(history, partner, AS_OF);
            PartnerView view = expected.get(partner);
            assertThat(ReferenceComputation.of(view)).as(partner).isEqualTo(plain);
            assertThat(served.get(partner).at("/freshness/eventsApplied").asLong()).as(partner)
                    .isEqualTo(plain.eventsApplied());
        }
        assertThat(servedBy).as("both instances hold partners").containsExactlyInAnyOrder(address(a), address(b));
        assertThat(a.forwardedQueries()).as("A forwarded the partners B holds").isPositive();
        assertThat(b.forwardedQueries()).as("B forwarded the partners A holds").isPositive();
    }

    @Test
    @Order(2)
    void shouldAnswerPaceSeriesAndProgrammesIdenticallyFromEitherInstance() throws Exception {
        assertThat(expectedProgrammes).as("the history has programmes to ask for").isNotEmpty();
        for (String partner : partners) {
            // Given
            PaceSeries expectedSeries = PaceSeries.of(partner, AS_OF, expectedPaces.get(partner),
                    new QuarterRange(Quarter.parse("2021-Q4"), Quarter.of(AS_OF)));
            String pace = "/api/v1/partners/" + partner + "/pace?asOf=" + AS_OF + "&from=2021-Q4";
            String programme = "/api/v1/partners/" + partner + "/programmes/" + programmeOf(partner) + "?asOf=" + AS_OF;

            // When
            HttpResponse<String> paceFromA = get(a, pace);
            HttpResponse<String> paceFromB = get(b, pace);
            HttpResponse<String> programmeFromA = get(a, programme);
            HttpResponse<String> programmeFromB = get(b, programme);

            // Then
            assertThat(paceFromA.statusCode()).as(partner).isEqualTo(200);
            assertThat(JSON.readValue(paceFromA.body(), PaceSeries.class)).as(partner).isEqualTo(expectedSeries);
            assertThat(json(paceFromB)).as(partner).isEqualTo(json(paceFromA));
            if (expectedProgrammes.containsKey(partner)) {
                assertThat(programmeFromA.statusCode()).as(partner).isEqualTo(200);
                assertThat(JSON.readValue(programmeFromA.body(), ProgrammeView.class)).as(partner)
                        .isEqualTo(expectedProgrammes.get(partner));
            } else {
                assertThat(programmeFromA.statusCode()).as(partner).isEqualTo(404);
                assertThat(json(programmeFromA).get("title").asText()).isEqualTo("Unknown programme");
            }
            assertThat(json(programmeFromB)).as(partner).isEqualTo(json(programmeFromA));
        }
    }

    @Test
    @Order(3)
    void shouldListEveryPartnerFromEitherInstance() {
        // When
        HttpResponse<String> fromA = get(a, "/api/v1/partners?asOf=" + AS_OF);
        HttpResponse<String> fromB = get(b, "/api/v1/partners?asOf=" + AS_OF);

        // Then
        assertThat(fromA.statusCode()).isEqualTo(200);
        assertThat(json(fromB)).isEqualTo(json(fromA));
        Map<String, PartnerSummaryView> listed = summariesOf(fromA);
        assertThat(listed).containsAllEntriesOf(expectedSummaries);
    }

    @Test
    @Order(4)
    void shouldFilterAndSortTheListGatheredFromBothInstances() {
        // Given
        String paceStatus = expectedSummaries.values().iterator().next().paceStatus();
        List<String> expectedOrder = expectedSummaries.values().stream()
                .filter(summary -> summary.paceStatus().equals(paceStatus))
                .sorted((x, y) -> y.name().compareToIgnoreCase(x.name()))
                .map(PartnerSummaryView::partnerId)
                .toList();

        // When
        HttpResponse<String> response = get(b, "/api/v1/partners?asOf=" + AS_OF + "&paceStatus=" + paceStatus
                + "&sort=name&order=desc");

        // Then
        assertThat(response.statusCode()).isEqualTo(200);
        List<String> listed = new ArrayList<>(summariesOf(response).keySet());
        listed.retainAll(partners);
        assertThat(listed).containsExactlyElementsOf(expectedOrder);
    }

    @Test
    @Order(5)
    void shouldAnswerFromAStandbyCopyOnlyWhenAllowedAndNeverForwardTwice() {
        // Given a partner and the instance that holds only its standby copy
        String partner = partners.get(0);
        TrackerService standby = address(a).equals(servedBy(a, partner)) ? b : a;
        String headerFrom = "127.0.0.1:1";

        // When it is asked as if forwarded (proven with the shared secret), with and without leave to answer
        // from its standby copy
        await().atMost(PATIENCE).untilAsserted(() -> {
            HttpResponse<String> stale = get(standby, viewPath(partner),
                    "X-PFP-Forwarded-By", headerFrom, "X-PFP-Allow-Stale", "true", PeerProof.HEADER, proof(viewPath(partner)));

            // Then it reads its standby store, flagged stale, which has caught up with the active one
            assertThat(stale.statusCode()).isEqualTo(200);
            assertThat(stale.headers().firstValue("X-PFP-Stale")).contains("true");
            assertThat(stale.headers().firstValue("X-PFP-Served-By")).contains(address(standby));
            assertThat(json(stale)).isEqualTo(served.get(partner));
        });
        HttpResponse<String> strict = get(standby, viewPath(partner), "X-PFP-Forwarded-By", headerFrom,
                PeerProof.HEADER, proof(viewPath(partner)));
        assertThat(strict.statusCode()).isEqualTo(503);
        assertThat(strict.headers().firstValue("Retry-After")).isPresent();
        assertThat(standby.queryCounters().staleAnswers()).isPositive();
    }

    @Test
    @Order(6)
    void reportQueryLatencyLocalVersusForwarded() {
        // Each partner asked of the instance holding it (local) and of the other one (forwarded).
        Map<String, TrackerService> owners = new HashMap<>();
        for (String partner : partners) {
            owners.put(partner, address(a).equals(servedBy(a, partner)) ? a : b);
        }
        measure(owners, true, LATENCY_SAMPLES);
        measure(owners, false, LATENCY_SAMPLES);
        List<Long> local = measure(owners, true, LATENCY_SAMPLES);
        List<Long> forwarded = measure(owners, false, LATENCY_SAMPLES);
        System.out.printf("%nGET /api/v1/partners/{id} latency over %d requests each (2 instances, same host):%n"
                        + "  local      p50 %.2f ms  p99 %.2f ms%n  forwarded  p50 %.2f ms  p99 %.2f ms%n%n",
                LATENCY_SAMPLES, percentile(local, 50), percentile(local, 99),
                percentile(forwarded, 50), percentile(forwarded, 99));
        assertThat(local).hasSize(LATENCY_SAMPLES);
    }

    @Test
    @Order(7)
    void shouldServeEverythingFromTheSurvivorWhenAnInstanceStops() {
        // When
        b.close();

        // Then, once the partitions have moved, A alone answers for every partner, as before
        await().atMost(PATIENCE).untilAsserted(() -> {
            for (String partner : partners) {
                HttpResponse<String> response = get(a, viewPath(partner));
                assertThat(response.statusCode()).as(partner).isEqualTo(200);
                assertThat(response.headers().firstValue("X-PFP-Served-By")).contains(address(a));
                assertThat(response.headers().firstValue("X-PFP-Stale")).isEmpty();
                assertThat(json(response)).as(partner).isEqualTo(served.get(partner));
            }
            assertThat(summariesOf(get(a, "/api/v1/partners?asOf=" + AS_OF))).containsAllEntriesOf(expectedSummaries);
        });
    }

    @Test
    @Order(8)
    void shouldCountNothingTwiceWhenTheStoppedInstanceRestartsOnItsStateDirectory() throws Exception {
        // When B restarts on its state directory, asked for a partner all along, then one more event arrives
        String partner = partners.get(0);
        b = TrackerService.start(trackerSettings(stateDirB));
        StartupProbe probe = StartupProbe.start(b, viewPath(partner));
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertHoldsPartitions(a);
            assertHoldsPartitions(b);
        });
        List<HttpResponse<String>> duringStartUp = probe.stop();

        // Then: while starting it answered 503 with Retry-After and a problem, or the right view; nothing else
        assertThat(duringStartUp).extracting(HttpResponse::statusCode).contains(503).containsOnly(200, 503);
        for (HttpResponse<String> response : duringStartUp) {
            if (response.statusCode() == 503) {
                assertThat(response.headers().firstValue("Retry-After")).isPresent();
                assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                        type -> assertThat(type).startsWith("application/problem+json"));
                assertThat(json(response).get("status").asInt()).isEqualTo(503);
            } else {
                assertThat(json(response)).isEqualTo(served.get(partner));
            }
        }
        // and both instances give the views of before: no event counted twice
        await().atMost(PATIENCE).untilAsserted(() -> {
            for (String each : partners) {
                assertThat(json(get(a, viewPath(each)))).as(each).isEqualTo(served.get(each));
                assertThat(json(get(b, viewPath(each)))).as(each).isEqualTo(served.get(each));
            }
        });
        // and a new event counts exactly once
        long appliedBefore = served.get(partner).at("/freshness/eventsApplied").asLong();
        int activitiesBefore = served.get(partner).at("/activities/total").asInt();
        publisher.publish(TestEvents.proposed(partner, "after-restart", AreaOfCooperation.DEFENCE_REFORM,
                Instant.parse("2023-12-01T00:00:00Z"))).get();
        await().atMost(PATIENCE).untilAsserted(() -> {
            for (TrackerService instance : List.of(a, b)) {
                JsonNode view = json(get(instance, viewPath(partner)));
                assertThat(view.at("/freshness/eventsApplied").asLong()).isEqualTo(appliedBefore + 1);
                assertThat(view.at("/activities/total").asInt()).isEqualTo(activitiesBefore + 1);
            }
        });
    }

    private Settings trackerSettings(Path stateDir) {
        return settings.with(TrackerSettings.STATE_DIR, stateDir);
    }

    private static void assertHoldsPartitions(TrackerService tracker) {
        assertThat(tracker.state()).isEqualTo(KafkaStreams.State.RUNNING);
        HttpResponse<String> ready = get(tracker, "/health/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(json(ready).get("detail").asText()).startsWith("partner store queryable");
    }

    private int activitiesProposed(String partner) {
        return (int) history.stream()
                .filter(event -> event instanceof ActivityProposed proposed
                        && proposed.getMetadata().getPartnerId().equals(partner))
                .map(event -> ((ActivityProposed) event).getActivityId())
                .distinct()
                .count();
    }

    /** RandomHistory names a partner's programme after it. */
    private static String programmeOf(String partner) {
        return partner + "-p1";
    }

    private static String viewPath(String partner) {
        return "/api/v1/partners/" + partner + "?asOf=" + AS_OF;
    }

    private static String servedBy(TrackerService entry, String partner) {
        return get(entry, viewPath(partner)).headers().firstValue("X-PFP-Served-By").orElseThrow();
    }

    private static String address(TrackerService tracker) {
        return tracker.hostInfo().host() + ":" + tracker.hostInfo().port();
    }

    private Map<String, PartnerSummaryView> summariesOf(HttpResponse<String> response) {
        Map<String, PartnerSummaryView> summaries = new LinkedHashMap<>();
        json(response).get("partners").forEach(node -> {
            PartnerSummaryView summary = JSON.convertValue(node, PartnerSummaryView.class);
            summaries.put(summary.partnerId(), summary);
        });
        return summaries;
    }

    private List<Long> measure(Map<String, TrackerService> owners, boolean local, int samples) {
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            String partner = partners.get(i % partners.size());
            TrackerService owner = owners.get(partner);
            TrackerService entry = local ? owner : (owner == a ? b : a);
            long start = System.nanoTime();
            HttpResponse<String> response = get(entry, viewPath(partner));
            nanos.add(System.nanoTime() - start);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("X-PFP-Served-By")).contains(address(owner));
        }
        return nanos;
    }

    private static double percentile(List<Long> nanos, int percentile) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(index, 0)) / 1_000_000.0;
    }

    private static String proof(String pathAndQuery) {
        return new PeerProof(PEER_SECRET, java.time.Clock.systemUTC()).sign("GET", pathAndQuery);
    }

    private static HttpResponse<String> get(TrackerService tracker, String pathAndQuery, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + tracker.httpPort() + pathAndQuery))
                .timeout(Duration.ofSeconds(10)).header("Authorization", TestTokens.staff()).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            // Already closed by a test, or the cluster went first: nothing left to release.
        }
    }

    /** Asks an instance for one path every few milliseconds from its start on, keeping every answer. */
    private static final class StartupProbe {
        private final List<HttpResponse<String>> answers = Collections.synchronizedList(new ArrayList<>());
        private final List<RuntimeException> failures = Collections.synchronizedList(new ArrayList<>());
        private final ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor();

        static StartupProbe start(TrackerService tracker, String pathAndQuery) {
            StartupProbe probe = new StartupProbe();
            probe.schedule.scheduleWithFixedDelay(() -> {
                try {
                    probe.answers.add(get(tracker, pathAndQuery));
                } catch (RuntimeException e) {
                    probe.failures.add(e);
                }
            }, 0, 10, TimeUnit.MILLISECONDS);
            return probe;
        }

        /** Every answer; fails if the instance did not answer HTTP at all. */
        List<HttpResponse<String>> stop() throws InterruptedException {
            schedule.shutdown();
            assertThat(schedule.awaitTermination(15, TimeUnit.SECONDS)).isTrue();
            assertThat(failures).as("requests the instance did not answer").isEmpty();
            return List.copyOf(answers);
        }
    }
}

package org.pfptracker.launcher.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.pfptracker.event.ActivityApproved;
import org.pfptracker.event.ActivityCompleted;
import org.pfptracker.event.ActivityProposed;
import org.pfptracker.event.AreaOfCooperation;
import org.pfptracker.event.EventMetadata;
import org.pfptracker.kafka.embedded.EmbeddedKafkaBroker;
import org.pfptracker.kafka.embedded.EmbeddedKafkaConfig;
import org.pfptracker.platform.config.KafkaSettings;
import org.pfptracker.platform.config.Settings;
import org.pfptracker.platform.serde.JsonSerde;
import org.pfptracker.platform.topic.TopicProvisioner;
import org.pfptracker.platform.topic.Topics;
import org.pfptracker.publisher.EventPublisher;
import org.pfptracker.registry.RegistryConfig;
import org.pfptracker.registry.SchemaRegistryServer;
import org.pfptracker.tracker.TrackerService;
import org.pfptracker.tracker.config.TrackerSettings;

/**
 * Prints the tracker's figures on this machine: events per second applied with exactly-once on, and
 * the time from an event's publication to its appearance in a query (median, p99). A benchmark, not a
 * test: it asserts nothing and prints what it measured.
 *
 * <pre>
 * mvn -q -o -DskipTests install
 * mvn -q -o -pl services/launcher test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp services/launcher/target/test-classes:services/launcher/target/classes:$(cat services/launcher/target/cp.txt) \
 *      org.pfptracker.launcher.benchmark.TrackerBenchmark [events=200000] [latencySamples=300]
 * </pre>
 */
public final class TrackerBenchmark {

    private static final int PARTNERS = 22;

    private TrackerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int samples = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        Path data = Files.createTempDirectory("pfp-benchmark");
        try (EmbeddedKafkaBroker kafka = new EmbeddedKafkaBroker(EmbeddedKafkaConfig.inDirectory(data.resolve("kafka"))
                .withBrokerPort(29092).withControllerPort(29093));
             SchemaRegistryServer registry = SchemaRegistryServer.start(
                     RegistryConfig.forBootstrapServers(kafka.start()).withPort(0))) {
            Settings settings = Settings.of(Map.of(
                    KafkaSettings.BOOTSTRAP_SERVERS.key(), kafka.bootstrapServers(),
                    KafkaSettings.SCHEMA_REGISTRY_URL.key(), registry.url().toString(),
                    TrackerSettings.HTTP_PORT.key(), "0",
                    TrackerSettings.STATE_DIR.key(), data.resolve("tracker").toString()));
            try (Admin admin = Admin.create(KafkaSettings.clientConfig(settings))) {
                new TopicProvisioner(admin).provision(Topics.catalogue(settings), TopicProvisioner.Mode.APPLY);
            }
            try (EventPublisher publisher = EventPublisher.create(settings)) {
                long started = System.nanoTime();
                publish(publisher, events);
                double seconds = (System.nanoTime() - started) / 1e9;
                System.out.printf("published %,d events in %.1f s (%,.0f events/s, acks=all, idempotent)%n",
                        events, seconds, events / seconds);

                long trackerStarted = System.nanoTime();
                try (TrackerService tracker = TrackerService.start(settings)) {
                    while (tracker.counters().eventsApplied() < events) {
                        Thread.sleep(50);
                    }
                    double took = (System.nanoTime() - trackerStarted) / 1e9;
                    System.out.printf("tracker applied %,d events in %.1f s from a cold start: %,.0f events/s "
                            + "(exactly_once_v2, RocksDB, 1 stream thread, start-up and rebalance included)%n",
                            events, took, events / took);
                    measureLatency(publisher, tracker.httpPort(), samples);
                }
            }
        }
    }

    /** A realistic mix: each activity proposed, approved and completed, spread over 22 partners. */
    private static void publish(EventPublisher publisher, int events) throws InterruptedException {
        Semaphore inFlight = new Semaphore(10_000);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Instant time = Instant.parse("2014-01-01T00:00:00Z");
        AreaOfCooperation[] areas = Arrays.stream(AreaOfCooperation.values())
                .filter(area -> area != AreaOfCooperation.UNKNOWN).toArray(AreaOfCooperation[]::new);
        for (int i = 0; i < events; i++) {
            int activity = i / 3;
            String partner = "partner-" + (activity % PARTNERS);
            String activityId = "a" + activity;
            time = time.plusSeconds(60);
            EventMetadata metadata = metadata(partner, time);
            SpecificRecord event = switch (i % 3) {
                case 0 -> ActivityProposed.newBuilder().setMetadata(metadata).setActivityId(activityId)
                        .setTitle("Activity " + activity).setArea(areas[activity % areas.length])
                        .setPlannedStart(null).build();
                case 1 -> ActivityApproved.newBuilder().setMetadata(metadata).setActivityId(activityId).build();
                default -> ActivityCompleted.newBuilder().setMetadata(metadata).setActivityId(activityId)
                        .setFeedbackReport("done").build();
            };
            inFlight.acquire();
            publisher.publish(event).whenComplete((receipt, error) -> {
                inFlight.release();
                if (error != null) {
                    failure.compareAndSet(null, error);
                }
            });
            if (failure.get() != null) {
                throw new IllegalStateException("publish failed", failure.get());
            }
        }
        inFlight.acquire(10_000);
        inFlight.release(10_000);
    }

    private static void measureLatency(EventPublisher publisher, int port, int samples) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String partner = "latency-probe";
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            long started = System.nanoTime();
            publisher.publish(ActivityProposed.newBuilder().setMetadata(metadata(partner, Instant.now()))
                    .setActivityId("probe-" + i).setTitle("probe").setArea(AreaOfCooperation.DEFENCE_REFORM)
                    .setPlannedStart(null).build()).get(10, TimeUnit.SECONDS);
            while (proposed(http, port, partner) < i + 1) {
                Thread.onSpinWait();
            }
            micros.add((System.nanoTime() - started) / 1_000);
        }
        micros.sort(Long::compare);
        System.out.printf("publish-to-query latency over %d events (publish with acks=all, then poll the query API):"
                        + " median %.1f ms, p99 %.1f ms, max %.1f ms%n", samples,
                micros.get(samples / 2) / 1000.0, micros.get((int) Math.ceil(samples * 0.99) - 1) / 1000.0,
                micros.get(samples - 1) / 1000.0);
    }

    private static int proposed(HttpClient http, int port, String partner) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/v1/partners/" + partner)).timeout(Duration.ofSeconds(5))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            return 0;
        }
        return JsonSerde.mapper().readTree(response.body()).at("/activities/total").asInt();
    }

    private static EventMetadata metadata(String partner, Instant time) {
        return EventMetadata.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(time).setSource("benchmark")
                .setPartnerId(partner).setCorrelationId(null).build();
    }
}

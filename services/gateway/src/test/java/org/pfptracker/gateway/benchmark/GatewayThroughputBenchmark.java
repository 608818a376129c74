package org.pfptracker.gateway.benchmark;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.pfptracker.core.config.Settings;
import org.pfptracker.gateway.GatewayService;
import org.pfptracker.http.access.AccessSettings;
import org.pfptracker.http.issuer.LocalIssuerServer;
import org.pfptracker.http.issuer.TokenGrant;
import org.pfptracker.kafka.embedded.EmbeddedKafkaBroker;
import org.pfptracker.kafka.embedded.EmbeddedKafkaConfig;
import org.pfptracker.platform.config.KafkaSettings;
import org.pfptracker.platform.topic.TopicProvisioner;
import org.pfptracker.platform.topic.Topics;
import org.pfptracker.registry.RegistryConfig;
import org.pfptracker.registry.SchemaRegistryServer;

/**
 * How many commands per second the gateway accepts (202, so acknowledged by Kafka with acks=all) on this
 * machine: N concurrent HTTP clients, each posting activity proposals one after another, against a real
 * single-node KRaft broker (the local stack's embedded one), the registry and the gateway, all in this JVM.
 * Prints figures; asserts nothing.
 *
 * <pre>{@code
 * mvn -q -o -pl services/gateway test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt \
 *     -Dmdep.includeScope=test
 * java -cp services/gateway/target/test-classes:services/gateway/target/classes:$(cat services/gateway/target/cp.txt) \
 *     org.pfptracker.gateway.benchmark.GatewayThroughputBenchmark [clients=32] [seconds=20]
 * }</pre>
 */
public final class GatewayThroughputBenchmark {

    private static final Duration WARM_UP = Duration.ofSeconds(5);
    private static final String PROPOSAL = "{\"title\": \"Staff course\", \"area\": \"EDUCATION_AND_TRAINING\"}";

    private GatewayThroughputBenchmark() {
    }

    private static String writer;

    public static void main(String[] args) throws Exception {
        trustOurAvroPackages();
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 32;
        Duration measured = Duration.ofSeconds(args.length > 1 ? Integer.parseInt(args[1]) : 20);
        Path data = Files.createTempDirectory("pfp-gateway-benchmark");
        try (EmbeddedKafkaBroker kafka = new EmbeddedKafkaBroker(EmbeddedKafkaConfig.inDirectory(data)
                .withBrokerPort(freePort()).withControllerPort(freePort()))) {
            String bootstrapServers = kafka.start();
            try (SchemaRegistryServer registry = SchemaRegistryServer.start(
                    RegistryConfig.forBootstrapServers(bootstrapServers).withPort(0));
                 LocalIssuerServer issuer = LocalIssuerServer.start("127.0.0.1", 0, null, Clock.systemUTC())) {
                // Measured as it runs: every command carries a token the gateway checks.
                writer = "Bearer " + issuer.issuer().issue(TokenGrant.writer("benchmark"), Duration.ofHours(1));
                Settings settings = Settings.of(Map.of(
                        KafkaSettings.BOOTSTRAP_SERVERS.key(), bootstrapServers,
                        KafkaSettings.SCHEMA_REGISTRY_URL.key(), registry.url().toString(),
                        AccessSettings.ISSUER.key(), issuer.issuer().issuer().toString(),
                        AccessSettings.JWKS_URL.key(), issuer.jwksUrl().toString(),
                        "gateway.http.port", "0"));
                try (Admin admin = Admin.create(KafkaSettings.clientConfig(settings))) {
                    new TopicProvisioner(admin).provision(Topics.catalogue(settings), TopicProvisioner.Mode.APPLY);
                }
                try (GatewayService gateway = GatewayService.start(settings)) {
                    await().atMost(Duration.ofMinutes(1)).until(gateway::isReady);
                    run(gateway.httpPort(), clients, measured);
                }
            }
        }
    }

    private static void run(int port, int clients, Duration measured) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String base = "http://127.0.0.1:" + port + "/api/v1/partners";
        HttpResponse<String> joined = http.send(json(base, "{\"partnerId\": \"benchmark-partner\", \"name\": \"Benchmark\", "
                + "\"framework\": \"EURO_ATLANTIC_PARTNERSHIP\", \"joinedOn\": \"1994-03-23\"}"), HttpResponse.BodyHandlers.ofString());
        if (joined.statusCode() != 202 && joined.statusCode() != 409) {
            throw new IllegalStateException("Join failed: " + joined.statusCode() + " " + joined.body());
        }
        HttpRequest proposal = json(base + "/benchmark-partner/activities", PROPOSAL);

        System.out.printf("Warming up for %d s with %d clients...%n", WARM_UP.toSeconds(), clients);
        drive(http, proposal, clients, WARM_UP);
        System.out.printf("Measuring for %d s with %d clients...%n", measured.toSeconds(), clients);
        long started = System.nanoTime();
        List<Result> results = drive(http, proposal, clients, measured);
        double seconds = (System.nanoTime() - started) / 1e9;

        long accepted = results.stream().mapToLong(r -> r.latenciesMicros().length).sum();
        long failed = results.stream().mapToLong(Result::failures).sum();
        long[] latencies = results.stream().flatMapToLong(r -> Arrays.stream(r.latenciesMicros())).sorted().toArray();
        System.out.printf("Accepted (202): %d in %.1f s = %.0f requests/s; not accepted: %d%n",
                accepted, seconds, accepted / seconds, failed);
        System.out.printf("Latency of a 202 (ms): p50 %.1f, p90 %.1f, p99 %.1f, max %.1f%n",
                percentile(latencies, 0.50), percentile(latencies, 0.90), percentile(latencies, 0.99),
                latencies.length == 0 ? 0.0 : latencies[latencies.length - 1] / 1000.0);
        System.out.printf("Machine: %d cores, Java %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
    }

    /** Each client posts one proposal after another until the time is up. */
    private static List<Result> drive(HttpClient http, HttpRequest request, int clients, Duration duration) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<Result>> futures = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            futures.add(pool.submit(() -> {
                long[] latencies = new long[1024];
                int count = 0;
                long failures = 0;
                while (!stop.get()) {
                    long sent = System.nanoTime();
                    HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() == 202) {
                        if (count == latencies.length) {
                            latencies = Arrays.copyOf(latencies, count * 2);
                        }
                        latencies[count++] = (System.nanoTime() - sent) / 1000;
                    } else {
                        failures++;
                    }
                }
                return new Result(Arrays.copyOf(latencies, count), failures);
            }));
        }
        Thread.sleep(duration.toMillis());
        stop.set(true);
        List<Result> results = new ArrayList<>();
        for (Future<Result> future : futures) {
            results.add(future.get());
        }
        pool.shutdown();
        return results;
    }

    private record Result(long[] latenciesMicros, long failures) {
    }

    private static HttpRequest json(String uri, String body) {
        return HttpRequest.newBuilder(URI.create(uri)).header("Content-Type", "application/json")
                .header("Authorization", writer)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static double percentile(long[] sortedMicros, double quantile) {
        if (sortedMicros.length == 0) {
            return 0;
        }
        return sortedMicros[(int) Math.min(sortedMicros.length - 1, Math.floor(quantile * sortedMicros.length))] / 1000.0;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        }
    }

    /** As the launcher does: Avro 1.12 decodes only into trusted packages, and the gateway reads partner events. */
    private static void trustOurAvroPackages() {
        System.setProperty("org.apache.avro.SERIALIZABLE_PACKAGES",
                System.getProperty("org.apache.avro.SERIALIZABLE_PACKAGES",
                        "org.pfptracker.event,java.lang,java.util,java.math,java.time"));
    }
}

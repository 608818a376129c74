package org.pfptracker.launcher.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.pfptracker.testsupport.process.FreePorts;
import org.pfptracker.testsupport.process.JavaProcess;

/**
 * {@code pfp local} as a user runs it: a child JVM started from the built {@code pfp.jar}, on free ports and its
 * own data directory, its console (stdout and stderr) captured to a file. It can be stopped as Ctrl-C stops it
 * (SIGTERM, {@link #stop}) or killed as {@code kill -9} kills it ({@link #kill}).
 *
 * <p>Plain JDK and the test-support module's {@link JavaProcess} only (no Jackson, no AssertJ), so that
 * {@link LocalRecoveryTimer} runs from the test classes without the test libraries.
 */
final class LocalProcess implements AutoCloseable {

    /** The line the banner starts with, once every part of the stack listens. */
    static final String BANNER = "pfp-tracker is up";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** Ports a stack listens on; new free ones for each test, so that nothing collides with a developer's stack. */
    record Ports(int kafka, int controller, int registry, int tracker, int gateway, int issuer) {

        static Ports free() {
            return new Ports(FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next(),
                    FreePorts.next());
        }

        List<String> arguments() {
            return List.of("--kafka-port", String.valueOf(kafka), "--controller-port", String.valueOf(controller),
                    "--registry-port", String.valueOf(registry), "--tracker-port", String.valueOf(tracker),
                    "--gateway-port", String.valueOf(gateway), "--issuer-port", String.valueOf(issuer));
        }
    }

    private final JavaProcess process;
    private final Path dataDirectory;
    private final Ports ports;

    private LocalProcess(JavaProcess process, Path dataDirectory, Ports ports) {
        this.process = process;
        this.dataDirectory = dataDirectory;
        this.ports = ports;
    }

    /** Starts {@code java -jar pfp.jar local} with the given options on the ports and data directory. */
    static LocalProcess start(Path jar, Path dataDirectory, Ports ports, Path console, List<String> options) {
        JavaProcess process = JavaProcess.jar(jar).name("pfp local").heap("1g")
                .arguments("local", "--data-dir", dataDirectory.toString())
                .arguments(ports.arguments())
                .arguments(options)
                .withoutPfpEnvironment()
                .logTo(console)
                .start();
        return new LocalProcess(process, dataDirectory, ports);
    }

    /** The pfp.jar the build made: {@code services/launcher/target/pfp.jar}, from the repository root or the module. */
    static Path builtJar() {
        for (Path candidate : List.of(Path.of("target", "pfp.jar"), Path.of("services", "launcher", "target", "pfp.jar"))) {
            if (Files.exists(candidate)) {
                return candidate.toAbsolutePath();
            }
        }
        throw new IllegalStateException("No pfp.jar: build it first (mvn -o -pl services/launcher -am package -DskipTests)");
    }

    /** Everything the process printed so far. */
    String console() {
        return process.log();
    }

    Path dataDirectory() {
        return dataDirectory;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Time since the process was started. */
    Duration sinceStart() {
        return process.sinceStart();
    }

    /** Waits until the condition holds, checking every 50 ms; the time since the start, or a failure on timeout or exit. */
    Duration awaitSinceStart(String what, Duration timeout, BooleanSupplier condition) {
        return process.awaitSinceStart(what, timeout, condition);
    }

    Duration awaitBanner(Duration timeout) {
        return awaitSinceStart("banner", timeout, () -> console().contains(BANNER));
    }

    Duration awaitReady(Duration timeout) {
        return awaitSinceStart("/health/ready 200", timeout, () -> status(trackerUri("/health/ready"), null) == 200);
    }

    /** Waits until the partner's view answers 200 to alliance staff, the first query a user makes. */
    Duration awaitView(String partnerId, Duration timeout) {
        return awaitSinceStart("a view of " + partnerId, timeout,
                () -> status(trackerUri("/api/v1/partners/" + partnerId), token("PFP_STAFF_TOKEN")) == 200);
    }

    URI trackerUri(String path) {
        return URI.create("http://127.0.0.1:" + ports.tracker() + path);
    }

    URI gatewayUri(String path) {
        return URI.create("http://127.0.0.1:" + ports.gateway() + path);
    }

    /** A token from the tokens file the stack writes at every start, e.g. {@code PFP_WRITER_TOKEN}. */
    String token(String variable) {
        try {
            Map<String, String> tokens = Files.readAllLines(dataDirectory.resolve("tokens.env")).stream()
                    .map(line -> line.replaceFirst("^export ", ""))
                    .filter(line -> line.contains("="))
                    .collect(Collectors.toMap(line -> line.substring(0, line.indexOf('=')),
                            line -> line.substring(line.indexOf('=') + 1).replace("'", "").replace("\"", ""),
                            (first, second) -> second));
            return tokens.get(variable);
        } catch (IOException e) {
            return null;
        }
    }

    /** Sends a proposed activity through the gateway; the HTTP status, or -1 when it could not be sent. */
    int proposeActivity(String partnerId, String title, String writerToken) {
        HttpRequest request = HttpRequest.newBuilder(gatewayUri("/api/v1/partners/" + partnerId + "/activities"))
                .timeout(Duration.ofSeconds(5))
                .header("Authorization", "Bearer " + writerToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"title\": \"" + title + "\", \"area\": \"DEFENCE_REFORM\"}"))
                .build();
        return send(request);
    }

    static int status(URI uri, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    private static int send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** As {@code kill -9}: no shutdown hook runs, nothing is flushed or checkpointed. */
    void kill() {
        process.kill();
    }

    /** As Ctrl-C: SIGTERM, the shutdown hooks stop the stack; the exit code. */
    int stop(Duration timeout) {
        int exit = process.stop(timeout);
        if (exit == -1) {
            throw new IllegalStateException("pfp local did not stop within " + timeout);
        }
        return exit;
    }

    /** Never leaves a stack running after a test, whatever happened. */
    @Override
    public void close() {
        process.close();
    }
}

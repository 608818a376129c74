package org.pfptracker.registry.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.abort;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pfptracker.registry.client.protocol.RegistryMediaTypes;

/**
 * The contract against Apicurio Registry's Confluent-compatible API ({@code /apis/ccompat/v7}), a
 * second independent implementation of the same REST API. The build unpacks Apicurio's Quarkus
 * distribution ({@code io.apicurio:apicurio-registry-app:<version>:tar.gz:all}, from Maven Central)
 * before the integration tests and names its directory in {@code pfp.apicurio.home}; the test runs it
 * as a child process with its default in-memory storage, on loopback ports of its own.
 *
 * <p>Apicurio 3 is compiled for Java 21 (class files of version 65), so it runs on a JDK 21+: this
 * JVM if it is one, else the newest under /usr/lib/jvm (the machines this project builds on have
 * Temurin's there), or the one named with {@code -Dpfp.apicurio.java=/path/to/bin/java}. Only when no
 * such JDK exists is the test skipped, saying so.
 */
class ApicurioRegistryContractIT extends SchemaRegistryContract {

    private static final String VERSION = System.getProperty("pfp.apicurio.version", "(version unknown)");
    private static final String CCOMPAT_PATH = "/apis/ccompat/v7";

    private static Process apicurio;
    private static String url;

    @BeforeAll
    static void startApicurio() throws IOException, InterruptedException {
        String configuredHome = System.getProperty("pfp.apicurio.home");
        assumeTrue(configuredHome != null, "pfp.apicurio.home is not set: run this test through Maven "
                + "(mvn verify), which unpacks Apicurio Registry's distribution from Maven Central first");
        Path home = Path.of(configuredHome);
        assertThat(home.resolve("quarkus-run.jar")).as("Apicurio Registry " + VERSION + " unpacked by the build")
                .isRegularFile();
        Optional<Path> java = java21OrLater();
        assumeTrue(java.isPresent(), "No Java 21+ found under /usr/lib/jvm, and this JVM is Java "
                + Runtime.version().feature() + ": Apicurio Registry " + VERSION + " is compiled for Java 21 and "
                + "cannot run without one. Skipping the contract run against Apicurio; install a JDK 21+ or "
                + "name one with -Dpfp.apicurio.java=/path/to/bin/java");

        int port = freePort();
        Path log = home.resolve("apicurio-" + port + ".log");
        apicurio = new ProcessBuilder(java.get().toString(),
                "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + port,
                "-Dquarkus.management.host=127.0.0.1", "-Dquarkus.management.port=" + freePort(),
                "-jar", "quarkus-run.jar")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        // Should this JVM end without running @AfterAll (a timeout, a kill), Apicurio must not outlive it.
        Runtime.getRuntime().addShutdownHook(new Thread(apicurio::destroyForcibly, "stop-apicurio"));
        url = "http://127.0.0.1:" + port + CCOMPAT_PATH;
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                .ignoreException(ConnectException.class)
                .until(() -> {
                    assertThat(apicurio.isAlive()).as("Apicurio exited; see %s", log).isTrue();
                    return http.send(HttpRequest.newBuilder(URI.create(url + "/subjects")).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                });
        // Apicurio starts with compatibility NONE; Confluent's default, which the contract expects, is BACKWARD.
        HttpResponse<String> configured = http.send(HttpRequest.newBuilder(URI.create(url + "/config"))
                .header("Content-Type", RegistryMediaTypes.V1_JSON)
                .PUT(HttpRequest.BodyPublishers.ofString("{\"compatibility\": \"BACKWARD\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(configured.statusCode()).as(configured.body()).isEqualTo(200);
    }

    @AfterAll
    static void stopApicurio() throws InterruptedException {
        if (apicurio != null) {
            apicurio.destroy();
            if (!apicurio.waitFor(30, TimeUnit.SECONDS)) {
                apicurio.destroyForcibly();
            }
        }
    }

    @Override
    protected String registryUrl() {
        return url;
    }

    // Where Apicurio answers otherwise than Confluent, the contract keeps Confluent's answer (ours
    // matches it) and these runs record the difference instead of failing.

    @Override
    @Test
    void shouldAnswer42202ForAnInvalidVersion() {
        abort("Apicurio " + VERSION + " answers version 0 with 404/40402, where Confluent answers 422/42202");
    }

    @Override
    @Test
    void shouldRefuseAnIncompatibleSchemaWith409() {
        abort("Apicurio " + VERSION + " refuses with 409 but its own wording ('Incompatible artifact: ...'), not "
                + "Confluent's 'Schema being registered is incompatible with an earlier schema ...'");
    }

    @Override
    @Test
    void shouldCheckCompatibilityWithoutRegistering() {
        abort("Apicurio " + VERSION + " answers ?verbose=true with an empty messages list");
    }

    @Override
    @Test
    void shouldLetASubjectLevelOverrideTheGlobalOne() {
        abort("Apicurio " + VERSION + " answers GET /config/{subject} with a level (NONE) for a subject that has "
                + "none of its own, where Confluent answers 404/40408");
    }

    private static Optional<Path> java21OrLater() throws IOException {
        String configured = System.getProperty("pfp.apicurio.java");
        if (configured != null) {
            return Optional.of(Path.of(configured)).filter(Files::isExecutable);
        }
        if (Runtime.version().feature() >= 21) {
            return Optional.of(Path.of(System.getProperty("java.home"), "bin", "java"));
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(jvms)) {
            return homes.filter(home -> featureVersion(home) >= 21)
                    .max(Comparator.comparingInt(ApicurioRegistryContractIT::featureVersion))
                    .map(home -> home.resolve("bin/java"))
                    .filter(Files::isExecutable);
        }
    }

    /** The feature version a JDK's {@code release} file declares, e.g. 25; 0 when unreadable. */
    private static int featureVersion(Path home) {
        try (Stream<String> lines = Files.lines(home.resolve("release"))) {
            return lines.filter(line -> line.startsWith("JAVA_VERSION="))
                    .map(line -> line.substring("JAVA_VERSION=".length()).replace("\"", ""))
                    .map(version -> Integer.parseInt(version.split("[.+-]")[0]))
                    .findFirst()
                    .orElse(0);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}

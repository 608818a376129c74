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
 * second independent implementation of the same REST API. Apicurio 3 is a Quarkus application that
 * needs Java 21 or later; the test runs it as a child process from its Maven Central distribution.
 *
 * <p>Opt-in by presence, so that no build downloads 150 MB it did not ask for: fetch the archive once
 * with {@code mvn dependency:get -Dartifact=io.apicurio:apicurio-registry-app:3.3.3:tar.gz:all}, and
 * have a JDK 21+ under /usr/lib/jvm (or name one with -Dpfp.apicurio.java=/path/to/bin/java). The
 * test is skipped, saying which is missing, otherwise.
 */
class ApicurioRegistryContractIT extends SchemaRegistryContract {

    private static final String VERSION = "3.3.3";
    private static final String CCOMPAT_PATH = "/apis/ccompat/v7";

    private static Process apicurio;
    private static String url;

    @BeforeAll
    static void startApicurio() throws IOException, InterruptedException {
        Path archive = localRepository().resolve("io/apicurio/apicurio-registry-app/" + VERSION
                + "/apicurio-registry-app-" + VERSION + "-all.tar.gz");
        assumeTrue(Files.isRegularFile(archive), "Apicurio Registry " + VERSION + " is not in the local Maven "
                + "repository (" + archive + "): skipping the contract run against it; fetch it with "
                + "mvn dependency:get -Dartifact=io.apicurio:apicurio-registry-app:" + VERSION + ":tar.gz:all");
        Optional<Path> java = java21OrLater();
        assumeTrue(java.isPresent(), "No Java 21+ found (Apicurio " + VERSION + " needs one): skipping the contract "
                + "run against Apicurio; name one with -Dpfp.apicurio.java=/path/to/bin/java");

        Path home = unpacked(archive);
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

    private static Path localRepository() {
        String configured = System.getProperty("maven.repo.local");
        return configured != null ? Path.of(configured) : Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    /** Unpacks once per build directory; later runs reuse it. */
    private static Path unpacked(Path archive) throws IOException, InterruptedException {
        Path home = Path.of("target", "apicurio-" + VERSION).toAbsolutePath();
        if (!Files.isRegularFile(home.resolve("quarkus-run.jar"))) {
            Files.createDirectories(home);
            Process tar = new ProcessBuilder("tar", "xzf", archive.toString(), "-C", home.toString())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(tar.getInputStream().readAllBytes());
            assumeTrue(tar.waitFor() == 0, "Cannot unpack " + archive + " with tar: " + output);
        }
        return home;
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

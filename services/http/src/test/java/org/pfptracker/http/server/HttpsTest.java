package org.pfptracker.http.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server with TLS on, called by a client that trusts its certificate, and by one speaking plain HTTP. */
class HttpsTest {

    private static final SelfSignedCertificate CERTIFICATE = SelfSignedCertificate.create();
    private static final String HSTS = "strict-transport-security";

    @TempDir
    Path dir;
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
    private TestServer server;

    @AfterEach
    void stop() {
        clock.shutdownNow();
        if (server != null) {
            server.close();
        }
    }

    @Test
    void shouldAnswerOverHttpsWithHstsOnEveryAnswerGivenPemFiles() throws Exception {
        // Given a server with a PEM certificate and PKCS#8 key
        server = TestServer.start(ServerSettings.DEFAULTS.withTls(new TlsSettings(new TlsSettings.PemFiles(
                CERTIFICATE.writeCertificate(dir.resolve("cert.pem")), CERTIFICATE.writePkcs8Key(dir.resolve("key.pem"), null),
                null), Duration.ofDays(365))));

        // When a client trusting the certificate calls a route, and a path that does not exist
        HttpResponse<String> live = trustingClient().send(get(server.url("/health/live")), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> missing = trustingClient().send(get(server.url("/nowhere")), HttpResponse.BodyHandlers.ofString());

        // Then both are answered, each telling browsers to use HTTPS only for a year
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(live.headers().firstValue(HSTS)).hasValue("max-age=31536000");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue(HSTS)).hasValue("max-age=31536000");
    }

    @Test
    void shouldSendHstsOnTheErrorsJettyAnswersItselfToo() throws Exception {
        // Given a server with TLS on
        server = TestServer.start(ServerSettings.DEFAULTS.withTls(new TlsSettings(new TlsSettings.KeyStoreFile(
                CERTIFICATE.writePkcs12(dir.resolve("server.p12"), "changeit"), "changeit"), Duration.ofDays(365))));

        // When requests are refused before any route runs: a path that cannot be decoded, headers too large
        HttpResponse<String> undecodable = trustingClient().send(get(server.url("/health/%00")),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> tooLarge = trustingClient().send(HttpRequest.newBuilder(URI.create(server.url("/health/live")))
                .header("X-Big", "b".repeat(10_000)).timeout(Duration.ofSeconds(5)).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        // Then those answers, too, tell browsers to use HTTPS only
        assertThat(undecodable.statusCode()).isEqualTo(400);
        assertThat(undecodable.headers().firstValue(HSTS)).hasValue("max-age=31536000");
        assertThat(tooLarge.statusCode()).isEqualTo(431);
        assertThat(tooLarge.headers().firstValue(HSTS)).hasValue("max-age=31536000");
    }

    @Test
    void shouldAnswerOverHttpsGivenAPkcs12KeyStore() throws Exception {
        // Given a server with a PKCS#12 key store
        server = TestServer.start(ServerSettings.DEFAULTS.withTls(new TlsSettings(new TlsSettings.KeyStoreFile(
                CERTIFICATE.writePkcs12(dir.resolve("server.p12"), "changeit"), "changeit"), Duration.ofHours(1))));

        // When a client trusting the certificate calls it
        HttpResponse<String> live = trustingClient().send(get(server.url("/health/live")), HttpResponse.BodyHandlers.ofString());

        // Then it is answered with the configured max-age
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(live.headers().firstValue(HSTS)).hasValue("max-age=3600");
    }

    @Test
    void shouldNotServePlainHttpOnTheTlsPort() {
        // Given a server with TLS on
        server = TestServer.start(ServerSettings.DEFAULTS.withTls(new TlsSettings(new TlsSettings.KeyStoreFile(
                CERTIFICATE.writePkcs12(dir.resolve("server.p12"), "changeit"), "changeit"), Duration.ofDays(365))));

        // When a client speaks plain HTTP to its port
        HttpRequest plain = get("http://127.0.0.1:" + server.port() + "/health/live");

        // Then it gets no answer at all
        assertThatThrownBy(() -> HttpClient.newHttpClient().send(plain, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
    }

    @Test
    void shouldCloseAConnectionWhoseTlsHandshakeTrickles() {
        // Given a server with TLS that gives a request 500 ms from its first byte (idle timeout 30 s)
        server = TestServer.start(new ServerSettings(new ServerLimits(Duration.ofSeconds(30), Duration.ofMillis(500), 1024,
                8192, 16, 0), Optional.of(new TlsSettings(new TlsSettings.KeyStoreFile(
                CERTIFICATE.writePkcs12(dir.resolve("server.p12"), "changeit"), "changeit"), Duration.ofDays(365)))));

        // When a client starts a TLS record announcing 80 bytes of handshake, then sends one byte every 100 ms
        RawClient slow = RawClient.connect("127.0.0.1", server.port());
        slow.send("\u0016\u0003\u0001\u0000\u0050\u0001");
        long start = System.nanoTime();
        clock.scheduleAtFixedRate(() -> slow.send("\u0000"), 100, 100, TimeUnit.MILLISECONDS);

        // Then the connection is closed within one to two timeouts, not left to the idle timeout
        try (slow) {
            await().atMost(Duration.ofSeconds(3)).until(() -> slow.closedByServer(1));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2_000));
        }
    }

    @Test
    void shouldSendNoHstsWithoutTls() throws Exception {
        // Given a server without TLS
        server = TestServer.start(ServerSettings.DEFAULTS);

        // When it is called over plain HTTP
        HttpResponse<String> live = HttpClient.newHttpClient().send(get(server.url("/health/live")),
                HttpResponse.BodyHandlers.ofString());

        // Then it answers, and says nothing of HTTPS (a browser ignores HSTS over HTTP, and it would be untrue)
        assertThat(server.url("/")).startsWith("http://");
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(live.headers().firstValue(HSTS)).isEmpty();
    }

    @Test
    void shouldFailToStartNamingTheFileWhenTheKeyStorePasswordIsWrong() {
        // Given a key store and a wrong password for it
        Path store = CERTIFICATE.writePkcs12(dir.resolve("server.p12"), "changeit");
        ServerSettings settings = ServerSettings.DEFAULTS.withTls(new TlsSettings(new TlsSettings.KeyStoreFile(store,
                "wrong"), Duration.ofDays(365)));

        // When the server starts, then it refuses, naming the file
        assertThatThrownBy(() -> TestServer.start(settings)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(store.toString());
    }

    private static HttpClient trustingClient() {
        return HttpClient.newBuilder().sslContext(CERTIFICATE.trustingContext()).build();
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build();
    }
}

package org.pfptracker.tracker.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pfptracker.core.config.Settings;
import org.pfptracker.http.access.AccessControl;
import org.pfptracker.http.access.AccessSettings;
import org.pfptracker.http.server.ServerSettings;
import org.pfptracker.kafka.embedded.security.CertificateAuthority;
import org.pfptracker.tracker.config.TrackerSettings;
import org.pfptracker.tracker.query.ViewFixtures;
import org.pfptracker.tracker.stream.StreamOptions;

/** The query API as its tracker.http.* settings make it listen: HTTPS from PEM files, and its limits. */
class TrackerHttpsTest {

    private static final CertificateAuthority AUTHORITY = CertificateAuthority.create("pfp test CA", Duration.ofDays(1));

    @TempDir
    Path dir;
    private final List<Socket> sockets = new ArrayList<>();
    private TrackerHttpServer server;
    private HostInfo host;

    @AfterEach
    void stop() throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void shouldAnswerOverHttpsOnlyWithHstsGivenPemFiles() throws Exception {
        // Given a tracker whose settings name a PEM certificate chain and key
        start(pemFiles());

        // When a client trusting the authority reads the health probe and an unknown partner
        HttpClient trusting = HttpClient.newBuilder().sslContext(AUTHORITY.clientContext()).build();
        HttpResponse<String> live = trusting.send(get("https", "/health/live"), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> unknown = trusting.send(get("https", "/api/v1/partners/atlantis"),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> signOut = trusting.send(signOut("https"), HttpResponse.BodyHandlers.ofString());

        // Then both carry HSTS, and plain HTTP on the port gets no answer
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(live.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000");
        // And the session cookie is one a browser sends over HTTPS only
        assertThat(signOut.headers().firstValue("Set-Cookie")).hasValueSatisfying(cookie ->
                assertThat(cookie).containsIgnoringCase("; Secure"));
        assertThatThrownBy(() -> HttpClient.newHttpClient().send(get("http", "/health/live"),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
    }

    @Test
    void shouldForwardAQueryToAnotherInstanceOverHttps() throws Exception {
        // Given two instances serving HTTPS with the same certificate, georgia held by A only
        ServerSettings tls = TrackerSettings.httpServer(Settings.of(pemFiles()));
        HostInfo a = new HostInfo("127.0.0.1", TwoInstances.freePort());
        HostInfo b = new HostInfo("127.0.0.1", TwoInstances.freePort());
        FakeViews viewsOfA = new FakeViews();
        viewsOfA.holdActive(ViewFixtures.partner("georgia", "Georgia", 4));
        TrackerHttpServer serverA = startInstance(a, tls, viewsOfA, a);
        try (TrackerHttpServer serverB = startInstance(b, tls, new FakeViews(), a)) {
            // When B is asked for georgia
            HttpResponse<String> answer = HttpClient.newBuilder().sslContext(AUTHORITY.clientContext()).build().send(
                    HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + b.port() + "/api/v1/partners/georgia"))
                            .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());

            // Then B forwarded it to A over HTTPS, and A's store answered
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(answer.headers().firstValue("X-PFP-Served-By")).hasValue("127.0.0.1:" + a.port());
        } finally {
            serverA.close();
        }
    }

    private static TrackerHttpServer startInstance(HostInfo self, ServerSettings tls, FakeViews views, HostInfo georgiaOn) {
        FakeRouting routing = new FakeRouting();
        routing.self(self);
        routing.place("georgia", georgiaOn);
        return TrackerHttpServer.start(new HttpOptions(self.host(), self.port(), Duration.ofSeconds(2),
                        Duration.ofSeconds(3), Clock.systemUTC(), AccessControl.of(AccessSettings.off(), "pfp-tracker", "test"),
                        "tracker-https-test-secret", tls), StreamOptions.DEFAULTS,
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), views, routing);
    }

    @Test
    void shouldSendNoHstsWithoutTls() throws Exception {
        // Given a tracker without tracker.http.tls.* settings
        start(Map.of());

        // When called over plain HTTP
        HttpResponse<String> live = HttpClient.newHttpClient().send(get("http", "/health/live"),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> signOut = HttpClient.newHttpClient().send(signOut("http"),
                HttpResponse.BodyHandlers.ofString());

        // Then it answers without HSTS, and its session cookie works over plain HTTP
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(live.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(signOut.headers().firstValue("Set-Cookie")).hasValueSatisfying(cookie ->
                assertThat(cookie).doesNotContainIgnoringCase("Secure"));
    }

    @Test
    void shouldCloseConnectionsBeyondItsLimitPerClient() throws Exception {
        // Given a tracker allowing two connections per client, and one client holding two
        start(Map.of("tracker.http.max.connections.per.client", "2"));
        assertThat(firstLineOfAnswer(connect("127.0.0.1"))).isEqualTo("HTTP/1.1 200 OK");
        assertThat(firstLineOfAnswer(connect("127.0.0.1"))).isEqualTo("HTTP/1.1 200 OK");

        // When it opens a third, and another client opens one
        String third = firstLineOfAnswer(connect("127.0.0.1"));
        String other = firstLineOfAnswer(connect("127.0.0.2"));

        // Then the third is closed unanswered; the other client is answered
        assertThat(third).isEmpty();
        assertThat(other).isEqualTo("HTTP/1.1 200 OK");
    }

    private void start(Map<String, String> values) {
        ServerSettings serverSettings = TrackerSettings.httpServer(Settings.of(values));
        FakeRouting routing = new FakeRouting();
        host = new HostInfo("127.0.0.1", TwoInstances.freePort());
        routing.self(host);
        server = TrackerHttpServer.start(new HttpOptions(host.host(), host.port(), Duration.ofMillis(500),
                        Duration.ofSeconds(3), Clock.systemUTC(), AccessControl.of(AccessSettings.off(), "pfp-tracker", "test"),
                        "tracker-https-test-secret", serverSettings), StreamOptions.DEFAULTS,
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), new FakeViews(), routing);
    }

    private HttpRequest get(String scheme, String path) {
        return HttpRequest.newBuilder(URI.create(scheme + "://127.0.0.1:" + host.port() + path))
                .timeout(Duration.ofSeconds(5)).GET().build();
    }

    private HttpRequest signOut(String scheme) {
        return HttpRequest.newBuilder(URI.create(scheme + "://127.0.0.1:" + host.port() + "/api/v1/session"))
                .timeout(Duration.ofSeconds(5)).DELETE().build();
    }

    private Socket connect(String sourceAddress) throws IOException {
        Socket socket = new Socket();
        sockets.add(socket);
        socket.bind(new InetSocketAddress(InetAddress.getByName(sourceAddress), 0));
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), host.port()), 2_000);
        return socket;
    }

    /** Asks for the health probe on a kept-alive connection; the answer's status line, empty when closed unanswered. */
    private static String firstLineOfAnswer(Socket socket) throws IOException {
        socket.setSoTimeout(2_000);
        try {
            socket.getOutputStream().write("GET /health/live HTTP/1.1\r\nHost: pfp\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] start = socket.getInputStream().readNBytes(15);
            return new String(start, StandardCharsets.US_ASCII);
        } catch (IOException closed) {
            return "";
        }
    }

    /**
     * A certificate for 127.0.0.1 issued by the test authority, written as the tracker's settings name it: the chain
     * (the server's certificate, then the authority's) and the PKCS#8 key, both PEM.
     */
    private Map<String, String> pemFiles() throws IOException {
        CertificateAuthority.IssuedCertificate issued = AUTHORITY.issueServerCertificate("tracker",
                List.of("localhost", "127.0.0.1"));
        Path chain = dir.resolve("tracker.pem");
        Path key = dir.resolve("tracker.key");
        issued.writePem(chain, key);
        return Map.of("tracker.http.tls.cert", chain.toString(), "tracker.http.tls.key", key.toString());
    }

}

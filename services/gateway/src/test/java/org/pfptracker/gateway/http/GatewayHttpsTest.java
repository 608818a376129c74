package org.pfptracker.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pfptracker.core.config.Settings;
import org.pfptracker.gateway.config.GatewaySettings;
import org.pfptracker.gateway.idempotency.IdempotencyStore;
import org.pfptracker.gateway.partner.Directories;
import org.pfptracker.http.server.ServerSettings;
import org.pfptracker.kafka.embedded.security.CertificateAuthority;
import org.pfptracker.platform.event.EventCatalogue;
import org.pfptracker.platform.event.Events;
import org.pfptracker.publisher.PublishReceipt;

/** The gateway over HTTPS, from its own settings (a PKCS#12 key store), and over plain HTTP without them. */
class GatewayHttpsTest {

    private static final CertificateAuthority AUTHORITY = CertificateAuthority.create("pfp test CA", Duration.ofDays(1));
    private static final String PASSWORD = "gateway-test";

    @TempDir
    Path dir;
    private GatewayHttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void shouldAnswerOverHttpsOnlyWithHstsGivenAKeyStoreInItsSettings() throws Exception {
        // Given a gateway whose settings name a key store
        ServerSettings https = GatewaySettings.httpServer(Settings.of(Map.of(
                "gateway.http.tls.keystore", keyStore().toString(), "gateway.http.tls.keystore.password", PASSWORD)));
        server = start(https);

        // When a client trusting the authority calls its health probe and an unknown path
        HttpClient trusting = HttpClient.newBuilder().sslContext(AUTHORITY.clientContext()).build();
        HttpResponse<String> live = trusting.send(get("https://127.0.0.1:" + server.port() + "/health/live"),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> missing = trusting.send(get("https://127.0.0.1:" + server.port() + "/nowhere"),
                HttpResponse.BodyHandlers.ofString());

        // Then both answers carry HSTS, and plain HTTP on the same port gets no answer
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(live.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000");
        assertThatThrownBy(() -> HttpClient.newHttpClient().send(get("http://127.0.0.1:" + server.port() + "/health/live"),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
    }

    @Test
    void shouldSendNoHstsWithoutTls() throws Exception {
        // Given a gateway with no gateway.http.tls.* setting
        server = start(GatewaySettings.httpServer(Settings.of(Map.of())));

        // When it is called over plain HTTP
        HttpResponse<String> live = HttpClient.newHttpClient().send(get("http://127.0.0.1:" + server.port()
                + "/health/live"), HttpResponse.BodyHandlers.ofString());

        // Then it answers without HSTS
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(live.headers().firstValue("Strict-Transport-Security")).isEqualTo(Optional.empty());
    }

    private GatewayHttpServer start(ServerSettings settings) {
        return GatewayHttpServer.start(new HttpOptions("127.0.0.1", 0, 65536, Duration.ofSeconds(1), "test")
                        .withServer(settings),
                Directories.complete("georgia"), (event, traceparent) -> CompletableFuture.completedFuture(
                        new PublishReceipt(Events.metadataOf(event).getEventId().toString(),
                                EventCatalogue.typeOf(event).topic(), 0, 1)),
                new IdempotencyStore<>(Duration.ofMinutes(1), 10, Clock.systemUTC()), Clock.systemUTC());
    }

    /** A server certificate for 127.0.0.1 issued by the test authority, in a PKCS#12 store. */
    private Path keyStore() throws Exception {
        CertificateAuthority.IssuedCertificate issued = AUTHORITY.issueServerCertificate("gateway",
                List.of("localhost", "127.0.0.1"));
        Path file = dir.resolve("gateway.p12");
        issued.writePkcs12(file, "gateway", PASSWORD);
        return file;
    }


    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build();
    }
}

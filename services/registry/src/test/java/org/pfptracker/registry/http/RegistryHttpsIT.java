package org.pfptracker.registry.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.pfptracker.http.server.ServerSettings;
import org.pfptracker.http.server.TlsSettings;
import org.pfptracker.kafka.embedded.security.CertificateAuthority;
import org.pfptracker.kafka.junit.KafkaTestCluster;
import org.pfptracker.kafka.junit.UniqueNames;
import org.pfptracker.kafka.junit.WithKafka;
import org.pfptracker.registry.RegistryConfig;
import org.pfptracker.registry.SchemaRegistryServer;

/** The registry over HTTPS (an encrypted PEM key), and over plain HTTP without TLS. */
@WithKafka
@Timeout(120)
class RegistryHttpsIT {

    private static final CertificateAuthority AUTHORITY = CertificateAuthority.create("pfp test CA", Duration.ofDays(1));

    @TempDir
    Path dir;

    @Test
    void shouldAnswerOverHttpsOnlyWithHsts(KafkaTestCluster kafka) throws Exception {
        // Given a registry with a PEM certificate chain and an encrypted PKCS#8 key
        try (SchemaRegistryServer registry = SchemaRegistryServer.start(config(kafka).withHttp(
                ServerSettings.DEFAULTS.withTls(new TlsSettings(pemFiles("s3cret"), Duration.ofDays(365)))))) {

            // When a client trusting the authority lists the subjects at the registry's URL
            HttpClient trusting = HttpClient.newBuilder().sslContext(AUTHORITY.clientContext()).build();
            HttpResponse<String> subjects = trusting.send(get(registry.url().resolve("/subjects")),
                    HttpResponse.BodyHandlers.ofString());

            // Then the URL is https, the answer carries HSTS, and plain HTTP on the port gets no answer
            assertThat(registry.url().getScheme()).isEqualTo("https");
            assertThat(subjects.statusCode()).isEqualTo(200);
            assertThat(subjects.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000");
            URI plain = URI.create("http://127.0.0.1:" + registry.url().getPort() + "/subjects");
            assertThatThrownBy(() -> HttpClient.newHttpClient().send(get(plain), HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(IOException.class);
        }
    }

    @Test
    void shouldSendNoHstsWithoutTls(KafkaTestCluster kafka) throws Exception {
        // Given a registry without TLS
        try (SchemaRegistryServer registry = SchemaRegistryServer.start(config(kafka))) {

            // When called over plain HTTP
            HttpResponse<String> subjects = HttpClient.newHttpClient().send(get(registry.url().resolve("/subjects")),
                    HttpResponse.BodyHandlers.ofString());

            // Then it answers without HSTS
            assertThat(registry.url().getScheme()).isEqualTo("http");
            assertThat(subjects.statusCode()).isEqualTo(200);
            assertThat(subjects.headers().firstValue("Strict-Transport-Security")).isEmpty();
        }
    }

    private static RegistryConfig config(KafkaTestCluster kafka) {
        return RegistryConfig.forBootstrapServers(kafka.bootstrapServers()).withPort(0)
                .withTopic(UniqueNames.of("schemas"));
    }

    /** A certificate for 127.0.0.1 from the test authority: the chain and the key encrypted with the password. */
    private TlsSettings.PemFiles pemFiles(String password) throws Exception {
        CertificateAuthority.IssuedCertificate issued = AUTHORITY.issueServerCertificate("registry",
                List.of("localhost", "127.0.0.1"));
        Path chain = dir.resolve("registry.pem");
        Path key = dir.resolve("registry.key");
        issued.writePem(chain, key, password);
        return new TlsSettings.PemFiles(chain, key, password);
    }


    private static HttpRequest get(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build();
    }
}

package org.pfptracker.kafka.embedded.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsStoresTest {

    private static final String PASSWORD = "store-password";

    @TempDir
    Path directory;

    @Test
    void shouldWriteABrokerCertificateThatTheClientsTrustStoreTrusts() throws Exception {
        // When
        TlsStores stores = TlsStores.create(directory, List.of("127.0.0.1", "localhost"), PASSWORD);

        // Then the broker's chain passes the JDK's own checks against the trust store
        X509Certificate[] chain = Arrays.stream(load(stores.keyStore()).getCertificateChain("pfp-kafka-broker"))
                .map(X509Certificate.class::cast)
                .toArray(X509Certificate[]::new);
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(load(stores.trustStore()));
        X509TrustManager trust = (X509TrustManager) factory.getTrustManagers()[0];
        trust.checkServerTrusted(chain, "ECDHE_ECDSA");

        // And it names every host, as clients check
        assertThat(chain[0].getSubjectAlternativeNames())
                .extracting(name -> (Object) name.get(1))
                .containsExactlyInAnyOrder("127.0.0.1", "localhost");
        assertThat(chain[0].getBasicConstraints()).isEqualTo(-1);
    }

    @Test
    void shouldKeepThePrivateKeyFromOthersAndPublishTheAuthority() throws Exception {
        // When
        TlsStores stores = TlsStores.create(directory, List.of("localhost"), PASSWORD);

        // Then
        assertThat(permissions(stores.keyStore())).isEqualTo("rw-------");
        assertThat(permissions(stores.trustStore())).isEqualTo("rw-r--r--");
        Certificate trusted = load(stores.trustStore()).getCertificate("pfp-kafka-ca");
        try (InputStream pem = Files.newInputStream(stores.caCertificate())) {
            assertThat(CertificateFactory.getInstance("X.509").generateCertificate(pem)).isEqualTo(trusted);
        }
    }

    @Test
    void shouldMakeANewAuthorityEachTime() throws Exception {
        // Given
        TlsStores first = TlsStores.create(directory.resolve("first"), List.of("localhost"), PASSWORD);
        TlsStores second = TlsStores.create(directory.resolve("second"), List.of("localhost"), PASSWORD);

        // When / Then
        assertThat(load(second.trustStore()).getCertificate("pfp-kafka-ca"))
                .isNotEqualTo(load(first.trustStore()).getCertificate("pfp-kafka-ca"));
    }

    private static KeyStore load(Path file) throws Exception {
        KeyStore store = KeyStore.getInstance(TlsStores.STORE_TYPE);
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, PASSWORD.toCharArray());
        }
        return store;
    }

    private static String permissions(Path file) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }
}

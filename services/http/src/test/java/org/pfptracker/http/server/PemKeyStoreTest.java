package org.pfptracker.http.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyStore;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** PEM keys in the forms operators have them, and the mistakes they make with them. */
class PemKeyStoreTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"EC PKCS#8", "EC PKCS#8 encrypted", "EC SEC1", "RSA PKCS#8", "RSA PKCS#1"})
    void shouldReadTheKeyAndChainIntoAKeyStore(String form) throws Exception {
        // Given a certificate and its key in one of the forms
        SelfSignedCertificate certificate = SelfSignedCertificate.create(form.substring(0, form.indexOf(' ')));
        Path cert = certificate.writeCertificate(dir.resolve("cert.pem"));
        String password = form.endsWith("encrypted") ? "s3cret" : null;
        Path key = form.contains("PKCS#8") ? certificate.writePkcs8Key(dir.resolve("key.pem"), password)
                : certificate.writeTraditionalKey(dir.resolve("key.pem"));

        // When they are read
        TlsSettings.LoadedKeys loaded = PemKeyStore.read(cert, key, password);

        // Then the store holds that key with its certificate
        KeyStore store = loaded.store();
        String alias = Collections.list(store.aliases()).get(0);
        assertThat(secretOf(store.getKey(alias, loaded.password().toCharArray()))).isEqualTo(secretOf(certificate.privateKey()));
        assertThat(store.getCertificateChain(alias)).hasSize(1);
    }

    /** The key's secret number: encodings of one key differ (the curve inside or outside), the number does not. */
    private static BigInteger secretOf(Key key) {
        return key instanceof ECPrivateKey ec ? ec.getS() : ((RSAPrivateKey) key).getPrivateExponent();
    }

    @Test
    void shouldSayThatAnEncryptedKeyNeedsItsPassword() {
        SelfSignedCertificate certificate = SelfSignedCertificate.create();
        Path cert = certificate.writeCertificate(dir.resolve("cert.pem"));
        Path key = certificate.writePkcs8Key(dir.resolve("key.pem"), "s3cret");

        assertThatThrownBy(() -> PemKeyStore.read(cert, key, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(key.toString()).hasMessageContaining("encrypted");
    }

    @Test
    void shouldNameTheKeyFileWhenItsPasswordIsWrong() {
        SelfSignedCertificate certificate = SelfSignedCertificate.create();
        Path cert = certificate.writeCertificate(dir.resolve("cert.pem"));
        Path key = certificate.writePkcs8Key(dir.resolve("key.pem"), "s3cret");

        assertThatThrownBy(() -> PemKeyStore.read(cert, key, "wrong")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(key.toString());
    }

    @Test
    void shouldRefuseAKeyThatDoesNotBelongToTheCertificate() {
        // Given one certificate and another certificate's key
        Path cert = SelfSignedCertificate.create().writeCertificate(dir.resolve("cert.pem"));
        Path otherKey = SelfSignedCertificate.create().writePkcs8Key(dir.resolve("key.pem"), null);

        // When they are read together, then the mix-up is named
        assertThatThrownBy(() -> PemKeyStore.read(cert, otherKey, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not belong");
    }

    @Test
    void shouldSayWhenTheCertificateFileHoldsNoCertificate() throws Exception {
        SelfSignedCertificate certificate = SelfSignedCertificate.create();
        Path key = certificate.writePkcs8Key(dir.resolve("key.pem"), null);
        // The key given where the certificate should be: a common mix-up
        Path notACertificate = Files.copy(key, dir.resolve("cert.pem"));

        assertThatThrownBy(() -> PemKeyStore.read(notACertificate, key, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(notACertificate.toString());
    }
}

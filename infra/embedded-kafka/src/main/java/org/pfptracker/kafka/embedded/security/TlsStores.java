package org.pfptracker.kafka.embedded.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.Objects;
import org.pfptracker.kafka.embedded.security.CertificateAuthority.IssuedCertificate;

/**
 * The TLS files of a secured cluster, in one directory: the brokers' key store (their key and
 * certificate chain), the clients' trust store (the authority's certificate), both PKCS12 under one
 * password, and the authority's certificate as PEM for clients that are not Java ({@code kcat},
 * librdkafka: {@code ssl.ca.location}).
 *
 * @param keyStore      the brokers' PKCS12 key store, readable by its owner alone
 * @param trustStore    the clients' PKCS12 trust store
 * @param caCertificate the authority's certificate, PEM
 * @param password      the password of both stores and of the key in the key store
 */
public record TlsStores(Path keyStore, Path trustStore, Path caCertificate, String password) {

    /** The type of both stores, as {@code ssl.keystore.type} and {@code ssl.truststore.type} name it. */
    public static final String STORE_TYPE = "PKCS12";
    /** The file names, fixed so that users and tools find them. */
    public static final String KEY_STORE_FILE = "pfp-kafka-broker.p12";
    public static final String TRUST_STORE_FILE = "pfp-kafka-truststore.p12";
    public static final String CA_CERTIFICATE_FILE = "pfp-kafka-ca.pem";

    /**
     * A year: made again at every start of the embedded node and of every test cluster, the material
     * never needs renewing while it is in use.
     */
    static final Duration VALIDITY = Duration.ofDays(365);
    private static final String KEY_ALIAS = "pfp-kafka-broker";
    private static final String CA_ALIAS = "pfp-kafka-ca";

    public TlsStores {
        Objects.requireNonNull(keyStore, "keyStore");
        Objects.requireNonNull(trustStore, "trustStore");
        Objects.requireNonNull(caCertificate, "caCertificate");
        Objects.requireNonNull(password, "password");
    }

    /**
     * Makes a new authority and a broker certificate valid for {@code hosts}, and writes the three
     * files into {@code directory}, replacing any made before.
     */
    public static TlsStores create(Path directory, Collection<String> hosts, String password) {
        CertificateAuthority authority = CertificateAuthority.create("pfp-tracker Kafka CA", VALIDITY);
        IssuedCertificate broker = authority.issueServerCertificate("pfp-tracker Kafka broker", hosts);
        TlsStores stores = new TlsStores(directory.resolve(KEY_STORE_FILE), directory.resolve(TRUST_STORE_FILE),
                directory.resolve(CA_CERTIFICATE_FILE), password);
        char[] secret = password.toCharArray();
        try {
            KeyStore keyStore = emptyStore();
            keyStore.setKeyEntry(KEY_ALIAS, broker.privateKey(), secret, broker.chain().toArray(Certificate[]::new));
            OwnerOnlyFiles.writeSecret(stores.keyStore(), bytesOf(keyStore, secret));

            KeyStore trustStore = emptyStore();
            trustStore.setCertificateEntry(CA_ALIAS, authority.certificate());
            OwnerOnlyFiles.writePublic(stores.trustStore(), bytesOf(trustStore, secret));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Could not write the TLS stores into " + directory, e);
        }
        OwnerOnlyFiles.writePublic(stores.caCertificate(), pem(authority.certificate()));
        return stores;
    }

    @Override
    public String toString() {
        return "TlsStores[keyStore=" + keyStore + ", trustStore=" + trustStore + ", caCertificate=" + caCertificate
                + ", password hidden]";
    }

    private static KeyStore emptyStore() throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance(STORE_TYPE);
        store.load(null, null);
        return store;
    }

    private static byte[] bytesOf(KeyStore store, char[] password) throws GeneralSecurityException, IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.store(out, password);
        return out.toByteArray();
    }

    private static byte[] pem(X509Certificate certificate) {
        try {
            String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(certificate.getEncoded());
            return ("-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n")
                    .getBytes(StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encode the CA certificate", e);
        }
    }
}

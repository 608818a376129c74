package org.pfptracker.kafka.embedded.security;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.IPAddress;

/**
 * A self-signed certificate authority made at run time, which issues the brokers' TLS certificates.
 * Keys are EC P-256 (fast to generate, small handshakes) from the JDK; Bouncy Castle builds and
 * signs the certificates, which the JDK's public API cannot do.
 *
 * <p>Its private key lives in memory only: a new authority is made whenever the material is made
 * again, and clients trust whatever the trust store written beside the brokers holds.
 */
public final class CertificateAuthority {

    private static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";
    /** Certificates start an hour early, so that a clock slightly behind ours still accepts them. */
    private static final Duration CLOCK_SKEW = Duration.ofHours(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyPair keyPair;
    private final X509Certificate certificate;
    private final Duration validity;

    private CertificateAuthority(KeyPair keyPair, X509Certificate certificate, Duration validity) {
        this.keyPair = keyPair;
        this.certificate = certificate;
        this.validity = validity;
    }

    /**
     * A new authority named {@code CN=<commonName>, O=pfp-tracker}, whose certificate and the ones it
     * issues are valid for {@code validity} from now.
     */
    public static CertificateAuthority create(String commonName, Duration validity) {
        KeyPair keyPair = newKeyPair();
        X500Name name = name(commonName);
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = builder(name, name, keyPair.getPublic(), validity)
                    // May sign leaf certificates only, not other authorities.
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensions.createSubjectKeyIdentifier(keyPair.getPublic()));
            return new CertificateAuthority(keyPair, sign(builder, keyPair.getPrivate()), validity);
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("Could not create a certificate authority", e);
        }
    }

    /** The authority's own certificate: what clients trust. */
    public X509Certificate certificate() {
        return certificate;
    }

    /** A client's TLS context that trusts this authority alone: what a test's HTTPS client needs. */
    public SSLContext clientContext() {
        try {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry("ca", certificate);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Could not make a TLS context trusting "
                    + certificate.getSubjectX500Principal(), e);
        }
    }

    /**
     * A certificate for a TLS server (usable as a client too, for inter-broker connections) valid
     * for every one of {@code hosts}: host names become DNS names, IP literals IP addresses, of its
     * subject alternative names, which clients check the address they dialled against.
     */
    public IssuedCertificate issueServerCertificate(String commonName, Collection<String> hosts) {
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("A server certificate needs at least one host");
        }
        KeyPair serverKeys = newKeyPair();
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X500Name issuer = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
            X509v3CertificateBuilder builder = builder(issuer, name(commonName), serverKeys.getPublic(), validity)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                            new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}))
                    .addExtension(Extension.subjectAlternativeName, false, alternativeNames(hosts))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensions.createSubjectKeyIdentifier(serverKeys.getPublic()))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            extensions.createAuthorityKeyIdentifier(certificate));
            X509Certificate issued = sign(builder, keyPair.getPrivate());
            return new IssuedCertificate(serverKeys.getPrivate(), List.of(issued, certificate));
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("Could not issue a certificate for " + hosts, e);
        }
    }

    /**
     * A certificate with its private key.
     *
     * @param privateKey the key the certificate's public key belongs to
     * @param chain      the certificate first, then the authority's
     */
    public record IssuedCertificate(PrivateKey privateKey, List<X509Certificate> chain) {

        public IssuedCertificate {
            chain = List.copyOf(chain);
        }

        /** The certificate itself, without the authority's. */
        public X509Certificate certificate() {
            return chain.get(0);
        }

        /** Writes the chain and the PKCS#8 key as PEM files, as servers configured by file paths read them. */
        public void writePem(Path chainFile, Path keyFile) throws IOException {
            writePem(chainFile, keyFile, null);
        }

        /**
         * Writes the chain and the PKCS#8 key as PEM files, the key encrypted (AES-256-CBC) with {@code password}
         * unless it is null.
         */
        public void writePem(Path chainFile, Path keyFile, String password) throws IOException {
            try (Writer out = Files.newBufferedWriter(chainFile); JcaPEMWriter pem = new JcaPEMWriter(out)) {
                for (X509Certificate certificate : chain) {
                    pem.writeObject(certificate);
                }
            }
            try (Writer out = Files.newBufferedWriter(keyFile); JcaPEMWriter pem = new JcaPEMWriter(out)) {
                pem.writeObject(new JcaPKCS8Generator(privateKey, password == null ? null
                        : new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.AES_256_CBC)
                                .setProvider(new BouncyCastleProvider()).setPassword(password.toCharArray()).build()));
            } catch (OperatorCreationException e) {
                throw new IllegalStateException("Could not encrypt the key of " + this, e);
            }
        }

        /** Writes the key and the chain as a PKCS#12 store under {@code alias}, protected by {@code password}. */
        public void writePkcs12(Path file, String alias, String password) throws IOException {
            try (OutputStream out = Files.newOutputStream(file)) {
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(null, null);
                store.setKeyEntry(alias, privateKey, password.toCharArray(), chain.toArray(new Certificate[0]));
                store.store(out, password.toCharArray());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Could not write a PKCS#12 store of " + this, e);
            }
        }

        @Override
        public String toString() {
            return "IssuedCertificate[" + certificate().getSubjectX500Principal() + ", private key hidden]";
        }
    }

    private static GeneralNames alternativeNames(Collection<String> hosts) {
        Set<String> distinct = new LinkedHashSet<>(hosts);
        GeneralName[] names = distinct.stream()
                .map(host -> host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host)
                .map(host -> IPAddress.isValid(host)
                        ? new GeneralName(GeneralName.iPAddress, host)
                        : new GeneralName(GeneralName.dNSName, host))
                .toArray(GeneralName[]::new);
        return new GeneralNames(names);
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, PublicKey key,
                                                    Duration validity) {
        Instant now = Instant.now();
        // Positive and unpredictable, as RFC 5280 and browsers' rules ask of serial numbers.
        BigInteger serial = new BigInteger(127, RANDOM).add(BigInteger.ONE);
        return new JcaX509v3CertificateBuilder(issuer, serial, Date.from(now.minus(CLOCK_SKEW)),
                Date.from(now.plus(validity)), subject, key);
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signingKey)
            throws GeneralSecurityException {
        try {
            return new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(signingKey)));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("No " + SIGNATURE_ALGORITHM + " signer", e);
        }
    }

    private static X500Name name(String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.CN, commonName)
                .addRDN(BCStyle.O, "pfp-tracker")
                .build();
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JDK cannot generate EC P-256 keys", e);
        }
    }
}

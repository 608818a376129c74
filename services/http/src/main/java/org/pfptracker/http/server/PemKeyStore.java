package org.pfptracker.http.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * A PEM certificate chain and private key as an in-memory key store, which is what Jetty's TLS takes. The JDK
 * reads PEM certificates itself; Bouncy Castle reads the keys, which come in more forms than the JDK parses.
 */
final class PemKeyStore {

    /**
     * The store lives in this process only and is never written: its password protects nothing, but the JDK's
     * key managers need one.
     */
    private static final String IN_MEMORY_PASSWORD = "pfp-in-memory";
    /** Used only to decrypt keys, never registered JVM-wide. */
    private static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();
    private static final byte[] PROBE = "does this key belong to this certificate?".getBytes(StandardCharsets.US_ASCII);

    private PemKeyStore() {
    }

    /**
     * @throws IllegalArgumentException naming the file when it cannot be read, holds no certificate or key, the
     *     key needs a password not given, or the key does not belong to the first certificate
     */
    static TlsSettings.LoadedKeys read(Path chainFile, Path keyFile, String keyPassword) {
        List<X509Certificate> chain = certificates(chainFile);
        PrivateKey key = privateKey(keyFile, keyPassword);
        if (!belongTogether(key, chain.get(0).getPublicKey())) {
            throw new IllegalArgumentException("The private key " + keyFile + " does not belong to the first certificate of "
                    + chainFile + " (" + chain.get(0).getSubjectX500Principal() + ")");
        }
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("server", key, IN_MEMORY_PASSWORD.toCharArray(), chain.toArray(new Certificate[0]));
            return new TlsSettings.LoadedKeys(store, IN_MEMORY_PASSWORD);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot hold the key of " + keyFile + " in a key store: " + e.getMessage(), e);
        }
    }

    private static List<X509Certificate> certificates(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> chain = CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(X509Certificate.class::cast).toList();
            if (chain.isEmpty()) {
                throw new IllegalArgumentException("The file " + file + " holds no PEM certificate");
            }
            return chain;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("Cannot read the certificate chain " + file + ": " + e.getMessage(), e);
        }
    }

    private static PrivateKey privateKey(Path file, String password) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
             PEMParser parser = new PEMParser(reader)) {
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            for (Object block = parser.readObject(); block != null; block = parser.readObject()) {
                // openssl may put other blocks (EC PARAMETERS) before the key: skip whatever is not a key.
                if (block instanceof PrivateKeyInfo info) {
                    return converter.getPrivateKey(info);
                }
                if (block instanceof PEMKeyPair pair) {
                    // SEC1 keys may come without their public half, which getKeyPair would need.
                    return converter.getPrivateKey(pair.getPrivateKeyInfo());
                }
                if (block instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
                    return converter.getPrivateKey(encrypted.decryptPrivateKeyInfo(new JceOpenSSLPKCS8DecryptorProviderBuilder()
                            .setProvider(BOUNCY_CASTLE).build(required(password, file))));
                }
                if (block instanceof PEMEncryptedKeyPair legacy) {
                    return converter.getPrivateKey(legacy.decryptKeyPair(new JcePEMDecryptorProviderBuilder()
                            .setProvider(BOUNCY_CASTLE).build(required(password, file))).getPrivateKeyInfo());
                }
            }
            throw new IllegalArgumentException("The file " + file + " holds no PEM private key");
        } catch (IOException | OperatorCreationException | PKCSException e) {
            throw new IllegalArgumentException("Cannot read the private key " + file + " (a wrong password?): "
                    + e.getMessage(), e);
        }
    }

    private static char[] required(String password, Path file) {
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("The private key " + file + " is encrypted, and no password was given for it");
        }
        return password.toCharArray();
    }

    /** Signs with the key and verifies with the certificate's public key: a mix-up fails the start, not each handshake. */
    private static boolean belongTogether(PrivateKey key, PublicKey certified) {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> null;
        };
        if (algorithm == null) {
            return true; // a key type this check does not know: the first handshake will tell
        }
        if (!key.getAlgorithm().equals(certified.getAlgorithm())) {
            return false;
        }
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(PROBE);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certified);
            verifier.update(PROBE);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}

package org.pfptracker.http.server;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * What one instance trusts when it calls another instance of the same server over HTTPS: the JVM's own
 * trust store, and the certificates of its own chain. Instances share a certificate, or have theirs from
 * one authority, whose certificate ends their chain: either way each trusts the others without a trust
 * store of its own, and host names are still checked.
 */
public final class PeerTrust {

    private PeerTrust() {
    }

    /** An SSL context for calling peers served with the same keys as this server. */
    public static SSLContext of(TlsSettings tls) {
        try {
            KeyStore own = tls.keys().load().store();
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            int index = 0;
            for (String alias : Collections.list(own.aliases())) {
                Certificate[] chain = own.getCertificateChain(alias);
                if (chain != null) {
                    for (Certificate certificate : chain) {
                        trusted.setCertificateEntry("peer-" + index++, certificate);
                    }
                }
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new EitherTrustManager(List.of(managerOf(null), managerOf(trusted)))},
                    null);
            return context;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("the trust for calling other instances could not be built: " + e.getMessage(), e);
        }
    }

    private static X509TrustManager managerOf(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("no X.509 trust manager");
    }

    /** Trusts a server one of its managers trusts. */
    private static final class EitherTrustManager implements X509TrustManager {

        private final List<X509TrustManager> managers;

        EitherTrustManager(List<X509TrustManager> managers) {
            this.managers = managers;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            CertificateException last = null;
            for (X509TrustManager manager : managers) {
                try {
                    manager.checkServerTrusted(chain, authType);
                    return;
                } catch (CertificateException e) {
                    last = e;
                }
            }
            throw last;
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("peers are servers only");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            List<X509Certificate> issuers = new ArrayList<>();
            managers.forEach(manager -> issuers.addAll(List.of(manager.getAcceptedIssuers())));
            return issuers.toArray(X509Certificate[]::new);
        }
    }
}

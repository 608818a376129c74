package org.pfptracker.http.issuer;

import io.javalin.Javalin;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the local issuer's discovery document and public keys over HTTP, so servers find and fetch
 * them as they would a real identity provider's. Both are public by nature: they hold no secret.
 */
public final class LocalIssuerServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalIssuerServer.class);
    static final String JWKS_PATH = "/jwks.json";
    static final String DISCOVERY_PATH = "/.well-known/openid-configuration";

    private final Javalin app;
    private final LocalIssuer issuer;

    private LocalIssuerServer(Javalin app, LocalIssuer issuer) {
        this.app = app;
        this.issuer = issuer;
    }

    /**
     * Starts serving on the host and port (0 for a free one); the issuer's URL is this server's, e.g.
     * {@code http://127.0.0.1:8090}, and its key is the one in {@code keyFile} (made there if missing), or a
     * new one held in memory when {@code keyFile} is null.
     */
    public static LocalIssuerServer start(String host, int port, Path keyFile, Clock clock) {
        AtomicReference<LocalIssuer> issuer = new AtomicReference<>();
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.routes.get(JWKS_PATH, ctx -> ctx.contentType("application/jwk-set+json").result(issuer.get().jwksJson()));
            config.routes.get(DISCOVERY_PATH, ctx -> ctx.json(issuer.get().discoveryDocument(jwksUrlOf(issuer.get()))));
        }).start(host, port);
        URI url = URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + app.port());
        issuer.set(keyFile == null ? LocalIssuer.withNewKey(url, clock) : LocalIssuer.withKeyIn(keyFile, url, clock));
        log.info("Local token issuer {} serves its keys at {}", url, jwksUrlOf(issuer.get()));
        return new LocalIssuerServer(app, issuer.get());
    }

    /** The issuer served. */
    public LocalIssuer issuer() {
        return issuer;
    }

    /** The settings a server needs to accept this issuer's tokens. */
    public org.pfptracker.http.access.AccessSettings accessSettings() {
        return issuer.accessSettings(jwksUrl());
    }

    private static URI jwksUrlOf(LocalIssuer issuer) {
        return URI.create(issuer.issuer() + JWKS_PATH);
    }

    public int port() {
        return app.port();
    }

    /** Where the keys are served. */
    public URI jwksUrl() {
        return jwksUrlOf(issuer);
    }

    @Override
    public void close() {
        app.stop();
    }
}

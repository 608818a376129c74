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
 * them as they would a real identity provider's (both are public by nature), and, when asked, the code
 * flow with PKCE through which the dashboard signs a person in.
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
        return start(host, port, keyFile, clock, null);
    }

    /**
     * The same, also running the code flow with PKCE for a browser client when {@code signIn} is given: a
     * sign-in page at {@code /authorize} and a token endpoint at {@code /token}, named in the discovery
     * document as any identity provider names them.
     */
    public static LocalIssuerServer start(String host, int port, Path keyFile, Clock clock, DevSignIn signIn) {
        AtomicReference<LocalIssuer> issuer = new AtomicReference<>();
        AtomicReference<AuthorizationEndpoints> authorization = new AtomicReference<>();
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            // Keys and discovery are public by nature, and a browser's script reads them from another origin.
            config.routes.get(JWKS_PATH, ctx -> ctx.header("Access-Control-Allow-Origin", "*")
                    .contentType("application/jwk-set+json").result(issuer.get().jwksJson()));
            config.routes.get(DISCOVERY_PATH, ctx -> ctx.header("Access-Control-Allow-Origin", "*")
                    .json(discovery(issuer.get(), signIn != null)));
            if (signIn != null) {
                config.routes.get(AuthorizationEndpoints.AUTHORIZE_PATH, ctx -> authorization.get().showSignIn(ctx));
                config.routes.post(AuthorizationEndpoints.AUTHORIZE_PATH, ctx -> authorization.get().signIn(ctx));
                config.routes.post(AuthorizationEndpoints.TOKEN_PATH, ctx -> authorization.get().token(ctx));
            }
        }).start(host, port);
        URI url = URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + app.port());
        issuer.set(keyFile == null ? LocalIssuer.withNewKey(url, clock) : LocalIssuer.withKeyIn(keyFile, url, clock));
        if (signIn != null) {
            authorization.set(new AuthorizationEndpoints(issuer.get(), signIn, new AuthorizationCodes(clock)));
        }
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

    private static java.util.Map<String, Object> discovery(LocalIssuer issuer, boolean codeFlow) {
        java.util.Map<String, Object> document = new java.util.LinkedHashMap<>(issuer.discoveryDocument(jwksUrlOf(issuer)));
        if (codeFlow) {
            document.put("authorization_endpoint", issuer.issuer() + AuthorizationEndpoints.AUTHORIZE_PATH);
            document.put("token_endpoint", issuer.issuer() + AuthorizationEndpoints.TOKEN_PATH);
            document.put("grant_types_supported", java.util.List.of("authorization_code"));
            document.put("code_challenge_methods_supported", java.util.List.of("S256"));
            document.put("token_endpoint_auth_methods_supported", java.util.List.of("none"));
        }
        return document;
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

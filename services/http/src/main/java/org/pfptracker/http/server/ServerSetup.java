package org.pfptracker.http.server;

import io.javalin.config.JettyConfig;
import java.util.Optional;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a Javalin server listen as its {@link ServerSettings} say: one connector on the host and port (HTTPS
 * only when TLS is configured), the timeouts and limits of {@link ServerLimits}, and a bounded thread pool.
 * Every pfp server calls it from its {@code Javalin.create} block and then starts with {@code start()}, with
 * no host or port of its own.
 */
public final class ServerSetup {

    private static final Logger log = LoggerFactory.getLogger(ServerSetup.class);
    /** Idle pool threads end after this; the pool keeps a few for the next burst. */
    private static final int THREAD_IDLE_MILLIS = 60_000;
    /** The server attribute holding the Strict-Transport-Security value its answers carry, when TLS is on. */
    static final String STRICT_TRANSPORT_SECURITY = "org.pfptracker.http.strict-transport-security";

    private ServerSetup() {
    }

    /**
     * Installs the connector and the thread pool. The key and certificate are read now, so that a wrong file or
     * password fails here, naming the file, rather than in every handshake.
     *
     * @param jetty the {@code config.jetty} of the server being created
     * @param name the server's name in thread names and the log ({@code tracker}, ...)
     * @param host the interface to listen on
     * @param port the port, 0 for a free one
     * @throws IllegalArgumentException when the key or certificate cannot be read
     */
    public static void install(JettyConfig jetty, String name, String host, int port, ServerSettings settings) {
        ServerLimits limits = settings.limits();
        Optional<SslContextFactory.Server> tls = settings.tls().map(ServerSetup::tlsContext);
        QueuedThreadPool threads = new QueuedThreadPool(limits.maxThreads(), ServerLimits.MIN_THREADS, THREAD_IDLE_MILLIS);
        threads.setName("pfp-" + name + "-http");
        jetty.threadPool = threads;
        jetty.addConnector((server, http) -> connector(server, http, host, port, settings, tls));
        log.info("{} HTTP{}: idle timeout {} ms, headers within {} ms, bodies at {} B/s or more, headers up to {} bytes,"
                        + " {} threads, {} connections per client{}", name, tls.isPresent() ? "S only" : "",
                limits.idleTimeout().toMillis(), limits.headerTimeout().toMillis(), limits.minBodyBytesPerSecond(),
                limits.maxHeaderBytes(), limits.maxThreads(), limits.maxConnectionsPerClient() == 0 ? "any"
                        : Integer.toString(limits.maxConnectionsPerClient()),
                settings.tls().map(t -> "; Strict-Transport-Security max-age=" + t.hstsMaxAge().toSeconds()).orElse(""));
    }

    private static Connector connector(Server server, HttpConfiguration http, String host, int port,
                                       ServerSettings settings, Optional<SslContextFactory.Server> tls) {
        ServerLimits limits = settings.limits();
        http.setRequestHeaderSize(limits.maxHeaderBytes());
        // Jetty checks it on every read of a body, from the body's first byte: a trickle fails with 408.
        http.setMinRequestDataRate(limits.minBodyBytesPerSecond());
        settings.tls().ifPresent(t -> {
            http.setSecureScheme("https");
            // HSTS on every answer (Jetty adds it before any handler runs). No SNI host check: the client
            // checks the certificate against the host it dialled, and an operator's curl to an IP should work.
            http.addCustomizer(new SecureRequestCustomizer(false, false, t.hstsMaxAge().toSeconds(), false));
            // Requests Jetty cannot parse never reach the customizer; the error handler adds the same header.
            server.setAttribute(STRICT_TRANSPORT_SECURITY, "max-age=" + t.hstsMaxAge().toSeconds());
        });
        HttpConnectionFactory http11 = new HttpConnectionFactory(http);
        ServerConnector connector = tls
                .map(context -> new ServerConnector(server, new SslConnectionFactory(context, http11.getProtocol()), http11))
                .orElseGet(() -> new ServerConnector(server, http11));
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(limits.idleTimeout().toMillis());
        // The deadline listens first, so that it has seen a connection open before the limit may close it.
        RequestHeaderDeadline deadline = new RequestHeaderDeadline(limits.headerTimeout(), connector.getScheduler());
        connector.addEventListener(deadline);
        http.addCustomizer(deadline);
        if (limits.maxConnectionsPerClient() > 0) {
            connector.addEventListener(new ClientConnectionLimit(limits.maxConnectionsPerClient()));
        }
        return connector;
    }

    private static SslContextFactory.Server tlsContext(TlsSettings settings) {
        TlsSettings.LoadedKeys keys = settings.keys().load();
        SslContextFactory.Server context = new SslContextFactory.Server();
        context.setKeyStore(keys.store());
        context.setKeyStorePassword(keys.password());
        return context;
    }
}

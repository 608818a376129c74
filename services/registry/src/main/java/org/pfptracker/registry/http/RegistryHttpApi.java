package org.pfptracker.registry.http;

import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import org.pfptracker.http.access.AccessControl;
import org.pfptracker.http.access.AccessRule;
import org.pfptracker.http.access.Role;
import org.pfptracker.http.health.HealthEndpoints;
import org.pfptracker.http.metrics.MetricsEndpoint;
import org.pfptracker.http.metrics.RequestMetrics;
import org.pfptracker.http.server.ProblemErrorHandler;
import org.pfptracker.http.server.SecurityHeaders;
import org.pfptracker.http.server.ServerSettings;
import org.pfptracker.http.server.ServerSetup;
import org.pfptracker.registry.client.protocol.RegistryMediaTypes;
import org.pfptracker.registry.store.SchemaStore;

/**
 * Builds the registry's HTTP server: Confluent's REST API over a {@link SchemaStore}, with Confluent's error
 * shape, plus the health probes and metrics every pfp server answers.
 */
public final class RegistryHttpApi {

    /** What a not-ready registry tells probes to wait. */
    private static final Duration PROBE_RETRY_AFTER = Duration.ofSeconds(5);

    private final Javalin app;
    private final HealthEndpoints probes;
    private final Duration drain;

    private RegistryHttpApi(Javalin app, HealthEndpoints probes, Duration drain) {
        this.app = app;
        this.probes = probes;
        this.drain = drain;
    }

    /**
     * A server that is configured but not started; call {@code start()}.
     *
     * @param store the store every endpoint reads and writes
     * @param access who may call what: reads need any valid identity, writes the registry-admin role
     * @param host the interface to listen on
     * @param port the port, 0 for a free one
     * @param server limits, timeouts and TLS
     * @param metrics where requests are timed and what {@code /metrics} scrapes
     * @throws IllegalArgumentException when the TLS key or certificate cannot be read
     */
    public static RegistryHttpApi create(SchemaStore store, AccessControl access, String host, int port, ServerSettings server,
                                 PrometheusMeterRegistry metrics) {
        RegistryRoutes routes = new RegistryRoutes(store, access);
        RegistryHealth health = new RegistryHealth(store);
        health.bindTo(metrics);
        HealthEndpoints probes = new HealthEndpoints(health::readiness, PROBE_RETRY_AFTER);
        AccessRule open = AccessRule.open("orchestrators probe without tokens; the answer holds no schema");
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.requestLogger.http(new RequestMetrics(metrics));
            config.http.prefer405over404 = true;
            ServerSetup.install(config.jetty, "registry", host, port, server);
            SecurityHeaders.installOn(config.routes);
            // Confluent's error shape, also for what Jetty refuses before any route runs, and for a schema body
            // trickling in below the minimum rate (408, not a 500).
            ProblemErrorHandler errors = ProblemErrorHandler.json(RegistryMediaTypes.V1_JSON,
                    (status, reason) -> "{\"error_code\":" + status + ",\"message\":"
                            + ProblemErrorHandler.quoted(reason == null ? "HTTP " + status : reason) + "}");
            errors.installOn(config.jetty);
            errors.answerRefusalsIn(config.routes);
            JsonBodiesOnly.addTo(config.routes);
            routes.addTo(config.routes);
            // The same probes and scrape as every pfp server, beside Confluent's API.
            config.routes.get(HealthEndpoints.LIVE, access.guard(open, probes::live));
            config.routes.get(HealthEndpoints.READY, access.guard(open, probes::ready));
            config.routes.get(MetricsEndpoint.PATH, access.guard(AccessRule.anyOf(Role.OPERATOR),
                    new MetricsEndpoint(metrics)));
            RegistryErrorHandling.addTo(config.routes);
        });
        return new RegistryHttpApi(app, probes, server.drain());
    }

    /** Starts listening; returns once it does. */
    public RegistryHttpApi start() {
        app.start();
        return this;
    }

    /** The port listened on. */
    public int port() {
        return app.port();
    }

    /** Drains (readiness 503 for the configured period, still answering), then stops listening. */
    public void stop() {
        probes.drain(drain, "registry");
        app.stop();
    }
}

package org.pfptracker.tracker.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.json.JavalinJackson;
import io.javalin.router.Endpoint;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pfptracker.http.access.AccessControl;
import org.pfptracker.http.access.AccessRule;
import org.pfptracker.http.access.Role;
import org.pfptracker.http.docs.ApiDocsPage;
import org.pfptracker.http.docs.OpenApiDocument;
import org.pfptracker.http.health.Health;
import org.pfptracker.http.health.HealthEndpoints;
import org.pfptracker.http.metrics.MetricsEndpoint;
import org.pfptracker.http.metrics.RequestMetrics;
import org.pfptracker.http.problem.Problem;
import org.pfptracker.http.problem.ProblemAnswers;
import org.pfptracker.http.server.PeerTrust;
import org.pfptracker.http.server.SecurityHeaders;
import org.pfptracker.http.server.ServerSetup;
import org.pfptracker.platform.serde.JsonSerde;
import org.pfptracker.tracker.dashboard.Dashboard;
import org.pfptracker.tracker.query.LocalViews;
import org.pfptracker.tracker.query.PartnerRouting;
import org.pfptracker.tracker.query.Readiness;
import org.pfptracker.tracker.query.ViewsUnavailableException;
import org.pfptracker.tracker.stream.ChangeStream;
import org.pfptracker.tracker.stream.StreamOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tracker's HTTP API: partner views as JSON, answered by whichever instance holds them, the change
 * stream, metrics and health, documented at {@code /openapi.yaml} (browsable at {@code /docs}); and the
 * live dashboard at {@code /}, which reads that same API. Errors are {@code application/problem+json};
 * expected ones (bad parameter, unknown partner, views moving) never carry a stack trace.
 */
public final class TrackerHttpServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TrackerHttpServer.class);
    /** The API's description and its Swagger UI page, in the tracker's jar. */
    static final String OPENAPI = "/org/pfptracker/tracker/http/openapi.yaml";
    private static final String DOCS_PAGE = "/org/pfptracker/tracker/http/docs.html";

    private final Javalin app;
    private final List<ApiRoute> routes;
    private final QueryCounters counters;
    private final ChangeStream changes;
    private final HealthEndpoints health;
    private final Duration drain;

    private TrackerHttpServer(Javalin app, List<ApiRoute> routes, QueryCounters counters, ChangeStream changes,
                              HealthEndpoints health, Duration drain) {
        this.app = app;
        this.routes = routes;
        this.counters = counters;
        this.changes = changes;
        this.health = health;
        this.drain = drain;
    }

    /**
     * Starts listening with the default stream options and metrics of its own; port 0 picks a free port,
     * see {@link #port()}.
     *
     * @param views this instance's stores
     * @param routing where every partner's data lives, across instances
     */
    public static TrackerHttpServer start(HttpOptions options, LocalViews views, PartnerRouting routing) {
        return start(options, StreamOptions.DEFAULTS, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), views,
                routing);
    }

    /**
     * Starts listening; port 0 picks a free port, see {@link #port()}.
     *
     * @param stream how the change stream treats its clients; it tells them nothing until something calls
     *     {@link ChangeStream#partnersChanged} on {@link #changes()}
     * @param metrics where requests are timed and the query and stream counters are bound, scraped at
     *     {@code /metrics}
     * @param views this instance's stores
     * @param routing where every partner's data lives, across instances
     */
    public static TrackerHttpServer start(HttpOptions options, StreamOptions stream, PrometheusMeterRegistry metrics,
                                          LocalViews views, PartnerRouting routing) {
        QueryCounters counters = new QueryCounters();
        ChangeStream changes = new ChangeStream(stream, PeerClient.address(routing.self()), options.clock());
        // The dashboard signs people in at the issuer the API checks tokens from.
        Dashboard dashboard = Dashboard.load(options.access().enabled()
                ? new Dashboard.SignIn(options.access().settings().issuer(), options.access().settings().dashboardClient())
                : Dashboard.SignIn.NONE);
        // Instances serving HTTPS call each other over HTTPS, trusting their own certificate chain.
        PeerClient peers = new PeerClient(routing.self(), options.forwardTimeout(), counters,
                new PeerProof(options.peerSecret(), options.clock()), options.server().tls().map(PeerTrust::of));
        PartnerEndpoints partner = new PartnerEndpoints(new KeyRouter(routing, views, peers, counters), options.clock());
        HealthEndpoints health = new HealthEndpoints(() -> liveness(routing), () -> health(routing.readiness()),
                options.retryAfter());
        ApiDocsPage docs = ApiDocsPage.fromTemplate(TrackerHttpServer.class, DOCS_PAGE);
        // Pages hand their token over once and read with a cookie: EventSource sends no headers.
        AccessControl access = options.access().withSessionCookie(SessionEndpoints.COOKIE);
        // Over HTTPS the session cookie is Secure: a browser never sends it over plain HTTP.
        SessionEndpoints session = new SessionEndpoints(access, options.clock(), options.server().tls().isPresent());
        MetricsEndpoint scrape = new MetricsEndpoint(metrics);
        AccessRule probes = AccessRule.open("orchestrators probe without tokens; the answer names no partner");
        AccessRule contract = AccessRule.open("the API's description holds no partner data");
        List<ApiRoute> routes = List.of(
                new ApiRoute("/api/v1/partners", AccessRule.partnerReader(),
                        new PartnerListEndpoint(routing, views, peers, options.clock())),
                new ApiRoute("/api/v1/partners/{partnerId}", AccessRule.partnerReader(), partner::view),
                new ApiRoute("/api/v1/partners/{partnerId}/pace", AccessRule.partnerReader(), partner::pace),
                new ApiRoute("/api/v1/partners/{partnerId}/programmes/{programmeId}", AccessRule.partnerReader(),
                        partner::programme),
                new ApiRoute(StreamEndpoint.PATH, AccessRule.partnerReader(),
                        new StreamEndpoint(changes, options.retryAfter())),
                new ApiRoute(HandlerType.POST, SessionEndpoints.PATH, AccessRule.anyIdentity(), session::signIn),
                new ApiRoute(HandlerType.DELETE, SessionEndpoints.PATH,
                        AccessRule.open("signing out needs no proof of who one is"), session::signOut),
                new ApiRoute(HealthEndpoints.LIVE, probes, health::live),
                new ApiRoute(HealthEndpoints.READY, probes, health::ready),
                new ApiRoute(MetricsEndpoint.PATH, AccessRule.anyOf(Role.OPERATOR), withoutParameters(scrape)),
                new ApiRoute(OpenApiDocument.PATH, contract, OpenApiDocument.load(TrackerHttpServer.class, OPENAPI)));
        counters.bindTo(metrics);
        changes.bindTo(metrics);

        ProblemAnswers problems = new ProblemAnswers("tracker", OpenApiDocument.PATH, options.retryAfter(),
                new ProblemAnswers.Listener() {
                    @Override
                    public void failed(Context ctx, Exception e) {
                        LogContext.run(ctx, () -> log.error("Unexpected error answering {} {}", ctx.method(), ctx.path(), e));
                    }
                });

        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(JsonSerde.mapper(), false));
            config.requestLogger.http(new RequestMetrics(metrics, Set.of(StreamEndpoint.PATH)));
            config.http.prefer405over404 = true;
            ServerSetup.install(config.jetty, "tracker", options.host(), options.port(), options.server());
            SecurityHeaders.installOn(config.routes);
            routes.forEach(route -> config.routes.addEndpoint(new Endpoint(route.method(), route.path(),
                    LogContext.around(access.guard(route.access(), route.handler())))));
            dashboard.install(config);
            docs.install(config);
            problems.installOn(config);
            config.routes.exception(ViewsUnavailableException.class, (e, ctx) -> problems.refuse(ctx,
                    Problem.of(Problem.UNAVAILABLE, 503, "Views temporarily unavailable", e.getMessage()),
                    options.retryAfter()));
        }).start();
        log.info("Tracker dashboard on {}://{}:{}/ ; query API at /api/v1/partners, documented at /docs,"
                + " metrics at /metrics", options.server().scheme(), options.host(), app.port());
        return new TrackerHttpServer(app, routes, counters, changes, health, options.server().drain());
    }

    public int port() {
        return app.port();
    }

    /** The routes this server answers, in registration order. */
    public List<ApiRoute> routes() {
        return routes;
    }

    /** How this instance has answered queries so far. */
    public QueryCounters counters() {
        return counters;
    }

    /** The change stream's clients: what a change feed tells which partners changed. */
    public ChangeStream changes() {
        return changes;
    }

    @Override
    public void close() {
        // Queries forwarded by the other instances still reach this one while it drains: it owns their partners.
        health.drain(drain, "tracker");
        // Streams first: an open stream is a request in progress, which a graceful stop would wait for.
        changes.close();
        app.stop();
    }

    /** Alive unless its Kafka Streams client stopped for good: then only a restart brings the instance back. */
    static Health liveness(PartnerRouting routing) {
        return routing.failure().map(why -> Health.down(why, null)).orElseGet(() -> Health.up(null, null));
    }

    /** Readiness in the shape every pfp server's health takes. */
    static Health health(Readiness readiness) {
        Map<String, Object> checks = Map.of("streams", readiness.state());
        return readiness.ready() ? Health.up(readiness.detail(), checks) : Health.down(readiness.detail(), checks);
    }

    /** The handler, refusing query parameters: the API refuses what it would ignore. */
    private static Handler withoutParameters(Handler handler) {
        return ctx -> {
            RequestParameters.of(ctx).allowOnly();
            handler.handle(ctx);
        };
    }
}

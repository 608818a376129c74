package org.pfptracker.tracker.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import java.util.List;
import org.pfptracker.platform.serde.JsonSerde;
import org.pfptracker.tracker.query.LocalViews;
import org.pfptracker.tracker.query.PartnerRouting;
import org.pfptracker.tracker.query.ViewsUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tracker's HTTP API: partner views as JSON, answered by whichever instance holds them, and
 * documented at {@code /openapi.yaml}. Errors are {@code application/problem+json}; expected ones
 * (bad parameter, unknown partner, views moving) never carry a stack trace.
 */
public final class TrackerHttpServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TrackerHttpServer.class);

    private final Javalin app;
    private final List<ApiRoute> routes;
    private final QueryCounters counters;

    private TrackerHttpServer(Javalin app, List<ApiRoute> routes, QueryCounters counters) {
        this.app = app;
        this.routes = routes;
        this.counters = counters;
    }

    /**
     * Starts listening; port 0 picks a free port, see {@link #port()}.
     *
     * @param views this instance's stores
     * @param routing where every partner's data lives, across instances
     */
    public static TrackerHttpServer start(HttpOptions options, LocalViews views, PartnerRouting routing) {
        QueryCounters counters = new QueryCounters();
        PeerClient peers = new PeerClient(routing.self(), options.forwardTimeout(), counters);
        PartnerEndpoints partner = new PartnerEndpoints(new KeyRouter(routing, views, peers, counters), options.clock());
        HealthEndpoints health = new HealthEndpoints(routing, options.retryAfterSeconds());
        List<ApiRoute> routes = List.of(
                new ApiRoute("/api/v1/partners", new PartnerListEndpoint(routing, views, peers, options.clock())),
                new ApiRoute("/api/v1/partners/{partnerId}", partner::view),
                new ApiRoute("/api/v1/partners/{partnerId}/pace", partner::pace),
                new ApiRoute("/api/v1/partners/{partnerId}/programmes/{programmeId}", partner::programme),
                new ApiRoute("/health/live", health::live),
                new ApiRoute("/health/ready", health::ready),
                new ApiRoute("/openapi.yaml", OpenApiDocument.load()));

        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(JsonSerde.mapper(), false));
            routes.forEach(route -> config.routes.get(route.path(), route.handler()));
            config.routes.exception(ApiException.class, (e, ctx) -> problem(ctx, e.problem()));
            config.routes.exception(ViewsUnavailableException.class, (e, ctx) -> {
                ctx.header(QueryHeaders.RETRY_AFTER, options.retryAfterSeconds());
                problem(ctx, Problem.of(503, "Views temporarily unavailable", e.getMessage()));
            });
            config.routes.exception(Exception.class, (e, ctx) -> {
                log.error("Unexpected error answering {} {}", ctx.method(), ctx.path(), e);
                problem(ctx, Problem.of(500, "Internal error", "The tracker failed to answer; see its log."));
            });
            config.routes.error(404, "*", ctx -> {
                // Only unmatched paths: a handler that answered 404 itself has already written its problem.
                String written = ctx.res().getContentType();
                if (written == null || !written.startsWith(Problem.CONTENT_TYPE)) {
                    problem(ctx, Problem.of(404, "Not found", "No resource at " + ctx.path()
                            + "; the API is described at /openapi.yaml"));
                }
            });
        }).start(options.host(), options.port());
        log.info("Tracker query API listening on http://{}:{}/api/v1/partners, described at /openapi.yaml",
                options.host(), app.port());
        return new TrackerHttpServer(app, routes, counters);
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

    @Override
    public void close() {
        app.stop();
    }

    private static void problem(Context ctx, Problem problem) {
        ctx.status(problem.status()).json(problem.at(ctx.path())).contentType(Problem.CONTENT_TYPE);
    }
}

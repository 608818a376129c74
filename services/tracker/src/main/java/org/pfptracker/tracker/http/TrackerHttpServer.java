package org.pfptracker.tracker.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import java.util.regex.Pattern;
import org.pfptracker.platform.serde.JsonSerde;
import org.pfptracker.tracker.query.PartnerViewQueries;
import org.pfptracker.tracker.query.ViewsUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The tracker's HTTP API: partner views as JSON, read from the state stores. */
public final class TrackerHttpServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TrackerHttpServer.class);
    /** Partner ids are lower-case words joined by hyphens, e.g. "bosnia-and-herzegovina". */
    private static final Pattern PARTNER_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final String RETRY_AFTER_SECONDS = "2";

    private final Javalin app;

    private TrackerHttpServer(Javalin app) {
        this.app = app;
    }

    /** Starts listening; port 0 picks a free port, see {@link #port()}. */
    public static TrackerHttpServer start(String host, int port, PartnerViewQueries queries) {
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(JsonSerde.mapper(), false));
            config.routes.get("/api/v1/partners/{partnerId}", ctx -> partner(ctx, queries));
            config.routes.get("/health/live", ctx -> ctx.json(java.util.Map.of("status", "UP")));
            config.routes.exception(ViewsUnavailableException.class, (e, ctx) -> {
                ctx.header("Retry-After", RETRY_AFTER_SECONDS);
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
                    problem(ctx, Problem.of(404, "Not found", "No resource at " + ctx.path()));
                }
            });
        }).start(host, port);
        log.info("Tracker query API listening on http://{}:{}/api/v1/partners/<partnerId>", host, app.port());
        return new TrackerHttpServer(app);
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }

    private static void partner(Context ctx, PartnerViewQueries queries) {
        String partnerId = ctx.pathParam("partnerId");
        if (!PARTNER_ID.matcher(partnerId).matches()) {
            problem(ctx, Problem.of(400, "Bad partnerId", "partnerId '" + partnerId
                    + "' must be lower-case letters, digits and hyphens, e.g. 'republic-of-moldova'"));
            return;
        }
        queries.find(partnerId).ifPresentOrElse(
                view -> ctx.json(PartnerViewResponse.of(view)),
                () -> problem(ctx, Problem.of(404, "Unknown partner", "No events about partner '" + partnerId
                        + "' have been seen")));
    }

    private static void problem(Context ctx, Problem problem) {
        ctx.status(problem.status()).json(problem).contentType(Problem.CONTENT_TYPE);
    }
}

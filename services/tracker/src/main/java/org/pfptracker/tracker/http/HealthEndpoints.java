package org.pfptracker.tracker.http;

import io.javalin.http.Context;
import java.util.Map;
import org.pfptracker.tracker.query.PartnerRouting;
import org.pfptracker.tracker.query.Readiness;

/** Liveness and readiness, for a load balancer or an orchestrator. */
final class HealthEndpoints {

    private final PartnerRouting routing;
    private final String retryAfterSeconds;

    HealthEndpoints(PartnerRouting routing, String retryAfterSeconds) {
        this.routing = routing;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** {@code GET /health/live}: the process answers HTTP. */
    void live(Context ctx) {
        ctx.json(Map.of("status", "UP"));
    }

    /** {@code GET /health/ready}: 200 when this instance can answer queries from its stores now, else 503. */
    void ready(Context ctx) {
        Readiness readiness = routing.readiness();
        if (!readiness.ready()) {
            ctx.status(503).header(QueryHeaders.RETRY_AFTER, retryAfterSeconds);
        }
        ctx.json(readiness);
    }
}

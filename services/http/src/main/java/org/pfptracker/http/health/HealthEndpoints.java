package org.pfptracker.http.health;

import io.javalin.http.Context;
import java.time.Duration;
import java.util.function.Supplier;
import org.pfptracker.http.problem.ProblemAnswers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Liveness and readiness, for a load balancer or an orchestrator: {@code GET /health/live} is 200 while the
 * process is worth keeping (it answers HTTP, and nothing in it has failed for good), else 503, so that an
 * orchestrator restarts it; {@code GET /health/ready} is 200 when the server can do its work now, else 503 with
 * Retry-After. Both answer a {@link Health}.
 */
public final class HealthEndpoints {

    public static final String LIVE = "/health/live";
    public static final String READY = "/health/ready";

    private static final Health ALIVE = Health.up(null, null);

    private static final Logger log = LoggerFactory.getLogger(HealthEndpoints.class);

    private final Supplier<Health> liveness;
    private final Supplier<Health> readiness;
    private final Duration retryAfter;
    private volatile boolean stopping;

    /**
     * Alive while it answers HTTP.
     *
     * @param readiness whether the server can do its work now, asked at every probe
     * @param retryAfter what a 503 tells the prober to wait
     */
    public HealthEndpoints(Supplier<Health> readiness, Duration retryAfter) {
        this(() -> ALIVE, readiness, retryAfter);
    }

    /**
     * @param liveness whether the process is worth keeping: down only for a failure it cannot come back from
     *     by itself, asked at every probe
     * @param readiness whether the server can do its work now, asked at every probe
     * @param retryAfter what a 503 from readiness tells the prober to wait
     */
    public HealthEndpoints(Supplier<Health> liveness, Supplier<Health> readiness, Duration retryAfter) {
        this.liveness = liveness;
        this.readiness = readiness;
        this.retryAfter = retryAfter;
    }

    /**
     * Before the server closes: readiness says 503 from now on, and the caller waits {@code period} while the
     * server goes on answering, so that load balancers probing readiness take it out of their rotation first
     * and no request meets a closed port.
     *
     * @param server what the server is called in the log line ("tracker", "gateway")
     */
    public void drain(Duration period, String server) {
        stopping = true;
        if (period.isZero()) {
            return;
        }
        log.info("Stopping the {}: answering {} more while readiness says 503, so that load balancers stop sending"
                + " requests first", server, period);
        try {
            Thread.sleep(period.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public void live(Context ctx) {
        Health health = liveness.get();
        if (!health.isUp()) {
            // No Retry-After: waiting will not help; restarting will.
            ctx.status(503);
        }
        ctx.json(health);
    }

    public void ready(Context ctx) {
        Health health = stopping ? Health.down("stopping", null) : readiness.get();
        if (!health.isUp()) {
            ctx.status(503).header(ProblemAnswers.RETRY_AFTER, ProblemAnswers.retryAfterSeconds(retryAfter));
        }
        ctx.json(health);
    }
}

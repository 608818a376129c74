package org.pfptracker.http.metrics;

import io.javalin.http.Context;
import io.javalin.http.RequestLogger;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Times every request into {@code http_server_requests_seconds}, the same histogram on every pfp server: by
 * method, route template, status and outcome, so an operator sees latency percentiles and error rates per
 * endpoint (a command's outcome, 202, 422 or 503, is its status). The route is the template
 * ({@code /api/v1/partners/{partnerId}}), never the concrete path, so the number of series stays bounded.
 */
public final class RequestMetrics implements RequestLogger {

    public static final String NAME = "http.server.requests";
    private static final Duration SHORTEST_EXPECTED = Duration.ofMillis(1);
    private static final Duration LONGEST_EXPECTED = Duration.ofSeconds(30);

    private final MeterRegistry registry;
    private final Set<String> untimed;

    /** Times every route. */
    public RequestMetrics(MeterRegistry registry) {
        this(registry, Set.of());
    }

    /**
     * @param untimed route templates not timed: long-lived streams, whose duration is how long a page stayed
     *     open, would only blur the histogram
     */
    public RequestMetrics(MeterRegistry registry, Set<String> untimed) {
        this.registry = registry;
        this.untimed = Set.copyOf(untimed);
    }

    @Override
    public void handle(Context ctx, Float executionTimeMs) {
        String route = route(ctx);
        if (untimed.contains(route)) {
            return;
        }
        int status = ctx.statusCode();
        Timer.builder(NAME)
                .description("HTTP requests answered, by route template, method and status")
                .tag("method", ctx.method().name())
                .tag("uri", route)
                .tag("status", Integer.toString(status))
                .tag("outcome", outcome(status))
                .publishPercentileHistogram()
                .minimumExpectedValue(SHORTEST_EXPECTED)
                .maximumExpectedValue(LONGEST_EXPECTED)
                .register(registry)
                .record((long) (executionTimeMs * 1_000_000L), TimeUnit.NANOSECONDS);
    }

    /** The matched route's template; static files and unmatched paths are grouped, not listed one by one. */
    static String route(Context ctx) {
        Endpoint endpoint;
        try {
            endpoint = ctx.endpoints().matchedHttpEndpoint();
        } catch (RuntimeException e) {
            endpoint = null;
        }
        if (endpoint != null) {
            return endpoint.path;
        }
        return ctx.statusCode() == 404 ? "NOT_FOUND" : "STATIC";
    }

    static String outcome(int status) {
        if (status >= 500) {
            return "SERVER_ERROR";
        }
        if (status >= 400) {
            return "CLIENT_ERROR";
        }
        return status >= 300 ? "REDIRECTION" : "SUCCESS";
    }
}

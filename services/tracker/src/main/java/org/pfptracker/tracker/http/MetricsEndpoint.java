package org.pfptracker.tracker.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * {@code GET /metrics}: every meter of this instance in the Prometheus text format, or in OpenMetrics when
 * the scraper asks for it (Prometheus itself does).
 */
final class MetricsEndpoint implements Handler {

    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    static final String OPENMETRICS_TEXT = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    private final PrometheusMeterRegistry registry;

    MetricsEndpoint(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void handle(Context ctx) {
        RequestParameters.of(ctx).allowOnly();
        String accept = ctx.header("Accept");
        String format = accept != null && accept.contains("application/openmetrics-text") ? OPENMETRICS_TEXT
                : PROMETHEUS_TEXT;
        ctx.contentType(format).result(registry.scrape(format));
    }
}

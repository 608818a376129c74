package org.pfptracker.http.metrics;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * {@code GET /metrics}: every meter of a server in the Prometheus text format, or in OpenMetrics when the
 * scraper asks for it (Prometheus itself does).
 */
public final class MetricsEndpoint implements Handler {

    public static final String PATH = "/metrics";
    public static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    public static final String OPENMETRICS_TEXT = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    private final PrometheusMeterRegistry registry;

    public MetricsEndpoint(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void handle(Context ctx) {
        String accept = ctx.header("Accept");
        String format = accept != null && accept.contains("application/openmetrics-text") ? OPENMETRICS_TEXT
                : PROMETHEUS_TEXT;
        ctx.contentType(format).result(registry.scrape(format));
    }
}

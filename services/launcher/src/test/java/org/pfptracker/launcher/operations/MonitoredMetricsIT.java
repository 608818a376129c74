package org.pfptracker.launcher.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.pfptracker.core.config.Settings;
import org.pfptracker.http.health.HealthEndpoints;
import org.pfptracker.http.metrics.MetricsEndpoint;
import org.pfptracker.launcher.local.LocalStack;
import org.pfptracker.launcher.operations.PromQl.Selector;
import org.pfptracker.testsupport.http.ApiClient;
import org.pfptracker.testsupport.process.FreePorts;

/**
 * Every series the alert rules and the dashboard read is one a running server exports: the tracker, the gateway
 * and the registry of the local stack (a real KRaft broker) scraped at {@code /metrics} with an operator's token,
 * as Prometheus scrapes them. A selector's {@code job} says which server: {@code job="pfp-gateway"} must be found
 * on the gateway, {@code job=~"pfp-.*"} on all three. Its other label matchers must name labels the series has.
 */
@Tag("integration")
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class MonitoredMetricsIT {

    /** Series Prometheus makes itself, for every target, rather than scraping them. */
    private static final Set<String> MADE_BY_PROMETHEUS = Set.of("up", "scrape_duration_seconds", "scrape_samples_scraped");
    /** Labels Prometheus attaches to every series of a target (infra/monitoring/prometheus-scrape.yaml). */
    private static final Set<String> TARGET_LABELS = Set.of("job", "instance", "pod", "namespace");

    @Test
    void shouldExportEverySeriesTheAlertsAndTheDashboardRead(@TempDir Path data) throws Exception {
        // Given: the three servers, each having answered a request (a timer appears with its first request)
        LocalStack.Layout layout = new LocalStack.Layout(data, FreePorts.next(), FreePorts.next(), FreePorts.next(),
                FreePorts.next(), FreePorts.next(), FreePorts.next());
        try (LocalStack stack = LocalStack.start(layout, Settings.of(Map.of()))) {
            String operator = stack.tokens().orElseThrow().operator();
            Map<String, String> servers = Map.of("pfp-tracker", stack.trackerUrl(), "pfp-gateway", stack.gatewayUrl(),
                    "pfp-registry", stack.registryUrl());
            for (String url : servers.values()) {
                get(url + HealthEndpoints.LIVE, operator);
            }
            List<Selector> selectors = MonitoringFiles.expressions().stream().flatMap(e -> PromQl.selectors(e).stream())
                    .filter(selector -> !MADE_BY_PROMETHEUS.contains(selector.metric())).toList();
            assertThat(selectors).hasSizeGreaterThan(20);

            // When / Then: Kafka's meters appear as its clients join the group and fetch, so look until they are there
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                Map<String, Map<String, Set<String>>> scraped = new HashMap<>();
                Map<String, String> bodies = new HashMap<>();
                for (Map.Entry<String, String> server : servers.entrySet()) {
                    HttpResponse<String> scrape = get(server.getValue() + MetricsEndpoint.PATH, operator);
                    assertThat(scrape.statusCode()).as(server.getKey() + " /metrics").isEqualTo(200);
                    scraped.put(server.getKey(), PromQl.samples(scrape.body()));
                    bodies.put(server.getKey(), scrape.body());
                }
                assertThat(missing(selectors, scraped)).as("series read by infra/monitoring but not exported").isEmpty();
                // The registry is ready as soon as it has read its topic; its gauge must say so.
                assertThat(bodies.get("pfp-registry")).contains("pfp_registry_ready 1.0");
            });
        }
    }

    /** Each selector that names a series, or a label, some server it selects does not export. */
    private static Set<String> missing(List<Selector> selectors, Map<String, Map<String, Set<String>>> scraped) {
        Set<String> missing = new TreeSet<>();
        for (Selector selector : selectors) {
            List<String> jobs = new ArrayList<>();
            scraped.keySet().forEach(job -> {
                if (selector.matcher("job").map(matcher -> matcher.selects(job)).orElse(true)) {
                    jobs.add(job);
                }
            });
            if (jobs.isEmpty()) {
                missing.add(selector + ": its job selects no server");
            }
            for (String job : jobs) {
                Set<String> labels = scraped.get(job).get(selector.metric());
                if (labels == null) {
                    missing.add(job + ": " + selector.metric());
                    continue;
                }
                selector.matchers().stream().map(PromQl.LabelMatcher::label)
                        .filter(label -> !TARGET_LABELS.contains(label) && !labels.contains(label))
                        .forEach(label -> missing.add(job + ": " + selector.metric() + " has no label " + label));
            }
        }
        return missing;
    }

    private static HttpResponse<String> get(String url, String token) throws IOException, InterruptedException {
        return ApiClient.at(url).withAuthorization("Bearer " + token).get("");
    }
}

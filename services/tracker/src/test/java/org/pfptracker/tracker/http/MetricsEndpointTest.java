package org.pfptracker.tracker.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pfptracker.tracker.query.ViewFixtures;
import org.pfptracker.tracker.stream.StreamOptions;

/** {@code GET /metrics}: the operator's view, in Prometheus format. */
class MetricsEndpointTest {

    private final OneInstance instance = new OneInstance(StreamOptions.DEFAULTS);

    @AfterEach
    void stop() {
        instance.close();
    }

    @Test
    void shouldTimeRequestsByRouteTemplateNotByPath() {
        // Given
        instance.views.holdActive(ViewFixtures.partner("georgia", "Georgia", 3));
        instance.routing.place("georgia", instance.host);
        assertThat(instance.get("/api/v1/partners/georgia").statusCode()).isEqualTo(200);

        // When / Then: the timing is recorded once the answer is written, so look until it is there
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(scrape().body())
                .contains("http_server_requests_seconds_bucket{")
                .containsPattern("http_server_requests_seconds_count\\{[^}]*status=\"200\"[^}]*uri=\"/api/v1/partners/\\{partnerId}\"")
                .doesNotContain("uri=\"/api/v1/partners/georgia\""));
    }

    @Test
    void shouldExportTheQueryAndStreamCounters() {
        // When
        HttpResponse<String> response = scrape();

        // Then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain; version=0.0.4"));
        assertThat(response.body())
                .contains("pfp_tracker_queries_forwarded_total 0.0")
                .contains("pfp_tracker_queries_stale_total 0.0")
                .contains("pfp_tracker_peer_failures_total 0.0")
                .contains("pfp_tracker_stream_clients 0.0")
                .contains("pfp_tracker_stream_events_sent_total{event=\"partner-changed\"} 0.0");
    }

    @Test
    void shouldAnswerInOpenMetricsWhenAskedFor() {
        // When
        HttpResponse<String> response = instance.get("/metrics", "Accept", "application/openmetrics-text; version=1.0.0");

        // Then
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/openmetrics-text"));
        assertThat(response.body()).endsWith("# EOF\n");
    }

    private HttpResponse<String> scrape() {
        return instance.get("/metrics");
    }
}

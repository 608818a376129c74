package org.pfptracker.launcher.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pfptracker.launcher.operations.PromQl.LabelMatcher;
import org.pfptracker.launcher.operations.PromQl.Selector;

/** The small PromQL reader the monitoring tests use: it must find every series and nothing else. */
class PromQlTest {

    @Test
    void shouldFindTheSeriesOfAQuantileOverBucketsAndNotItsFunctionsLabelsOrRange() {
        // Given
        String expression = "histogram_quantile(0.99, sum by (job, uri, le) (rate("
                + "http_server_requests_seconds_bucket{job=~\"pfp-.*\", uri!=\"NOT_FOUND\"}[$__rate_interval]))) > 1";

        // When
        List<Selector> selectors = PromQl.selectors(expression);

        // Then
        assertThat(selectors).containsExactly(new Selector("http_server_requests_seconds_bucket", List.of(
                new LabelMatcher("job", "=~", "pfp-.*"), new LabelMatcher("uri", "!=", "NOT_FOUND"))));
    }

    @Test
    void shouldFindBothSidesOfABinaryOperationAndBareNames() {
        // Given
        String expression = "sum(rate(a_total{status=~\"5..\", status!=\"503\"}[5m] offset 1h)) / sum(rate(b_total[5m]))"
                + " > 0.01 and on (pod) up == 0 unless bool c_seconds";

        // When
        List<String> metrics = PromQl.selectors(expression).stream().map(Selector::metric).toList();

        // Then
        assertThat(metrics).containsExactly("a_total", "b_total", "up", "c_seconds");
    }

    @Test
    void shouldReadSampleNamesWithTheirLabelsFromAScrape() {
        // Given
        String scrape = """
                # HELP x_seconds A timer
                # TYPE x_seconds histogram
                x_seconds_bucket{method="GET",uri="/a{b}",le="0.1"} 1.0
                x_seconds_count{method="GET",uri="/a{b}"} 1.0
                pfp_tracker_ready 1.0
                """;

        // When
        Map<String, Set<String>> samples = PromQl.samples(scrape);

        // Then
        assertThat(samples).containsOnlyKeys("x_seconds_bucket", "x_seconds_count", "pfp_tracker_ready");
        assertThat(samples.get("x_seconds_bucket")).containsExactly("le", "method", "uri");
        assertThat(samples.get("pfp_tracker_ready")).isEmpty();
    }
}

package org.pfptracker.launcher.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The alert rules and the dashboard in the shape Prometheus and Grafana load; that their series exist is
 * {@link MonitoredMetricsIT}'s part.
 */
class MonitoringRulesTest {

    @Test
    void shouldDeclareEveryAlertInTheShapePrometheusLoads() {
        // Given
        JsonNode alerts = MonitoringFiles.alerts();
        assertThat(alerts.path("groups")).isNotEmpty();
        Set<String> names = new HashSet<>();

        // Then
        alerts.path("groups").forEach(group -> {
            assertThat(group.path("name").asText()).isNotBlank();
            assertThat(group.path("rules")).isNotEmpty();
            assertThat(fieldNames(group)).isSubsetOf("name", "interval", "rules");
        });
        for (JsonNode rule : MonitoringFiles.rules()) {
            String name = rule.path("alert").asText();
            assertThat(name).matches("Pfp[A-Za-z0-9]+");
            assertThat(names.add(name)).as("alert names are unique: " + name).isTrue();
            assertThat(fieldNames(rule)).as(name).isSubsetOf("alert", "expr", "for", "labels", "annotations");
            assertThat(rule.path("expr").asText()).as(name).isNotBlank();
            assertThat(balanced(rule.path("expr").asText())).as(name + " brackets").isTrue();
            if (rule.has("for")) {
                assertThat(rule.path("for").asText()).as(name).matches("\\d+[smhdwy]");
            }
            assertThat(rule.at("/labels/severity").asText()).as(name).isIn("warning", "critical");
            assertThat(fieldNames(rule.path("annotations"))).as(name).contains("summary", "description", "runbook");
        }
    }

    @Test
    void shouldExplainEveryAlertInTheReadmeItLinksTo() throws IOException {
        // Given
        String readme = Files.readString(Infra.path("README.md"));

        // Then: GitHub's anchor of a heading "### PfpTrackerNotReady" is #pfptrackernotready
        for (JsonNode rule : MonitoringFiles.rules()) {
            String name = rule.path("alert").asText();
            assertThat(rule.at("/annotations/runbook").asText()).isEqualTo("infra/README.md#" + name.toLowerCase(Locale.ROOT));
            assertThat(readme).as("infra/README.md explains " + name).contains("### " + name + "\n");
        }
    }

    @Test
    void shouldGiveEveryDashboardPanelAQuery() {
        // Given
        JsonNode dashboard = MonitoringFiles.dashboard();
        List<JsonNode> panels = MonitoringFiles.panels();
        assertThat(dashboard.path("uid").asText()).isNotBlank();
        assertThat(panels).isNotEmpty();
        Set<Integer> ids = new HashSet<>();

        // Then
        for (JsonNode panel : panels) {
            String title = panel.path("title").asText();
            assertThat(title).isNotBlank();
            assertThat(ids.add(panel.path("id").asInt())).as("panel ids are unique: " + title).isTrue();
            assertThat(panel.path("gridPos").path("w").asInt()).as(title).isBetween(1, 24);
            assertThat(panel.path("targets")).as(title).isNotEmpty();
            panel.path("targets").forEach(target -> {
                assertThat(target.path("expr").asText()).as(title).isNotBlank();
                assertThat(balanced(target.path("expr").asText())).as(title + " brackets").isTrue();
                assertThat(target.at("/datasource/uid").asText()).as(title).isEqualTo("${datasource}");
            });
        }
        assertThat(dashboard.at("/templating/list/0/name").asText()).isEqualTo("datasource");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Parentheses, brackets and braces close in order, outside strings. */
    private static boolean balanced(String expression) {
        java.util.Deque<Character> open = new java.util.ArrayDeque<>();
        boolean inString = false;
        for (char c : expression.toCharArray()) {
            if (c == '"') {
                inString = !inString;
            } else if (!inString && "([{".indexOf(c) >= 0) {
                open.push(c);
            } else if (!inString && ")]}".indexOf(c) >= 0) {
                if (open.isEmpty() || "([{".indexOf(open.pop()) != ")]}".indexOf(c)) {
                    return false;
                }
            }
        }
        return open.isEmpty() && !inString;
    }
}

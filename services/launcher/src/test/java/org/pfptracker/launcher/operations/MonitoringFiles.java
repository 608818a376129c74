package org.pfptracker.launcher.operations;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** The PromQL of infra/monitoring: every alert rule's and every dashboard panel's expression. */
final class MonitoringFiles {

    static final String ALERTS = "monitoring/alerts.yaml";
    static final String DASHBOARD = "monitoring/grafana-dashboard.json";

    private MonitoringFiles() {
    }

    static JsonNode alerts() {
        return Infra.documents(Infra.path(ALERTS)).get(0);
    }

    static JsonNode dashboard() {
        return Infra.json(DASHBOARD);
    }

    /** Every rule of every group. */
    static List<JsonNode> rules() {
        List<JsonNode> rules = new ArrayList<>();
        alerts().path("groups").forEach(group -> group.path("rules").forEach(rules::add));
        return rules;
    }

    /** Every panel, those inside collapsed rows included; rows themselves are not panels with queries. */
    static List<JsonNode> panels() {
        List<JsonNode> panels = new ArrayList<>();
        dashboard().path("panels").forEach(panel -> {
            if (panel.path("type").asText().equals("row")) {
                panel.path("panels").forEach(panels::add);
            } else {
                panels.add(panel);
            }
        });
        return panels;
    }

    /** Every expression Prometheus or Grafana evaluates. */
    static List<String> expressions() {
        List<String> expressions = new ArrayList<>();
        rules().forEach(rule -> expressions.add(rule.path("expr").asText()));
        panels().forEach(panel -> panel.path("targets").forEach(target -> expressions.add(target.path("expr").asText())));
        return expressions;
    }
}

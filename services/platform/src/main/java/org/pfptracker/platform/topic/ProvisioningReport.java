package org.pfptracker.platform.topic;

import java.util.List;

/**
 * What topic provisioning did and found.
 *
 * @param created topics created now
 * @param updated topics whose configuration was corrected, with the values set
 * @param problems differences not fixed: the operator must act (or, in verify mode, everything found)
 */
public record ProvisioningReport(List<String> created, List<String> updated, List<String> problems) {

    public ProvisioningReport {
        created = List.copyOf(created);
        updated = List.copyOf(updated);
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return problems.isEmpty();
    }

    public String summary() {
        return "created " + created + ", updated " + updated + (problems.isEmpty() ? ", no problems" : ", problems " + problems);
    }
}

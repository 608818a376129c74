package org.pfptracker.faults.measure;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The suite's results as one Markdown table, in the manner of a Jepsen report: what was done, what held. */
public final class ReportTable {

    private ReportTable() {
    }

    public static String of(List<ScenarioResult> results) {
        StringBuilder table = new StringBuilder()
                .append("| Scenario | What was done | Held? | Acked (retries) | Lost | Counted twice | Written twice | ")
                .append("Views = reference | Queries served during fault | 503 + Retry-After | Other 5xx | No answer | p99 query | ")
                .append("Until all views queryable | Live feed missed / late | Wall time |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (ScenarioResult r : results) {
            table.append("| ").append(r.scenario())
                    .append(" | ").append(r.done())
                    .append(" | ").append(r.held() ? "yes" : "**no**")
                    .append(" | ").append(r.acknowledged()).append(" (").append(r.retries()).append(")")
                    .append(r.givenUp() > 0 ? ", " + r.givenUp() + " given up" : "")
                    .append(" | ").append(r.lostInKafka() + r.notApplied())
                    .append(" | ").append(r.countedTwice())
                    .append(" | ").append(r.extraCopies())
                    .append(" | ").append(r.differingViews() == 0 ? "all" : r.differingViews() + " differ")
                    .append(" | ").append(String.format(Locale.ROOT, "%.1f %% of %d", 100 * r.availability(), r.queries()))
                    .append(" | ").append(r.retryLater())
                    .append(" | ").append(r.failed())
                    .append(" | ").append(r.noAnswer())
                    .append(" | ").append(r.p99Millis()).append(" ms")
                    .append(" | ").append(r.recoveries().isEmpty() ? "not measured"
                            : r.recoveries().stream().map(ReportTable::seconds).collect(Collectors.joining(", ")))
                    .append(" | ").append(r.feedMissed()).append(" / ").append(r.feedLate())
                    .append(" (").append(r.feedConnections()).append(r.feedConnections() == 1 ? " connection)" : " connections)")
                    .append(" | ").append(seconds(r.wallTime()))
                    .append(" |\n");
        }
        return table.toString();
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}

package org.pfptracker.launcher.bench;

import java.util.List;
import java.util.Locale;
import org.pfptracker.platform.reference.ReferencePartners;

/**
 * The report as Markdown, to paste into the README as it is: a heading with the machine and the size of
 * the run, one table of every figure, and a note on how each row is measured. Figures only; whether they
 * are good enough is for the reader, so nothing here compares them with a target.
 */
public final class BenchTable {

    private static final double MIB = 1024.0 * 1024.0;
    private static final double GIB = MIB * 1024.0;

    private BenchTable() {
    }

    public static String markdown(BenchReport report) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "### pfp bench: %d cores, max heap %.1f GiB, N = %,d events, %s%n%n",
                report.cores(), report.maxHeapBytes() / GIB, report.loaded(), report.date()));
        out.append(String.format(Locale.ROOT, "On the %s. %,d records in the four event topics; the %,d simulated events "
                        + "were published in %.1f s (%s events/s, acks=all).%n%n",
                report.cluster(), report.backlogRecords(), report.loaded(), report.loadTook().toMillis() / 1000.0,
                rate(report.loaded() / Math.max(report.loadTook().toNanos() / 1e9, 1e-9))));
        out.append("| # | Measurement | Result | Compared |\n");
        out.append("|---|---|---|---|\n");

        double plain = report.plainConsumer().perSecond();
        double count = report.streamsCount().perSecond();
        double tracker = report.tracker().perSecond();
        row(out, "1", "Plain `KafkaConsumer` (byte[]), the four event topics from the beginning",
                rate(plain) + " records/s", "");
        row(out, "2", "Kafka Streams `groupByKey().count()`, exactly_once_v2, fresh application id",
                rate(count) + " records/s", "");
        row(out, "3", "Tracker catch-up from a fresh application id (start-up included)",
                rate(tracker) + " events/s", ratio(tracker / plain) + " × (1), " + ratio(tracker / count) + " × (2)");
        double first = report.tracker().firstTenthPerSecond();
        double last = report.tracker().lastTenthPerSecond();
        row(out, "4", "Tracker over the first / last tenth of the input",
                rate(first) + " / " + rate(last) + " events/s", "last / first " + ratio(last / first));
        row(out, "5", "Memory after catch-up: heap used after GC / process RSS",
                mebibytes(report.memory().heapUsedBytes()) + " / " + mebibytes(report.memory().residentBytes()), "");

        List<BenchReport.Queried> queries = report.queries();
        QueryFigures yardstick = queries.get(0).figures();
        for (int i = 0; i < queries.size(); i++) {
            BenchReport.Queried queried = queries.get(i);
            QueryFigures figures = queried.figures();
            String label = "`" + queried.endpoint() + "`" + (i == 0
                    ? String.format(Locale.ROOT, " (static), %d clients, %d s each", report.plan().clients(),
                    report.plan().queryTime().toSeconds())
                    : "");
            String compared = i == 0 ? "" : String.format(Locale.ROOT, "%s × req/s, %s × p50, %s × p99 of 6a; ",
                    ratio(figures.perSecond() / yardstick.perSecond()),
                    ratio((double) figures.p50Nanos() / yardstick.p50Nanos()),
                    ratio((double) figures.p99Nanos() / yardstick.p99Nanos()));
            row(out, "6" + (char) ('a' + i), label,
                    String.format(Locale.ROOT, "%s req/s, p50 %s, p99 %s", rate(figures.perSecond()),
                            millis(figures.p50Nanos()), millis(figures.p99Nanos())),
                    compared + figures.errors() + (figures.errors() == 1 ? " error" : " errors"));
        }

        row(out, "7", "Restore after deleting local state: `/health/ready` 200 / partner view 200",
                seconds(report.restore().ready().toNanos()) + " / " + seconds(report.restore().partnerView().toNanos()),
                "");
        LatencyFigures live = report.live();
        row(out, "8", String.format(Locale.ROOT, "Publish-to-queryable at %s events/s for %d s",
                        rate(report.plan().liveRate()), report.plan().liveTime().toSeconds()),
                "p50 " + millis(live.p50Nanos()) + ", p99 " + millis(live.p99Nanos()),
                String.format(Locale.ROOT, "%,d probes, %,d lost, %,d turns skipped (previous probe still out); "
                        + "%s events/s published", live.probes(), live.lost(), live.skipped(), rate(live.achievedRate())));

        out.append(String.format(Locale.ROOT, """

                How each row is measured (one JVM%s; client and server share the machine's cores):
                1. One consumer, partitions assigned (no group), from the first offset to the end offsets taken before it \
                started; time from creating the consumer to the last record.
                2. A fresh application id and state directory, RocksDB store; time from creating `KafkaStreams` to the \
                sample that finds its committed offsets at the end offsets (sampled every %d ms with the Admin client).
                3. `TrackerService` with a fresh application id, `tracker.http.port` 0; measured like 2, and also waiting \
                until its repartition topics are drained.
                4. From the same offset samples, start-up left out: first tenth from the first sample with anything \
                committed to the first sample a tenth of the input later; last tenth from the last sample short of \
                it to the caught-up sample.
                5. `MemoryMXBean` heap used after `System.gc()`, and VmRSS from /proc/self/status%s.
                6. Closed loop: each client (its own HTTP/1.1 `HttpClient`) sends the next request once the whole \
                answer is in; 1 s of warm-up per endpoint is not counted; partner ids rotate over the 22 reference \
                partners; as-of is two years before the run; errors are non-2xx answers and failed requests. Every \
                request but 6a's (an open probe) carries a staff bearer token (ES256), checked on every request \
                (a verified token is remembered for up to 5 minutes); 6e and 6f are 6b again after 6d, each on a \
                tracker restarted on the same state: 6e with the token, 6f with access control off and no token.
                7. The tracker closed, its state directory deleted, started again with the same application id; time \
                from the start until each answers 200 (polled every 20 ms).
                8. ActivityProposed events through `EventPublisher` (acks=all) for %d partners at the rate, plus one \
                probe every %d ms taking turns over %d other partners that get nothing else: the probe reads the \
                partner's `freshness.eventsApplied`, publishes, and polls the view every %d ms until it has grown; \
                latency from the publish call to that answer.
                """, report.embedded() ? " with the broker and registry" : "",
                CatchUp.SAMPLE_INTERVAL.toMillis(),
                report.embedded() ? " (the whole JVM: broker, registry, tracker)" : "",
                ReferencePartners.of2014().size() - LiveLatency.PROBE_PARTNERS, LiveLatency.PROBE_INTERVAL.toMillis(),
                LiveLatency.PROBE_PARTNERS, LiveLatency.POLL_INTERVAL.toMillis()));
        return out.toString();
    }

    private static void row(StringBuilder out, String number, String measurement, String result, String compared) {
        out.append("| ").append(number).append(" | ").append(measurement).append(" | ").append(result).append(" | ")
                .append(compared).append(" |\n");
    }

    private static String rate(double perSecond) {
        return Double.isFinite(perSecond) ? String.format(Locale.ROOT, "%,.0f", perSecond) : "n/a";
    }

    /** Two significant digits are all a benchmark on a shared machine can claim. */
    private static String ratio(double value) {
        if (!Double.isFinite(value)) {
            return "n/a";
        }
        if (value >= 10) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        if (value >= 1) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.2g", value);
    }

    private static String millis(long nanos) {
        double millis = nanos / 1e6;
        if (millis >= 100) {
            return String.format(Locale.ROOT, "%,.0f ms", millis);
        }
        if (millis >= 10) {
            return String.format(Locale.ROOT, "%.1f ms", millis);
        }
        return String.format(Locale.ROOT, "%.2f ms", millis);
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }

    private static String mebibytes(long bytes) {
        return bytes < 0 ? "n/a" : String.format(Locale.ROOT, "%,.0f MiB", bytes / MIB);
    }
}

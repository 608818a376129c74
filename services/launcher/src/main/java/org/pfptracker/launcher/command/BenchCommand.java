package org.pfptracker.launcher.command;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.pfptracker.core.config.Settings;
import org.pfptracker.launcher.UserFacingException;
import org.pfptracker.launcher.bench.BenchPlan;
import org.pfptracker.launcher.bench.BenchReport;
import org.pfptracker.launcher.bench.BenchRunner;
import org.pfptracker.launcher.bench.BenchTable;
import org.pfptracker.launcher.bench.QuietLogs;
import org.pfptracker.platform.config.KafkaSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Measures the tracker on this machine and prints the figures as one Markdown table. */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Benchmark the tracker on this machine: load N simulated events, then measure in one run a plain "
                    + "consumer, a bare Kafka Streams count (exactly-once), the tracker's catch-up (overall, first "
                    + "and last tenth), its memory, query throughput and latency, restore after losing local "
                    + "state, and publish-to-queryable latency at a live rate.",
            "",
            "Progress goes to stderr; the table goes to stdout in Markdown, headed by the cores, the max heap, N "
                    + "and the date.",
            "",
            "Where: an embedded KRaft broker and schema registry in this JVM, in a fresh temporary directory "
                    + "deleted afterwards (the default), or the cluster and registry the settings name: a "
                    + "kafka.bootstrap.servers given in --config FILE, PFP_KAFKA_BOOTSTRAP_SERVERS or "
                    + "-Dpfp.kafka.bootstrap.servers selects it. --embedded / --no-embedded overrides that choice. "
                    + "On a configured cluster the event topics must exist (pfp topics), the N events and the live "
                    + "events stay in them, and the benchmark's own groups and internal topics are deleted: use a "
                    + "cluster meant for testing, never production.",
            ""})
public final class BenchCommand implements Callable<Integer> {

    @Mixin
    SettingsOptions options;

    @Spec
    CommandSpec spec;

    @Option(names = "--events", paramLabel = "N", defaultValue = "1000000",
            description = "Simulated events to load, from the simulator's seeded history of 2014 to today at a scale "
                    + "chosen to hold them, e.g. scale 20 for 1,000,000 (default: ${DEFAULT-VALUE}).")
    long events;

    @Option(names = "--clients", paramLabel = "C", defaultValue = "16",
            description = "Concurrent HTTP clients of the query measurement (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--query-seconds", paramLabel = "D", defaultValue = "10",
            description = "Seconds each query endpoint is measured, after 1 s of warm-up (default: ${DEFAULT-VALUE}).")
    int querySeconds;

    @Option(names = "--live-rate", paramLabel = "EVENTS_PER_SECOND", defaultValue = "1000",
            description = "Events a second published while measuring publish-to-queryable latency "
                    + "(default: ${DEFAULT-VALUE}).")
    double liveRate;

    @Option(names = "--live-seconds", paramLabel = "SECONDS", defaultValue = "15",
            description = "Seconds of live publishing for the latency measurement (default: ${DEFAULT-VALUE}).")
    int liveSeconds;

    @Option(names = "--embedded", negatable = true,
            description = "Run on an embedded broker and registry (--embedded) or on the configured cluster "
                    + "(--no-embedded; with no bootstrap servers configured, that is 127.0.0.1:9092, e.g. a running "
                    + "'pfp local'). Default: embedded unless kafka.bootstrap.servers is configured.")
    Boolean embedded;

    @Override
    public Integer call() throws InterruptedException {
        BenchPlan plan;
        try {
            plan = new BenchPlan(events, clients, Duration.ofSeconds(querySeconds), liveRate,
                    Duration.ofSeconds(liveSeconds));
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(e.getMessage());
        }
        Settings settings = options.load();
        boolean onEmbedded = embedded != null
                ? embedded
                : !settings.asMap().containsKey(KafkaSettings.BOOTSTRAP_SERVERS.key());
        QuietLogs.apply();
        BenchReport report = new BenchRunner(plan, settings, onEmbedded, System.err).run();
        PrintWriter out = spec.commandLine().getOut();
        out.print(BenchTable.markdown(report));
        out.flush();
        return 0;
    }
}

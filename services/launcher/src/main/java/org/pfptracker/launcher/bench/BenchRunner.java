package org.pfptracker.launcher.bench;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.pfptracker.core.config.Settings;
import org.pfptracker.http.access.AccessSettings;
import org.pfptracker.http.issuer.LocalIssuerServer;
import org.pfptracker.http.issuer.TokenGrant;
import org.pfptracker.launcher.UserFacingException;
import org.pfptracker.platform.config.KafkaSettings;
import org.pfptracker.platform.reference.ReferencePartner;
import org.pfptracker.platform.reference.ReferencePartners;
import org.pfptracker.publisher.EventPublisher;
import org.pfptracker.simulator.BackfillResult;
import org.pfptracker.tracker.TrackerService;
import org.pfptracker.tracker.config.TrackerSettings;

/**
 * One benchmark run, start to end: a workspace and a cluster, the simulated backlog, then each
 * measurement in turn on the same data (the readers first, the tracker's catch-up, then queries,
 * restore and live latency on the caught-up tracker). Progress goes to the log stream; the figures
 * come back as a {@link BenchReport}.
 */
public final class BenchRunner {

    private static final Duration READY_PATIENCE = Duration.ofMinutes(2);

    private final BenchPlan plan;
    private final Settings settings;
    private final boolean embedded;
    private final PrintStream log;
    /** Names this run's applications, so that nothing of another run is reused. */
    private final String runId = Long.toString(System.currentTimeMillis(), 36);

    /**
     * @param settings the operator's settings; on the embedded broker its address replaces theirs
     * @param embedded whether to start a broker and registry here rather than use the configured ones
     * @param log where progress lines go (stderr: stdout is for the table)
     */
    public BenchRunner(BenchPlan plan, Settings settings, boolean embedded, PrintStream log) {
        this.plan = plan;
        this.settings = settings;
        this.embedded = embedded;
        this.log = log;
    }

    public BenchReport run() throws InterruptedException {
        try (BenchWorkspace workspace = BenchWorkspace.create()) {
            log.println(embedded ? "[bench] starting an embedded KRaft broker and the schema registry"
                    : "[bench] using the configured cluster " + settings.get(KafkaSettings.BOOTSTRAP_SERVERS));
            try (BenchCluster cluster = embedded ? BenchCluster.embedded(settings, workspace.kafka())
                    : BenchCluster.configured(settings)) {
                return measure(cluster, workspace);
            }
        }
    }

    private BenchReport measure(BenchCluster cluster, BenchWorkspace workspace) throws InterruptedException {
        BackfillResult loaded = HistoryLoad.run(cluster.settings(), plan, log);
        if (loaded.events() < plan.events()) {
            log.printf("[bench] the history held only %,d events (%s); measuring those%n", loaded.events(),
                    loaded.ending());
        }
        List<String> partnerIds = ReferencePartners.of2014().stream().map(ReferencePartner::partnerId).toList();
        try (Admin admin = Admin.create(KafkaSettings.clientConfig(cluster.settings()))) {
            Backlog backlog = Backlog.of(admin);

            log.printf("[bench] (1) a plain consumer reads the %,d records%n", backlog.records());
            Throughput plainConsumer = PlainConsumerRead.run(cluster.settings(), backlog);

            log.println("[bench] (2) a Kafka Streams count, exactly-once, reads them");
            String countId = "pfp-bench-count-" + runId;
            CatchUpResult streamsCount = StreamsCountRead.run(cluster.settings(), countId, backlog,
                    workspace.streamsState(), admin, log);
            cluster.forgetApplication(countId);

            String trackerId = "pfp-bench-tracker-" + runId;
            // The benchmark's tracker checks tokens as every tracker does, from an issuer of the benchmark's own.
            LocalIssuerServer issuer = LocalIssuerServer.start("127.0.0.1", 0, null, Clock.systemUTC());
            String staff = "Bearer " + issuer.issuer().issue(TokenGrant.staffReader(), Duration.ofDays(1));
            Settings trackerSettings = cluster.settings()
                    .with(AccessSettings.MODE, "tokens")
                    .with(AccessSettings.ISSUER, issuer.issuer().issuer())
                    .with(AccessSettings.JWKS_URL, issuer.jwksUrl())
                    .with(TrackerSettings.APPLICATION_ID, trackerId)
                    .with(TrackerSettings.STATE_DIR, workspace.trackerState())
                    // Loopback and any free port: the benchmark's clients are on this machine.
                    .with(TrackerSettings.HTTP_HOST, "127.0.0.1")
                    .with(TrackerSettings.HTTP_PORT, 0);
            log.println("[bench] (3) the tracker catches up from a fresh application id");
            long started = System.nanoTime();
            TrackerService tracker = TrackerService.start(trackerSettings);
            try {
                CatchUpResult catchUp = CatchUp.await("tracker", new GroupProgress(admin, trackerId, backlog), backlog,
                        started, log);
                MemoryFootprint memory = MemoryFootprint.measure();

                TrackerApi api = new TrackerApi(tracker.httpPort(), staff);
                awaitReady(api);
                LocalDate asOf = LocalDate.now(ZoneOffset.UTC).minusYears(2);
                List<BenchReport.Queried> queries = queries(api, partnerIds, asOf);

                // What checking tokens costs a query: the same view on the same state, with a token and then with
                // access control off, each on a tracker just restarted (so neither shares the first tracker's
                // after-catch-up work). The second is the one the restore (7) stops.
                queries = new ArrayList<>(queries);
                for (boolean accessControl : new boolean[] {true, false}) {
                    String label = QueryEndpoint.partnerView(partnerIds).label()
                            + (accessControl ? ", with a token, restarted" : ", access control off, restarted");
                    log.printf("[bench] (6%s) %d clients query %s for %d s%n", accessControl ? "e" : "f", plan.clients(),
                            label, plan.queryTime().toSeconds());
                    tracker.close();
                    tracker = null;
                    tracker = TrackerService.start(accessControl ? trackerSettings
                            : trackerSettings.with(AccessSettings.MODE, "off"));
                    TrackerApi restarted = new TrackerApi(tracker.httpPort(), accessControl ? staff : null);
                    awaitReady(restarted);
                    queries.add(new BenchReport.Queried(label, new QueryLoad(restarted.baseUrl(), restarted.authorization(),
                            plan.clients()).measure(QueryEndpoint.partnerView(partnerIds), plan.queryTime())));
                }

                log.println("[bench] (7) the tracker restarts without its local state");
                TrackerService stopping = tracker;
                tracker = null; // closed by the restore, which starts the next one
                StateRestore.Restarted restarted = StateRestore.run(stopping, trackerSettings, workspace.trackerState(),
                        partnerIds.get(0), staff);
                tracker = restarted.tracker();

                log.printf("[bench] (8) publish-to-queryable at %,.0f events/s for %d s%n", plan.liveRate(),
                        plan.liveTime().toSeconds());
                LatencyFigures live;
                try (EventPublisher publisher = EventPublisher.create(cluster.settings())) {
                    live = new LiveLatency(publisher, new TrackerApi(tracker.httpPort(), staff), partnerIds)
                            .run(plan.liveRate(), plan.liveTime());
                }

                return new BenchReport(LocalDate.now(ZoneOffset.UTC), Runtime.getRuntime().availableProcessors(),
                        Runtime.getRuntime().maxMemory(), cluster.description(), cluster.embedded(), plan,
                        loaded.events(), loaded.duration(), backlog.records(), plainConsumer, streamsCount, catchUp,
                        memory, queries, restarted.figures(), live);
            } finally {
                if (tracker != null) {
                    tracker.close();
                }
                issuer.close();
                cluster.forgetApplication(trackerId);
            }
        }
    }

    private List<BenchReport.Queried> queries(TrackerApi api, List<String> partnerIds, LocalDate asOf) {
        List<QueryEndpoint> endpoints = List.of(QueryEndpoint.liveness(), QueryEndpoint.partnerView(partnerIds),
                QueryEndpoint.partnerViewAsOf(partnerIds, asOf.toString()), QueryEndpoint.partnerList());
        QueryLoad load = new QueryLoad(api.baseUrl(), api.authorization(), plan.clients());
        List<BenchReport.Queried> queries = new ArrayList<>();
        for (QueryEndpoint endpoint : endpoints) {
            log.printf("[bench] (6) %d clients query %s for %d s%n", plan.clients(), endpoint.label(),
                    plan.queryTime().toSeconds());
            queries.add(new BenchReport.Queried(endpoint.label(), load.measure(endpoint, plan.queryTime())));
        }
        return queries;
    }

    /** Caught up is not yet queryable when the last commit raced the stores' opening; normally instant. */
    private static void awaitReady(TrackerApi api) throws InterruptedException {
        long deadline = System.nanoTime() + READY_PATIENCE.toNanos();
        while (api.status("/health/ready") != 200) {
            if (System.nanoTime() > deadline) {
                throw new UserFacingException("The tracker caught up but did not become ready within "
                        + READY_PATIENCE.toMinutes() + " minutes");
            }
            Thread.sleep(50);
        }
    }
}

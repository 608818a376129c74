package org.pfptracker.launcher.command;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.pfptracker.core.config.Settings;
import org.pfptracker.kafka.embedded.PortInUseException;
import org.pfptracker.kafka.embedded.security.KafkaPrincipal;
import org.pfptracker.launcher.UserFacingException;
import org.pfptracker.launcher.local.KafkaClientFiles;
import org.pfptracker.launcher.local.LocalLogging;
import org.pfptracker.launcher.local.LocalSettings;
import org.pfptracker.launcher.local.LocalStack;
import org.pfptracker.launcher.local.LocalTokens;
import org.pfptracker.launcher.local.ReferenceDataSeeder;
import org.pfptracker.launcher.local.UnsecuredKafkaDataException;
import org.pfptracker.publisher.EventPublisher;
import org.pfptracker.simulator.BackfillResult;
import org.pfptracker.simulator.LivePace;
import org.pfptracker.simulator.LiveRun;
import org.pfptracker.simulator.SimulationPlan;
import org.pfptracker.simulator.Simulator;
import org.pfptracker.simulator.progress.ConsoleProgress;
import org.pfptracker.simulator.progress.ProgressListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Runs the whole system on this machine until Ctrl-C. */
@Command(name = "local", mixinStandardHelpOptions = true,
        description = "Run everything locally: a real KRaft Kafka broker, the schema registry, the topics and "
                + "the tracker, on 127.0.0.1. Data is kept in the data directory across restarts.")
public final class LocalCommand implements Callable<Integer> {

    /** How long Ctrl-C waits for the history's sends in flight before closing the publisher under them. */
    private static final Duration PUBLISHING_STOP_PATIENCE = Duration.ofSeconds(15);

    @Mixin
    SettingsOptions options;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "${env:PFP_DATA_DIR:-.pfp-data}",
            description = "Where the broker and the tracker keep their data (default: ${DEFAULT-VALUE}).")
    Path dataDirectory;

    @Option(names = "--fresh", description = "Delete the data directory first and start from nothing.")
    boolean fresh;

    @Option(names = "--secure-kafka",
            description = "Run Kafka secured: SASL_SSL, SCRAM-SHA-512 and ACLs, each component logging in as its own "
                    + "Kafka user; every user's client settings are written to the data directory's kafka-clients/ "
                    + "(also setting local.kafka.secured=true). Data an unsecured broker made cannot be secured: "
                    + "add --fresh, or use another --data-dir.")
    boolean secureKafka;

    @Option(names = "--kafka-port", defaultValue = "9092", description = "Kafka broker port (default: ${DEFAULT-VALUE}).")
    int kafkaPort;

    @Option(names = "--controller-port", defaultValue = "9093", description = "KRaft controller port (default: ${DEFAULT-VALUE}).")
    int controllerPort;

    @Option(names = "--registry-port", defaultValue = "8081", description = "Schema registry port (default: ${DEFAULT-VALUE}).")
    int registryPort;

    @Option(names = "--tracker-port", defaultValue = "8080", description = "Tracker query API port (default: ${DEFAULT-VALUE}).")
    int trackerPort;

    @Option(names = "--gateway-port", defaultValue = "8082", description = "HTTP gateway port (default: ${DEFAULT-VALUE}).")
    int gatewayPort;

    @Option(names = "--issuer-port", defaultValue = "8090",
            description = "Port of the local token issuer's keys (JWKS), when no access.issuer is configured"
                    + " (default: ${DEFAULT-VALUE}).")
    int issuerPort;

    @Option(names = "--no-simulate", negatable = true, defaultValue = "true",
            description = "Bring the stack to life with the simulator: the seeded history of 2014 to now (same ids "
                    + "on every start, so a restart counts nothing twice), then live events (default: on). "
                    + "Off: only the 22 reference partners' join events are published.")
    boolean simulate;

    @Option(names = "--live-rate", defaultValue = "1", paramLabel = "EVENTS_PER_SECOND",
            description = "Rate of the simulator's live events after the history (default: ${DEFAULT-VALUE}; 0 stops "
                    + "after the history).")
    double liveRate;

    @Option(names = "--scale", defaultValue = "1",
            description = "Simulated volume: 1 is about 1,400 activities a year (default: ${DEFAULT-VALUE}).")
    double scale;

    /** The simulator's live run, stopped before the stack so that it never publishes into a closing broker. */
    private volatile LiveRun live;
    /** The simulator, stopped first on Ctrl-C even in the middle of the history. */
    private volatile Simulator simulator;
    /** Set by Ctrl-C: no live run starts after it. */
    private boolean stopping;

    @Override
    public Integer call() throws Exception {
        Path data = dataDirectory.toAbsolutePath().normalize();
        if (fresh) {
            deleteRecursively(data);
        }
        Path logFile = LocalLogging.divertToFile(data);
        System.out.println("pfp-tracker: starting the local stack, data in " + data);
        System.out.println("pfp-tracker: the broker's, Kafka clients' and services' logs go to " + logFile);
        Settings settings = options.load();
        if (secureKafka) {
            settings = settings.with(LocalSettings.KAFKA_SECURED, true);
        }
        LocalStack stack;
        try {
            stack = LocalStack.start(new LocalStack.Layout(data, kafkaPort, controllerPort, registryPort, trackerPort, gatewayPort,
                            issuerPort),
                    settings);
        } catch (PortInUseException e) {
            throw new UserFacingException(e.getMessage() + " (another pfp local running? stop it, or choose other ports)");
        } catch (UnsecuredKafkaDataException e) {
            throw new UserFacingException(e.getMessage() + ". Start from empty with --fresh (deletes " + data
                    + "), or choose another --data-dir.", e);
        }
        EventPublisher publisher = EventPublisher.create(stack.settings());
        CountDownLatch publishing = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("pfp-tracker: stopping the local stack");
            stopPublishing(publishing);
            // Clients before the broker: whatever still talks to Kafka is closed while Kafka is there to answer.
            publisher.close();
            stack.close();
            System.out.println("pfp-tracker: stopped");
            stopped.countDown();
        }, "pfp-local-shutdown"));

        printBanner(stack);
        try {
            if (simulate) {
                bringToLife(stack, publisher);
            } else {
                int partners = ReferenceDataSeeder.seed(publisher);
                System.out.println("pfp-tracker: published the join events of " + partners + " reference partners");
            }
        } finally {
            publishing.countDown();
        }
        stopped.await();
        return 0;
    }

    /** Stops the simulator, waits for the history's last sends to end, then stops the live run if one started. */
    private void stopPublishing(CountDownLatch publishing) {
        synchronized (this) {
            stopping = true;
        }
        Simulator running = simulator;
        if (running != null) {
            running.stop();
        }
        try {
            publishing.await(PUBLISHING_STOP_PATIENCE.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LiveRun liveRun = live;
        if (liveRun != null) {
            liveRun.stop();
        }
    }

    /** The seeded history up to now, as fast as the broker takes it, then live events until Ctrl-C. */
    private void bringToLife(LocalStack stack, EventPublisher publisher) {
        Simulator simulator = Simulator.create(publisher, new SimulationPlan(SimulationPlan.DEFAULT_SEED,
                LocalDate.of(2014, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC), Instant.now(), scale), stack.settings());
        this.simulator = simulator;
        System.out.println("pfp-tracker: the simulator publishes the history of 2014 to today; watch the dashboard fill: "
                + stack.trackerUrl() + "/");
        BackfillResult history = simulator.backfill(ConsoleProgress.forThisProcess(System.err, Duration.ofSeconds(5)));
        System.out.println("pfp-tracker: " + history.summary());
        if (liveRate > 0) {
            synchronized (this) {
                if (stopping) {
                    return;
                }
                this.live = simulator.startLive(LivePace.perSecond(liveRate), ProgressListener.none());
            }
            System.out.printf("pfp-tracker: live events at %.1f/s until Ctrl-C%n", liveRate);
        }
    }

    private static void printBanner(LocalStack stack) {
        System.out.printf("""

                pfp-tracker is up (started in %.1f s). Ctrl-C stops it.
                  Dashboard         %s/   (open it in a browser: it fills in live)
                  Kafka bootstrap   %s%s
                  Schema registry   %s/subjects
                  Tracker API       %s/api/v1/partners/{partnerId}  (docs: %s/docs, metrics: %s/metrics)
                  Gateway API       %s/api/v1  (docs: %s/docs)
                %n""", stack.startUpTime().toMillis() / 1000.0, stack.trackerUrl(), stack.bootstrapServers(),
                stack.kafkaClientFiles().isPresent() ? "  (secured: SASL_SSL, SCRAM-SHA-512, ACLs)" : "  (PLAINTEXT)",
                stack.registryUrl(), stack.trackerUrl(), stack.trackerUrl(), stack.trackerUrl(), stack.gatewayUrl(),
                stack.gatewayUrl());
        stack.tokens().ifPresentOrElse(tokens -> System.out.printf("""
                Access control is on; the local issuer's tokens work for %d h (new ones at every start):
                  Sign in as alliance staff (every partner):
                    %s
                  Sign in as %s's reader (that partner only):
                    %s
                  Or sign in with the local issuer's page (the dashboard's "Sign in with your organisation"),
                    passcode: %s
                  Tokens for curl (staff, %s's reader, writer, registry admin, operator): source %s
                Try:
                  source %s
                  curl -s %s/api/v1/partners/ukraine -H "Authorization: Bearer $PFP_STAFF_TOKEN"
                  curl -si %s/api/v1/partners/ukraine/activities -H "Authorization: Bearer $PFP_WRITER_TOKEN" \\
                       -H 'Content-Type: application/json' -d '{"title": "Defence reform seminar", "area": "DEFENCE_REFORM"}'
                %n""", LocalTokens.LIFETIME.toHours(),
                LocalTokens.signInLink(stack.trackerUrl(), tokens.staff()), LocalTokens.READER_PARTNER,
                LocalTokens.signInLink(stack.trackerUrl(), tokens.partnerReader()), tokens.signInPasscode(),
                LocalTokens.READER_PARTNER,
                tokens.file(), tokens.file(), stack.trackerUrl(), stack.gatewayUrl()),
                () -> System.out.println("Access control: tokens from the configured issuer (access.issuer), or off"
                        + " if access.mode=off.\n"));
        stack.kafkaClientFiles().ifPresent(LocalCommand::printKafkaUsers);
    }

    /** Where another terminal finds what it needs to reach the secured broker, since nothing connects without it. */
    private static void printKafkaUsers(KafkaClientFiles files) {
        System.out.printf("""
                Kafka is secured: each component logs in as its own user and the ACLs hold it to its part.
                  Client settings of each user (bootstrap, SASL_SSL, password, trust store, registry; yours alone):
                    %s/{%s}.properties
                  Trust store (PKCS12, made again at every start): %s
                  pfp commands take one with --config, e.g.
                    pfp publish activity-proposed --partner ukraine --area DEFENCE_REFORM --title "Seminar" \\
                        --config %s
                %n""", files.directory(),
                String.join(",", KafkaClientFiles.USERS.stream().map(KafkaPrincipal::userName).toList()),
                files.trustStore(), files.of(KafkaPrincipal.PUBLISHER));
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

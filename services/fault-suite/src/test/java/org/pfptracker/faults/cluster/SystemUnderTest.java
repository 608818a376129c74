package org.pfptracker.faults.cluster;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.pfptracker.http.issuer.LocalIssuerServer;
import org.pfptracker.http.issuer.TokenGrant;
import org.pfptracker.testsupport.process.FreePorts;
import org.pfptracker.testsupport.process.JavaProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * pfp-tracker as an operator runs it, every part its own process from the distribution: the KRaft cluster
 * ({@link KafkaCluster}), two schema registries, three tracker instances with one standby copy of each
 * store, and two gateways, with access control on, tokens from a local issuer this harness runs.
 *
 * <p>The third tracker reaches Kafka through the {@link TcpProxy proxies} only, so that its network can be
 * slowed and cut while the others' is not.
 */
public final class SystemUnderTest implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SystemUnderTest.class);

    public static final int TRACKERS = 3;
    /** The tracker whose Kafka traffic crosses the proxies. */
    public static final int PROXIED_TRACKER = 3;
    static final Duration START_PATIENCE = Duration.ofSeconds(180);
    private static final String CLIENT = "fault-suite-client";

    private final Path directory;
    private final LocalIssuerServer issuer;
    private final KafkaCluster kafka;
    private final List<Service> registries = new ArrayList<>();
    private final List<Service> trackers = new ArrayList<>();
    private final List<Service> gateways = new ArrayList<>();
    private final List<Path> trackerStateDirectories = new ArrayList<>();
    private Map<String, String> commonSettings = Map.of();

    private SystemUnderTest(Path directory, LocalIssuerServer issuer, KafkaCluster kafka) {
        this.directory = directory;
        this.issuer = issuer;
        this.kafka = kafka;
    }

    /** Starts every part in the order an operator would and returns once each answers ready. */
    public static SystemUnderTest start(Path distribution, Path directory) {
        long started = System.nanoTime();
        LocalIssuerServer issuer = LocalIssuerServer.start("127.0.0.1", 0, null, Clock.systemUTC());
        KafkaCluster kafka = null;
        SystemUnderTest system = null;
        try {
            kafka = KafkaCluster.start(distribution, directory);
            system = new SystemUnderTest(directory, issuer, kafka);
            system.startServices(distribution);
            log.info("The system under test is up in {} s", Duration.ofNanos(System.nanoTime() - started).toSeconds());
            return system;
        } catch (RuntimeException e) {
            if (system != null) {
                system.close();
            } else {
                if (kafka != null) {
                    kafka.close();
                }
                issuer.close();
            }
            throw e;
        }
    }

    private void startServices(Path distribution) {
        List<Integer> registryPorts = List.of(FreePorts.next(), FreePorts.next());
        Map<String, String> common = commonSettings(registryPorts);
        commonSettings = Map.copyOf(common);

        // The administrator's steps: topics as 'pfp topics' makes them, three copies, two in sync.
        run(distribution, "topics", common, "topics");
        for (int i = 0; i < registryPorts.size(); i++) {
            Map<String, String> settings = new HashMap<>(common);
            // What 'pfp registry' would take from kafka.bootstrap.servers and the project's policy, said outright:
            // the registry's own runtime reads registry.* only.
            settings.put("registry.bootstrap.servers", kafka.bootstrapServers());
            settings.put("registry.compatibility.level", "BACKWARD_TRANSITIVE");
            settings.put("registry.port", registryPorts.get(i).toString());
            settings.put("registry.topic.replication.factor", "3");
            settings.put("registry.topic.min.insync.replicas", "2");
            registries.add(Service.of(distribution, directory, "registry-" + (i + 1), "registry", registryPorts.get(i),
                    settings));
        }
        registries.forEach(Service::start);
        registries.forEach(registry -> registry.awaitReady(START_PATIENCE));
        // The deploy pipeline registers this build's schemas; services only look them up.
        Map<String, String> admin = new HashMap<>(common);
        admin.put("schema.registry.client.bearer.auth.token", token(TokenGrant.registryAdmin()));
        run(distribution, "schemas-register", admin, "schemas", "register");

        String peerSecret = "fault-suite-peer-secret-" + Long.toHexString(System.nanoTime());
        for (int i = 1; i <= TRACKERS; i++) {
            int port = FreePorts.next();
            Path state = directory.resolve("tracker-" + i + "-state");
            trackerStateDirectories.add(state);
            Map<String, String> settings = new HashMap<>(common);
            settings.putAll(Map.of(
                    "tracker.http.port", Integer.toString(port),
                    "tracker.state.dir", state.toString(),
                    "tracker.standby.replicas", "1",
                    "tracker.peer.secret", peerSecret,
                    "tracker.stream.threads", "2",
                    "tracker.state.memory.mb", "64",
                    "tracker.record.cache.mb", "8",
                    // Three of the rotation's checks, 0.5 s apart: it stops sending readers before the port closes.
                    "tracker.http.shutdown.drain", "1500ms"));
            if (i == PROXIED_TRACKER) {
                settings.put("kafka.bootstrap.servers", kafka.proxiedBootstrapServers());
            }
            trackers.add(Service.of(distribution, directory, "tracker-" + i, "tracker", port, settings));
        }
        for (int i = 1; i <= 2; i++) {
            int port = FreePorts.next();
            Map<String, String> settings = new HashMap<>(common);
            settings.put("gateway.http.port", Integer.toString(port));
            gateways.add(Service.of(distribution, directory, "gateway-" + i, "gateway", port, settings));
        }
        trackers.forEach(Service::start);
        gateways.forEach(Service::start);
        gateways.forEach(gateway -> gateway.awaitReady(START_PATIENCE));
        trackers.forEach(tracker -> tracker.awaitReady(START_PATIENCE));
    }

    private Map<String, String> commonSettings(List<Integer> registryPorts) {
        Map<String, String> settings = new HashMap<>();
        settings.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        settings.put("schema.registry.url", registryPorts.stream().map(port -> "http://127.0.0.1:" + port)
                .collect(Collectors.joining(",")));
        settings.put("topics.replication.factor", "3");
        settings.put("access.issuer", issuer.issuer().issuer().toString());
        settings.put("access.jwks.url", issuer.jwksUrl().toString());
        settings.put("schema.registry.client.bearer.auth.credentials.source", "STATIC_TOKEN");
        settings.put("schema.registry.client.bearer.auth.token",
                token(new TokenGrant("fault-suite-services", "fault-suite", List.of(), null, List.of())));
        settings.put("schema.auto.register", "false");
        // A killed instance never says goodbye: its group notices within seconds, not 45.
        settings.put("kafka.client.session.timeout.ms", "6000");
        settings.put("kafka.client.heartbeat.interval.ms", "1500");
        return settings;
    }

    /** A one-off pfp command (topics, schemas) that must succeed. */
    private void run(Path distribution, String name, Map<String, String> settings, String... arguments) {
        Service command = Service.of(distribution, directory, name, arguments[0], 0, settings);
        List<String> withConfig = new ArrayList<>(List.of(arguments));
        withConfig.addAll(List.of("-c", directory.resolve(name + ".properties").toString()));
        JavaProcess process = Service.command(distribution, name, directory.resolve("logs"),
                withConfig.toArray(String[]::new));
        int exit = process.runToEnd(Duration.ofSeconds(120));
        if (exit != 0) {
            throw new IllegalStateException("'pfp " + String.join(" ", arguments) + "' failed (" + exit + "), see "
                    + directory.resolve("logs").resolve(name + ".log") + "; " + command.name());
        }
    }

    public String token(TokenGrant grant) {
        return issuer.issuer().issue(grant, Duration.ofHours(4));
    }

    /** What the load client's requests carry: a client that may publish any event. */
    public String writerToken() {
        return token(TokenGrant.writer(CLIENT));
    }

    public String readerToken() {
        return token(TokenGrant.staffReader());
    }

    /** The settings every service shares: bootstrap servers, registries, how to read the registry. */
    public org.pfptracker.core.config.Settings clientSettings() {
        return org.pfptracker.core.config.Settings.of(commonSettings);
    }

    public KafkaCluster kafka() {
        return kafka;
    }

    public List<Service> trackers() {
        return trackers;
    }

    /** Tracker {@code id} (1 to 3). */
    public Service tracker(int id) {
        return trackers.get(id - 1);
    }

    public Path trackerStateDirectory(int id) {
        return trackerStateDirectories.get(id - 1);
    }

    public List<Service> gateways() {
        return gateways;
    }

    public List<Service> registries() {
        return registries;
    }

    public Path directory() {
        return directory;
    }

    @Override
    public void close() {
        gateways.forEach(service -> service.process().kill());
        trackers.forEach(service -> service.process().kill());
        registries.forEach(service -> service.process().kill());
        kafka.close();
        issuer.close();
    }
}

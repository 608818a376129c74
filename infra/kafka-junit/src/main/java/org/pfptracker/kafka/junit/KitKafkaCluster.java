package org.pfptracker.kafka.junit;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import kafka.server.BrokerServer;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.common.test.api.TestKitDefaults;
import org.apache.kafka.metadata.MetadataCache;
import org.apache.kafka.metadata.bootstrap.BootstrapMetadata;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.apache.kafka.server.fault.FaultHandlerException;
import org.pfptracker.kafka.embedded.security.ClientSecurity;
import org.pfptracker.kafka.embedded.security.Credentials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A KRaft cluster from Kafka's test kit, running in this JVM. */
final class KitKafkaCluster implements ClusterBackend {

    private static final Logger LOG = LoggerFactory.getLogger(KitKafkaCluster.class);

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(60);
    /** The kit numbers a lone separate controller after the brokers' id range. */
    private static final int SEPARATE_CONTROLLER_ID = TestKitDefaults.CONTROLLER_ID_OFFSET;

    private final KafkaClusterTestKit kit;
    private final String description;
    /** Captured once: the kit rebinds a restarted broker to its old port, but cannot report a stopped one's. */
    private final String bootstrapServers;
    private final SortedSet<Integer> brokerIds;
    private final SortedSet<Integer> stoppedBrokerIds = new TreeSet<>();
    private final boolean combined;
    private final Optional<ClientSecurity> clientSecurity;

    private KitKafkaCluster(KafkaClusterTestKit kit, String description, boolean combined,
                            Optional<ClientSecurity> clientSecurity) {
        this.kit = kit;
        this.description = description;
        this.combined = combined;
        this.clientSecurity = clientSecurity;
        this.bootstrapServers = kit.bootstrapServers();
        this.brokerIds = Collections.unmodifiableSortedSet(new TreeSet<>(kit.brokers().keySet()));
    }

    /**
     * Formats and starts a cluster, and returns once every broker is registered and unfenced and,
     * if {@code secured}, enforces {@link SecuredKit#POLICY}.
     */
    static KitKafkaCluster start(int brokerCount, boolean secured) {
        // One broker shares its node with the controller. More brokers get one controller of
        // their own: several combined nodes kill the Raft thread in 4.4.0, and a separate
        // controller keeps the quorum up while tests stop and start brokers.
        boolean combined = brokerCount == 1;
        String description = (combined
                ? "1-broker KRaft cluster (combined controller+broker)"
                : brokerCount + "-broker KRaft cluster (separate controller)")
                + (secured ? ", secured" : "");
        Optional<Credentials> credentials = secured ? Optional.of(Credentials.generate()) : Optional.empty();
        Map<String, String> controllerOnly = new TreeMap<>();
        Map<String, String> everyNode = new TreeMap<>();
        BrokerSettings.forBrokerCount(brokerCount).forEach((name, value) ->
                (!combined && BrokerSettings.isControllerOnly(name) ? controllerOnly : everyNode).put(name, value));
        BootstrapMetadata released = releasedBootstrapMetadata();
        TestKitNodes.Builder nodesBuilder = new TestKitNodes.Builder(
                        credentials.map(users -> SecuredKit.withUsers(released, users)).orElse(released))
                .setCombined(combined)
                .setNumControllerNodes(1)
                .setNumBrokerNodes(brokerCount)
                .setPerServerProperties(combined ? Map.of() : Map.of(SEPARATE_CONTROLLER_ID, controllerOnly));
        if (secured) {
            nodesBuilder.setBrokerSecurityProtocol(SecurityProtocol.SASL_SSL)
                    .setControllerSecurityProtocol(SecurityProtocol.SASL_SSL);
        }
        TestKitNodes nodes = nodesBuilder.build();
        KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes);
        everyNode.forEach(builder::setConfigProp);
        Optional<SecuredKit> security = credentials.map(users -> SecuredKit.create(nodes, users));
        security.ifPresent(securedKit -> securedKit.serverProperties().forEach(builder::setConfigProp));

        long startedAt = System.nanoTime();
        KafkaClusterTestKit kit;
        try {
            kit = builder.build();
        } catch (Exception e) {
            throw new IllegalStateException("Could not build the " + description, e);
        }
        try {
            if (security.isPresent()) {
                SecuredKit.format(kit);
            } else {
                kit.format();
            }
            kit.startup();
            kit.waitForReadyBrokers();
            if (security.isPresent()) {
                security.get().applyPolicy(kit, SecuredKit.POLICY);
            }
        } catch (Exception e) {
            closeAfterFailedStart(kit, e);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("Could not start the " + description, e);
        }
        KitKafkaCluster cluster = new KitKafkaCluster(kit, description, combined,
                security.map(SecuredKit::clientSecurity));
        LOG.info("Started {} in {} ms at {} (data in {})", description,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt),
                cluster.bootstrapServers, nodes.baseDirectory());
        return cluster;
    }

    /**
     * What a freshly formatted production node gets: the latest released metadata version and
     * the default level of every released feature. The kit's own default is the unreleased
     * "testing" version, which our clients would then negotiate against.
     */
    private static BootstrapMetadata releasedBootstrapMetadata() {
        MetadataVersion version = MetadataVersion.latestProduction();
        Map<String, Short> featureLevels = Feature.PRODUCTION_FEATURES.stream()
                .collect(Collectors.toMap(Feature::featureName, feature -> feature.defaultLevel(version),
                        (first, second) -> first, TreeMap::new));
        return BootstrapMetadata.fromVersions(version, featureLevels, "pfp-kafka-junit");
    }

    private static void closeAfterFailedStart(KafkaClusterTestKit kit, Exception startFailure) {
        try {
            kit.close();
        } catch (Exception closeFailure) {
            startFailure.addSuppressed(closeFailure);
        }
    }

    @Override
    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public SortedSet<Integer> brokerIds() {
        return brokerIds;
    }

    @Override
    public Optional<ClientSecurity> clientSecurity() {
        return clientSecurity;
    }

    @Override
    public synchronized SortedSet<Integer> runningBrokerIds() {
        SortedSet<Integer> running = new TreeSet<>(brokerIds);
        running.removeAll(stoppedBrokerIds);
        return Collections.unmodifiableSortedSet(running);
    }

    @Override
    public synchronized void stopBroker(int brokerId) {
        requireKnownBroker(brokerId);
        if (combined) {
            throw new UnsupportedOperationException("Broker " + brokerId + " of the " + description
                    + " shares its node with the only controller and cannot be stopped alone;"
                    + " use @WithKafka(brokers = 3) for broker-loss tests");
        }
        if (stoppedBrokerIds.contains(brokerId)) {
            throw new IllegalStateException("Broker " + brokerId + " is already stopped");
        }
        BrokerServer broker = kit.brokers().get(brokerId);
        // A controlled shutdown: the controller moves leadership away before the broker goes.
        broker.shutdown();
        broker.awaitShutdown();
        stoppedBrokerIds.add(brokerId);
        awaitBrokersAgree();
    }

    @Override
    public synchronized void startBroker(int brokerId) {
        requireKnownBroker(brokerId);
        if (!stoppedBrokerIds.contains(brokerId)) {
            throw new IllegalStateException("Broker " + brokerId + " is running; stop it before starting it");
        }
        // A stopped BrokerServer cannot be started twice; the kit builds a fresh one on the same
        // data directory and port.
        kit.restartBroker(brokerId, Map.of());
        stoppedBrokerIds.remove(brokerId);
        awaitBrokersAgree();
    }

    @Override
    public synchronized void startStoppedBrokers() {
        for (int brokerId : new TreeSet<>(stoppedBrokerIds)) {
            LOG.info("Starting broker {} of the {} again, left stopped by a test", brokerId, description);
            startBroker(brokerId);
        }
    }

    private void requireKnownBroker(int brokerId) {
        if (!brokerIds.contains(brokerId)) {
            throw new IllegalArgumentException("No broker " + brokerId + " in the " + description
                    + "; its brokers are " + brokerIds);
        }
    }

    /** Waits until every running broker's metadata shows exactly the running brokers as alive. */
    private void awaitBrokersAgree() {
        SortedSet<Integer> running = runningBrokerIds();
        Polling.await(READY_TIMEOUT,
                () -> "every running broker of the " + description + " sees brokers " + running + " alive",
                () -> running.stream()
                        .map(id -> kit.brokers().get(id).metadataCache())
                        .allMatch(cache -> brokerIds.stream()
                                .allMatch(id -> isAlive(cache, id) == running.contains(id))));
    }

    private static boolean isAlive(MetadataCache cache, int brokerId) {
        return cache.hasAliveBroker(brokerId) && !cache.isBrokerFenced(brokerId);
    }

    @Override
    public void verifyHealthy() {
        rethrowFault("fatal", kit.fatalFaultHandler().firstException());
        rethrowFault("non-fatal", kit.nonFatalFaultHandler().firstException());
    }

    private void rethrowFault(String kind, FaultHandlerException fault) {
        if (fault != null) {
            throw new IllegalStateException("The " + description + " recorded a " + kind + " fault: "
                    + fault.getMessage(), fault);
        }
    }

    @Override
    public void close() {
        // Check first: the kit only reports faults if its own shutdown completes.
        verifyHealthy();
        long closingAt = System.nanoTime();
        FutureTask<Void> shutdown = new FutureTask<>(() -> {
            kit.close();
            return null;
        });
        // A daemon thread, so that a shutdown that hangs fails the run instead of holding the JVM.
        Thread closer = new Thread(shutdown, "pfp-kafka-junit-close");
        closer.setDaemon(true);
        closer.start();
        try {
            shutdown.get(CLOSE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("The " + description + " did not shut down within "
                    + CLOSE_TIMEOUT.toSeconds() + " s", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("The " + description + " failed while shutting down", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while shutting down the " + description, e);
        }
        LOG.info("Stopped {} in {} ms", description, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - closingAt));
    }

    @Override
    public String toString() {
        return description + " at " + bootstrapServers;
    }
}

package org.pfptracker.faults.scenario;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.pfptracker.faults.cluster.KafkaCluster;
import org.pfptracker.faults.cluster.Service;
import org.pfptracker.faults.cluster.TcpProxy;
import org.pfptracker.platform.topic.Topics;
import org.pfptracker.testsupport.process.JavaProcess;

/**
 * The faults, one each, done while load flows. An enum with an abstract method: a scenario without its
 * fault does not compile.
 */
public enum Scenario {

    TRACKER_KILL("tracker-kill", "kill -9 the tracker serving most partners; once all views answer, kill -9 the one "
            + "that took them over; restart both") {
        @Override
        void inject(FaultContext faults) {
            Service first = busiest(faults);
            first.process().kill();
            faults.awaitAllViewsQueryable(System.nanoTime());
            Service second = busiest(faults);
            second.process().kill();
            faults.awaitAllViewsQueryable(System.nanoTime());
            long restarting = System.nanoTime();
            first.start();
            second.start();
            first.awaitReady(RESTART_PATIENCE);
            second.awaitReady(RESTART_PATIENCE);
            faults.awaitAllViewsQueryable(restarting);
        }
    },
    GATEWAY_KILL("gateway-kill", "kill -9 a gateway with requests in flight; restart it after the outage") {
        @Override
        void inject(FaultContext faults) {
            Service gateway = faults.system().gateways().get(0);
            gateway.process().kill();
            faults.hold(faults.outage());
            gateway.startAndAwaitReady(RESTART_PATIENCE);
        }
    },
    REGISTRY_KILL("registry-kill", "kill -9 one of two registries; restart it after the outage") {
        @Override
        void inject(FaultContext faults) {
            Service registry = faults.system().registries().get(0);
            registry.process().kill();
            faults.hold(faults.outage());
            registry.startAndAwaitReady(RESTART_PATIENCE);
        }
    },
    LEADER_BROKER_KILL("leader-broker-kill", "kill -9 the broker leading partition 0 of the activities topic; "
            + "restart it after the outage") {
        @Override
        void inject(FaultContext faults) {
            KafkaCluster kafka = faults.system().kafka();
            JavaProcess leader = kafka.broker(kafka.leaderOf(Topics.ACTIVITIES, 0));
            leader.kill();
            faults.awaitAllViewsQueryable(System.nanoTime());
            faults.hold(faults.outage());
            leader.start();
            kafka.awaitBrokers(KafkaCluster.BROKERS);
            kafka.awaitFullyReplicated(java.util.Set.copyOf(EVENT_TOPICS));
        }
    },
    BROKER_STOP("broker-stop", "stop a broker (SIGTERM) for the outage, then start it again") {
        @Override
        void inject(FaultContext faults) {
            KafkaCluster kafka = faults.system().kafka();
            JavaProcess broker = kafka.broker(2);
            broker.stop(STOP_PATIENCE);
            faults.hold(faults.outage());
            broker.start();
            kafka.awaitBrokers(KafkaCluster.BROKERS);
            kafka.awaitFullyReplicated(java.util.Set.copyOf(EVENT_TOPICS));
        }
    },
    ROLLING_RESTART("rolling-restart", "restart every tracker in turn (SIGTERM, start, ready), as a deployment does") {
        @Override
        void inject(FaultContext faults) {
            for (Service tracker : faults.system().trackers()) {
                long restarting = System.nanoTime();
                tracker.process().stop(STOP_PATIENCE);
                tracker.startAndAwaitReady(RESTART_PATIENCE);
                faults.awaitAllViewsQueryable(restarting);
            }
        }
    },
    TRACKER_NETWORK("tracker-network", "slow the network between tracker 3 and the brokers (300 ms a chunk) for the "
            + "outage, then cut it for the outage, then heal it") {
        @Override
        void inject(FaultContext faults) {
            List<TcpProxy> proxies = faults.system().kafka().proxies();
            proxies.forEach(proxy -> proxy.slow(Duration.ofMillis(300)));
            faults.hold(faults.outage());
            proxies.forEach(TcpProxy::cut);
            faults.hold(faults.outage());
            long healing = System.nanoTime();
            proxies.forEach(TcpProxy::heal);
            faults.awaitAllViewsQueryable(healing);
        }
    },
    TRACKER_DISK_LOST("tracker-disk-lost", "kill -9 a tracker, delete its state directory while it is down, restart it") {
        @Override
        void inject(FaultContext faults) {
            Service tracker = faults.system().tracker(2);
            tracker.process().kill();
            faults.deleteTree(faults.system().trackerStateDirectory(2));
            long restarting = System.nanoTime();
            tracker.startAndAwaitReady(RESTART_PATIENCE);
            faults.awaitAllViewsQueryable(restarting);
        }
    };

    static final Duration RESTART_PATIENCE = Duration.ofSeconds(240);
    /** How long a process has to close cleanly after SIGTERM before it is killed, as an orchestrator's grace period. */
    static final Duration STOP_PATIENCE = Duration.ofSeconds(60);
    static final List<String> EVENT_TOPICS = List.of(Topics.PARTNERS, Topics.ACTIVITIES, Topics.EXERCISES, Topics.PROGRAMMES);

    private final String id;
    private final String done;

    Scenario(String id, String done) {
        this.id = id;
        this.done = done;
    }

    /** Breaks the system, and mends it, while the load flows. */
    abstract void inject(FaultContext faults);

    public String id() {
        return id;
    }

    public String done() {
        return done;
    }

    /** The scenarios named in {@code faults.scenarios} (comma separated ids, or "all"), in this order. */
    public static List<Scenario> selected(String names) {
        if (names == null || names.isBlank() || names.equals("all")) {
            return List.of(values());
        }
        Map<String, Scenario> byId = Arrays.stream(values()).collect(Collectors.toMap(Scenario::id, Function.identity()));
        return Arrays.stream(names.split(",")).map(String::trim).map(name -> {
            Scenario scenario = byId.get(name);
            if (scenario == null) {
                throw new IllegalArgumentException("No scenario '" + name + "'; known: " + byId.keySet());
            }
            return scenario;
        }).toList();
    }

    /** The tracker instance serving the most of this scenario's partners. */
    private static Service busiest(FaultContext faults) {
        Map<String, Long> counts = faults.servingInstances().values().stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        String instance = counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        return faults.trackerAt(instance);
    }
}

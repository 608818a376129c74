package org.pfptracker.tracker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.state.HostInfo;
import org.pfptracker.core.config.Settings;
import org.pfptracker.http.access.AccessControl;
import org.pfptracker.http.access.AccessSettings;
import org.pfptracker.platform.config.KafkaSettings;
import org.pfptracker.platform.serde.EventSerdes;
import org.pfptracker.platform.topic.Topics;
import org.pfptracker.tracker.config.TrackerSettings;
import org.pfptracker.tracker.http.HttpOptions;
import org.pfptracker.tracker.http.QueryCounters;
import org.pfptracker.tracker.http.TrackerHttpServer;
import org.pfptracker.tracker.metrics.RebalanceTimer;
import org.pfptracker.tracker.metrics.TrackerMetrics;
import org.pfptracker.tracker.query.StoreLocalViews;
import org.pfptracker.tracker.query.StreamsPartnerRouting;
import org.pfptracker.tracker.stream.PartnerChangeFeed;
import org.pfptracker.tracker.topology.PartnerViewTopology;
import org.pfptracker.tracker.topology.TrackerCounters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One tracker instance: the Kafka Streams application that keeps the partner views, the HTTP API that
 * serves them, the live dashboard, and the change feed that tells the dashboard's pages what changed.
 * Several instances with the same application id share the work; each answers any query, forwarding it
 * to the instance holding the partner when that is not itself, and each streams every partner's changes.
 * Start with {@link #start(Settings)}, stop with {@link #close()}.
 */
public final class TrackerService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TrackerService.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaStreams streams;
    private final TrackerHttpServer http;
    private final PartnerChangeFeed changeFeed;
    private final TrackerMetrics metrics;
    private final HostInfo hostInfo;
    private final TrackerCounters counters;

    private TrackerService(KafkaStreams streams, TrackerHttpServer http, PartnerChangeFeed changeFeed,
                           TrackerMetrics metrics, HostInfo hostInfo, TrackerCounters counters) {
        this.counters = counters;
        this.streams = streams;
        this.http = http;
        this.changeFeed = changeFeed;
        this.metrics = metrics;
        this.hostInfo = hostInfo;
    }

    /** Starts the streams application and the query API; returns at once, before the views are ready. */
    public static TrackerService start(Settings settings) {
        String host = settings.get(TrackerSettings.HTTP_HOST);
        // Streams must advertise the query API's real port to other instances before it starts,
        // so a requested port of 0 is resolved to a free port first.
        int port = resolvePort(host, settings.get(TrackerSettings.HTTP_PORT));
        HostInfo hostInfo = TrackerSettings.advertisedHostInfo(settings, port);
        Map<String, Object> config = TrackerSettings.streamsConfig(settings, port);

        Serde<SpecificRecord> eventSerde = EventSerdes.eventValues(settings);
        TrackerCounters counters = new TrackerCounters();
        config.put(TrackerCounters.CONFIG_KEY, counters);
        Topology topology = PartnerViewTopology.build(eventSerde, settings.get(TrackerSettings.VIEW_REFRESH),
                counters);
        Properties properties = new Properties();
        properties.putAll(config);
        KafkaStreams streams = new KafkaStreams(topology, properties);
        RebalanceTimer rebalances = new RebalanceTimer(Clock.systemUTC());
        streams.setStateListener((now, before) -> {
            log.info("Tracker streams {} -> {}", before, now);
            rebalances.onChange(now, before);
        });
        streams.setUncaughtExceptionHandler(e -> {
            log.error("Tracker stream thread failed on an unexpected error; stopping this instance so that another takes over", e);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        TrackerMetrics metrics = TrackerMetrics.create();
        StreamsPartnerRouting routing = new StreamsPartnerRouting(streams, hostInfo);
        metrics.bindKafkaStreams(streams);
        metrics.bind(counters, TrackerMetrics.readiness(routing), rebalances);
        streams.start();

        TrackerHttpServer http = null;
        try {
            // Inside the try: a malformed tracker.http.* setting or an unreadable key stops the streams again.
            HttpOptions options = new HttpOptions(host, port, settings.get(TrackerSettings.QUERY_FORWARD_TIMEOUT),
                    settings.get(TrackerSettings.QUERY_RETRY_AFTER), Clock.systemUTC(),
                    AccessControl.of(AccessSettings.from(settings), "pfp-tracker", "anonymous"),
                    settings.find(TrackerSettings.PEER_SECRET).orElseGet(TrackerService::randomSecret),
                    TrackerSettings.httpServer(settings));
            http = TrackerHttpServer.start(options, TrackerSettings.streamOptions(settings), metrics.registry(),
                    new StoreLocalViews(streams), routing);
            String applicationId = settings.get(TrackerSettings.APPLICATION_ID);
            PartnerChangeFeed changeFeed = PartnerChangeFeed.start(KafkaSettings.clientConfig(settings),
                    List.of(Topics.PARTNER_VIEWS),
                    applicationId + "-change-feed-" + hostInfo.host() + "-" + hostInfo.port(),
                    http.changes()::partnersChanged);
            log.info("Tracker '{}' started as {}:{}: state in {}, exactly-once, {} standby replica(s), query API on port {}",
                    applicationId, hostInfo.host(), hostInfo.port(), config.get("state.dir"),
                    config.get("num.standby.replicas"), http.port());
            return new TrackerService(streams, http, changeFeed, metrics, hostInfo, counters);
        } catch (RuntimeException e) {
            if (http != null) {
                http.close();
            }
            streams.close(CloseOptions.timeout(CLOSE_TIMEOUT));
            metrics.close();
            throw e;
        }
    }

    /** What this instance did with events: applied, duplicates dropped, dead-lettered, views built. */
    public TrackerCounters counters() {
        return counters;
    }

    /** Port of the HTTP API. */
    public int httpPort() {
        return http.port();
    }

    /** This instance as the others reach it: the advertised host and the HTTP port. */
    public HostInfo hostInfo() {
        return hostInfo;
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /** How this instance answered queries: forwarded, answered from a standby copy, peers failing. */
    public QueryCounters queryCounters() {
        return http.counters();
    }

    /** Queries this instance forwarded to another instance so far. */
    public long forwardedQueries() {
        return http.counters().forwardedQueries();
    }

    @Override
    public void close() {
        changeFeed.close();
        http.close();
        // Leave the group on a clean stop: the partitions move to other instances (or to this one when it
        // restarts) at once, instead of after the session timeout of a member that is gone.
        streams.close(CloseOptions.timeout(CLOSE_TIMEOUT)
                .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
        metrics.close();
    }

    private static int resolvePort(String host, int port) {
        if (port != 0) {
            return port;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(host, 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on " + host, e);
        }
    }

    /** A secret of this process only: forwarding between instances then fails, which one instance never does. */
    private static String randomSecret() {
        byte[] bytes = new byte[32];
        new java.security.SecureRandom().nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

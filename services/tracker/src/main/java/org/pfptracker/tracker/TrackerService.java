package org.pfptracker.tracker;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.pfptracker.platform.config.Settings;
import org.pfptracker.platform.serde.EventSerdes;
import org.pfptracker.tracker.config.TrackerSettings;
import org.pfptracker.tracker.http.TrackerHttpServer;
import org.pfptracker.tracker.query.PartnerViewQueries;
import org.pfptracker.tracker.topology.PartnerViewTopology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One tracker instance: the Kafka Streams application that keeps the partner views, and the HTTP API
 * that serves them. Start with {@link #start(Settings)}, stop with {@link #close()}.
 */
public final class TrackerService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TrackerService.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaStreams streams;
    private final TrackerHttpServer http;

    private TrackerService(KafkaStreams streams, TrackerHttpServer http) {
        this.streams = streams;
        this.http = http;
    }

    public static TrackerService start(Settings settings) {
        String host = settings.get(TrackerSettings.HTTP_HOST);
        // Streams must advertise the query API's real port to other instances before it starts,
        // so a requested port of 0 is resolved to a free port first.
        int port = resolvePort(host, settings.getInt(TrackerSettings.HTTP_PORT));
        Map<String, Object> config = TrackerSettings.streamsConfig(settings, port);

        Serde<SpecificRecord> eventSerde = EventSerdes.eventValues(settings);
        Topology topology = PartnerViewTopology.build(eventSerde);
        Properties properties = new Properties();
        properties.putAll(config);
        KafkaStreams streams = new KafkaStreams(topology, properties);
        streams.setStateListener((now, before) -> log.info("Tracker streams {} -> {}", before, now));
        streams.setUncaughtExceptionHandler(e -> {
            log.error("Tracker stream thread failed on an unexpected error; stopping this instance so that another takes over", e);
            return org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        streams.start();

        TrackerHttpServer http = TrackerHttpServer.start(host, port, new PartnerViewQueries(streams));
        log.info("Tracker '{}' started: state in {}, exactly-once, query API on port {}",
                config.get("application.id"), config.get("state.dir"), http.port());
        return new TrackerService(streams, http);
    }

    /** Port of the HTTP API. */
    public int httpPort() {
        return http.port();
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    @Override
    public void close() {
        http.close();
        // Leave the group on a clean stop: the partitions move to other instances (or to this one when it
        // restarts) at once, instead of after the session timeout of a member that is gone.
        streams.close(CloseOptions.timeout(CLOSE_TIMEOUT)
                .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
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
}

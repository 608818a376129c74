package org.pfptracker.tracker.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.pfptracker.http.server.ServerSettings;
import org.pfptracker.platform.config.ConfigurationException;
import org.pfptracker.platform.config.KafkaSettings;
import org.pfptracker.platform.config.Setting;
import org.pfptracker.platform.config.Settings;
import org.pfptracker.platform.topic.Topics;
import org.pfptracker.tracker.state.BoundedRocksDbMemory;
import org.pfptracker.tracker.stream.StreamOptions;
import org.pfptracker.tracker.topology.DeadLetterDeserializationHandler;
import org.pfptracker.tracker.topology.DeadLetterProcessingHandler;

/** The tracker's own options, each with its default for the embedded local stack. */
public final class TrackerSettings {

    public static final Setting APPLICATION_ID = new Setting("tracker.application.id", "pfp-tracker-v2",
            "Kafka Streams application id: instances with the same id share the work and the state. Version 2"
                    + " keeps its state in another layout than version 1 ('pfp-tracker'): a new id rebuilds it"
                    + " from the event topics.");
    public static final Setting HTTP_HOST = new Setting("tracker.http.host", "127.0.0.1",
            "Interface the query API listens on.");
    public static final Setting HTTP_PORT = new Setting("tracker.http.port", "8080",
            "Port of the query API (0 picks a free port).");
    public static final Setting ADVERTISED_HOST = new Setting("tracker.advertised.host", null,
            "Host name other instances use to reach this one's query API; defaults to tracker.http.host.");
    public static final Setting STATE_DIR = new Setting("tracker.state.dir",
            Path.of(System.getProperty("java.io.tmpdir"), "pfp-tracker-state").toString(),
            "Directory of the RocksDB state stores; keep it across restarts to avoid restoring from changelogs.");
    public static final Setting STANDBY_REPLICAS = new Setting("tracker.standby.replicas", "0",
            "Warm copies of each store on other instances, for fast fail-over and stale reads while an owner"
                    + " is unreachable (1 in a multi-instance set-up).");
    public static final Setting STREAM_THREADS = new Setting("tracker.stream.threads",
            Integer.toString(Runtime.getRuntime().availableProcessors()),
            "Stream threads in this instance (default: the number of cores); more threads than the instance's"
                    + " tasks stay idle.");
    public static final Setting VIEW_REFRESH = new Setting("tracker.view.refresh", "50ms",
            "How often the views of partners whose facts changed are materialised again: the longest an applied"
                    + " event waits before a query sees it. Shorter costs more view builds under load.");
    public static final Setting STATE_MEMORY = new Setting("tracker.state.memory.mb", "1024",
            "Native memory all of this process's RocksDB stores share (block cache, index and filter blocks,"
                    + " memtables), in MiB: bounds what the state stores take outside the Java heap.");
    public static final Setting RECORD_CACHE = new Setting("tracker.record.cache.mb", "64",
            "Heap for Kafka Streams' record cache, in MiB: repeated writes to one key within a commit become one"
                    + " RocksDB write and one changelog record. Larger helps a busy catch-up.");
    public static final Setting COMMIT_INTERVAL = new Setting("tracker.commit.interval", "300ms",
            "How often the exactly-once transaction commits. Queries read the stores as they are written, so it does"
                    + " not delay them; it delays read_committed readers of the views and signals topics (the live"
                    + " feed) and exercise news between tasks. Each commit flushes every store: at 1M events, 100ms"
                    + " gave 20.7k events/s and a publish-to-query p99 of 189 ms, 300ms 25.6k/s and 126 ms.");
    public static final Setting ACCEPTABLE_RECOVERY_LAG = new Setting("tracker.acceptable.recovery.lag", "10000",
            "Changelog records an instance may lag behind and still be given a store's active task at once"
                    + " (more lag: it warms up first).");
    public static final Setting PROBING_REBALANCE_INTERVAL = new Setting("tracker.probing.rebalance.interval", "10m",
            "How often warming-up instances are checked for being caught up, to move active tasks to them"
                    + " (at least 1m).");
    public static final Setting QUERY_FORWARD_TIMEOUT = new Setting("tracker.query.forward.timeout", "2s",
            "How long an instance waits for another instance (connect and answer) when forwarding a query,"
                    + " before falling back to a standby copy or answering 503.");
    public static final Setting PEER_SECRET = new Setting("tracker.peer.secret", null,
            "Secret all instances of one tracker share (16 characters or more), with which one proves to another"
                    + " that it forwarded a query; empty: a random one per process, which is right for one instance"
                    + " only.");
    public static final Setting QUERY_RETRY_AFTER = new Setting("tracker.query.retry.after", "2s",
            "Retry-After sent with a 503 while the views are starting, rebalancing or restoring (whole seconds).");

    public static final Setting LIVE_HEARTBEAT = new Setting("tracker.live.heartbeat", "15s",
            "How often the change stream (GET /api/v1/stream) sends an idle page a heartbeat; also how soon a page"
                    + " that went away is noticed and forgotten.");
    public static final Setting LIVE_MAX_CLIENTS = new Setting("tracker.live.max.clients", "200",
            "Pages connected to the change stream at most, per instance (each holds a thread); more are refused"
                    + " with 503.");
    public static final Setting LIVE_MAX_PER_CALLER = new Setting("tracker.live.max.clients.per.caller",
            Integer.toString(StreamOptions.DEFAULT_MAX_PER_CALLER),
            "Pages one caller (one token's subject; one address with access control off) may connect to the change"
                    + " stream at once; more are refused with 503, so one caller cannot take every place.");
    public static final Setting LIVE_CLIENT_BUFFER = new Setting("tracker.live.client.buffer", "256",
            "Changed partners held for a page that has not taken them yet; past that it is told to re-read"
                    + " everything, so a slow page costs bounded memory.");

    /** Where the query API's limits, timeouts and TLS are read, e.g. {@code tracker.http.idle.timeout}. */
    public static final String HTTP_SERVER_PREFIX = "tracker.http.";
    /** The query API's limits, timeouts and TLS: the options every pfp server shares ({@link ServerSettings.Option}). */
    public static final List<Setting> HTTP_SERVER = Arrays.stream(ServerSettings.Option.values())
            .map(option -> new Setting(option.key(HTTP_SERVER_PREFIX), option.defaultValue(), option.doc())).toList();

    public static final List<Setting> ALL = Stream.concat(Stream.of(APPLICATION_ID, HTTP_HOST, HTTP_PORT, ADVERTISED_HOST,
            PEER_SECRET, STATE_DIR, STANDBY_REPLICAS, STREAM_THREADS, VIEW_REFRESH, STATE_MEMORY, RECORD_CACHE, COMMIT_INTERVAL,
            ACCEPTABLE_RECOVERY_LAG, PROBING_REBALANCE_INTERVAL, QUERY_FORWARD_TIMEOUT, QUERY_RETRY_AFTER,
            LIVE_HEARTBEAT, LIVE_MAX_CLIENTS, LIVE_MAX_PER_CALLER, LIVE_CLIENT_BUFFER), HTTP_SERVER.stream()).toList();

    /** Threads kept for everything but live pages: probes, queries, Jetty's own selector and acceptor. */
    private static final int THREADS_BESIDE_LIVE_PAGES = 16;

    /** Kafka Streams refuses probing intervals below a minute. */
    private static final Duration MIN_PROBING_REBALANCE_INTERVAL = Duration.ofMinutes(1);

    private TrackerSettings() {
    }

    /** The Kafka Streams configuration of a tracker instance whose query API listens on the given port. */
    public static Map<String, Object> streamsConfig(Settings settings, int httpPort) {
        Map<String, Object> config = new HashMap<>(KafkaSettings.clientConfig(settings));
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.get(APPLICATION_ID));
        // A view must never count an event twice, even when an instance dies mid-commit.
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.STATE_DIR_CONFIG, settings.get(STATE_DIR));
        config.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, settings.getInt(STANDBY_REPLICAS));
        config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, settings.getInt(STREAM_THREADS));
        config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, settings.getInt(KafkaSettings.TOPIC_REPLICATION_FACTOR));
        config.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class);
        config.put(BoundedRocksDbMemory.BUDGET_CONFIG, settings.getInt(STATE_MEMORY) * (1L << 20));
        config.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, settings.getInt(RECORD_CACHE) * (1L << 20));
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, settings.getDuration(COMMIT_INTERVAL).toMillis());
        config.put(StreamsConfig.ACCEPTABLE_RECOVERY_LAG_CONFIG, (long) settings.getInt(ACCEPTABLE_RECOVERY_LAG));
        config.put(StreamsConfig.PROBING_REBALANCE_INTERVAL_MS_CONFIG, probingRebalanceInterval(settings).toMillis());
        // Other instances read this from the group's metadata to forward queries for keys held here.
        config.put(StreamsConfig.APPLICATION_SERVER_CONFIG, advertisedHost(settings) + ":" + httpPort);
        config.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, Topics.TRACKER_DEAD_LETTERS);
        config.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterDeserializationHandler.class);
        config.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class);
        config.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        return config;
    }

    /** How the change stream treats the pages connected to it. */
    public static StreamOptions streamOptions(Settings settings) {
        try {
            return new StreamOptions(settings.getDuration(LIVE_HEARTBEAT), settings.getInt(LIVE_MAX_CLIENTS),
                    settings.getInt(LIVE_CLIENT_BUFFER), settings.getInt(LIVE_MAX_PER_CALLER));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("Change stream settings (tracker.live.*): " + e.getMessage());
        }
    }

    /**
     * How the query API listens: limits, timeouts and TLS ({@code tracker.http.*}). Each live page holds a thread
     * for as long as it is open, so the pool must keep threads for everything else when every page is connected.
     */
    public static ServerSettings httpServer(Settings settings) {
        ServerSettings server;
        try {
            server = ServerSettings.from(HTTP_SERVER_PREFIX, key -> Optional.ofNullable(settings.asMap().get(key)));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(e.getMessage());
        }
        int liveClients = settings.getInt(LIVE_MAX_CLIENTS);
        if (server.limits().maxThreads() < liveClients + THREADS_BESIDE_LIVE_PAGES) {
            throw new ConfigurationException("Setting '" + ServerSettings.Option.MAX_THREADS.key(HTTP_SERVER_PREFIX)
                    + "' (" + server.limits().maxThreads() + ") must be at least " + THREADS_BESIDE_LIVE_PAGES
                    + " above '" + LIVE_MAX_CLIENTS.key() + "' (" + liveClients + "): each live page holds a thread");
        }
        return server;
    }

    /** The host other instances use to reach this one: tracker.advertised.host, else tracker.http.host. */
    public static String advertisedHost(Settings settings) {
        return settings.find(ADVERTISED_HOST).orElseGet(() -> settings.get(HTTP_HOST));
    }

    /** Where other instances reach this instance's query API: the advertised host and the HTTP port. */
    public static HostInfo advertisedHostInfo(Settings settings, int httpPort) {
        return new HostInfo(advertisedHost(settings), httpPort);
    }

    private static Duration probingRebalanceInterval(Settings settings) {
        Duration interval = settings.getDuration(PROBING_REBALANCE_INTERVAL);
        if (interval.compareTo(MIN_PROBING_REBALANCE_INTERVAL) < 0) {
            throw new ConfigurationException("Setting '" + PROBING_REBALANCE_INTERVAL.key()
                    + "' must be at least 1m (a Kafka Streams limit), was '" + settings.get(PROBING_REBALANCE_INTERVAL) + "'");
        }
        return interval;
    }
}

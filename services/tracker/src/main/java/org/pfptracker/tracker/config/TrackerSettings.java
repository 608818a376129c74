package org.pfptracker.tracker.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.pfptracker.core.config.ConfigurationException;
import org.pfptracker.core.config.Setting;
import org.pfptracker.core.config.Settings;
import org.pfptracker.core.config.Validator;
import org.pfptracker.http.server.ServerSettings;
import org.pfptracker.platform.config.KafkaSettings;
import org.pfptracker.platform.topic.Topics;
import org.pfptracker.tracker.state.BoundedRocksDbMemory;
import org.pfptracker.tracker.stream.StreamOptions;
import org.pfptracker.tracker.topology.DeadLetterDeserializationHandler;
import org.pfptracker.tracker.topology.DeadLetterProcessingHandler;

/** The tracker's own options, each with its default for the embedded local stack. */
public final class TrackerSettings {

    private static final Validator<Duration> POSITIVE = Validator.of("more than 0s",
            duration -> !duration.isNegative() && !duration.isZero());

    public static final Setting<String> APPLICATION_ID = Setting.string("tracker.application.id",
            "Kafka Streams application id: instances with the same id share the work and the state. Version 2"
                    + " keeps its state in another layout than version 1 ('pfp-tracker'): a new id rebuilds it"
                    + " from the event topics.").withDefault("pfp-tracker-v2");
    public static final Setting<String> HTTP_HOST = Setting.string("tracker.http.host",
            "Interface the query API listens on.").withDefault("127.0.0.1");
    public static final Setting<Integer> HTTP_PORT = Setting.integer("tracker.http.port",
            "Port of the query API (0 picks a free port).").withDefault(8080).validatedBy(Validator.between(0, 65535));
    public static final Setting<String> ADVERTISED_HOST = Setting.string("tracker.advertised.host",
            "Host name other instances use to reach this one's query API; defaults to tracker.http.host.").optional();
    /**
     * Relative to the working directory, beside {@code pfp local}'s data ({@code .pfp-data}) but not in its tracker's
     * directory: a temporary directory is emptied by the system (Kafka Streams warns about it), and losing the state
     * means restoring every store from its changelog.
     */
    public static final Setting<Path> STATE_DIR = Setting.path("tracker.state.dir",
            "Directory of the RocksDB state stores (relative: to the working directory); keep it across restarts to"
                    + " avoid restoring from changelogs. One per instance.")
            .withDefault(Path.of(".pfp-data", "tracker"));
    /**
     * Off by default: measured on Kafka Streams 4.4.0 after a kill -9 of {@code pfp local}, it did not spare the
     * restore. The start-up registration of existing stores (KAFKA-19434) still judges them without a checkpoint
     * and therefore corrupted, and every changelog was read again from its start (69,668 of 71,451 records).
     */
    public static final Setting<Boolean> TRANSACTIONAL_STATE = Setting.bool("tracker.state.transactional",
            "Transactional state stores (Kafka Streams' enable.transactional.statestores, KIP-892): a store's writes"
                    + " are kept apart until the exactly-once transaction commits, so that a crash need not wipe it."
                    + " Off by default: on Kafka Streams 4.4.0 a restart after kill -9 still restored every store from"
                    + " its changelog with it on.")
            .withDefault(false);
    public static final Setting<String> INSTANCE_ID = Setting.string("tracker.instance.id",
            "Stable name of this instance in the consumer group (static membership, group.instance.id): restarted"
                    + " under the same name it takes its tasks back at once, instead of after tracker.session.timeout."
                    + " Unique per instance (two with one name fence each other); default: the advertised host and"
                    + " the query API's port.").optional();
    public static final Setting<Duration> SESSION_TIMEOUT = Setting.duration("tracker.session.timeout",
            "How long the group waits for an instance that stopped heartbeating before its tasks move to the others"
                    + " (to its standbys' hosts, when there are standbys): about how long queries for its partners fail"
                    + " after it dies. Shorter reacts faster; a pause as long (GC, a stalled host) moves tasks for"
                    + " nothing. Within the broker's group.min.session.timeout.ms (6s by default).")
            .withDefault(Duration.ofSeconds(10)).validatedBy(Validator.of("at least 1s",
                    timeout -> timeout.compareTo(Duration.ofSeconds(1)) >= 0));
    public static final Setting<Integer> STANDBY_REPLICAS = Setting.integer("tracker.standby.replicas",
            "Warm copies of each store on other instances, for fast fail-over and stale reads while an owner"
                    + " is unreachable (1 in a multi-instance set-up).").withDefault(0).validatedBy(Validator.atLeast(0));
    public static final Setting<Integer> STREAM_THREADS = Setting.integer("tracker.stream.threads",
            "Stream threads in this instance (default: the number of cores); more threads than the instance's"
                    + " tasks stay idle.").withDefault(Runtime.getRuntime().availableProcessors())
            .validatedBy(Validator.atLeast(1));
    public static final Setting<Duration> VIEW_REFRESH = Setting.duration("tracker.view.refresh",
            "How often the views of partners whose facts changed are materialised again: the longest an applied"
                    + " event waits before a query sees it. Shorter costs more view builds under load.")
            .withDefault(Duration.ofMillis(50)).validatedBy(POSITIVE);
    public static final Setting<Integer> STATE_MEMORY = Setting.integer("tracker.state.memory.mb",
            "Native memory all of this process's RocksDB stores share (block cache, index and filter blocks,"
                    + " memtables), in MiB: bounds what the state stores take outside the Java heap.")
            .withDefault(1024).validatedBy(Validator.atLeast(1));
    public static final Setting<Integer> RECORD_CACHE = Setting.integer("tracker.record.cache.mb",
            "Heap for Kafka Streams' record cache, in MiB: repeated writes to one key within a commit become one"
                    + " RocksDB write and one changelog record. Larger helps a busy catch-up.")
            .withDefault(64).validatedBy(Validator.atLeast(0));
    public static final Setting<Duration> COMMIT_INTERVAL = Setting.duration("tracker.commit.interval",
            "How often the exactly-once transaction commits. Queries read the stores as they are written, so it does"
                    + " not delay them; it delays read_committed readers of the views and signals topics (the live"
                    + " feed) and exercise news between tasks. Each commit flushes every store: at 1M events, 100ms"
                    + " gave 20.7k events/s and a publish-to-query p99 of 189 ms, 300ms 25.6k/s and 126 ms.")
            .withDefault(Duration.ofMillis(300)).validatedBy(POSITIVE);
    public static final Setting<Long> ACCEPTABLE_RECOVERY_LAG = Setting.longInteger("tracker.acceptable.recovery.lag",
            "Changelog records an instance may lag behind and still be given a store's active task at once"
                    + " (more lag: it warms up first).").withDefault(10_000L).validatedBy(Validator.atLeast(0L));
    /** Kafka Streams refuses probing intervals below a minute. */
    public static final Setting<Duration> PROBING_REBALANCE_INTERVAL = Setting.duration(
            "tracker.probing.rebalance.interval",
            "How often warming-up instances are checked for being caught up, to move active tasks to them"
                    + " (at least 1m).").withDefault(Duration.ofMinutes(10))
            .validatedBy(Validator.of("at least 1m (a Kafka Streams limit)",
                    interval -> interval.compareTo(Duration.ofMinutes(1)) >= 0));
    public static final Setting<Duration> QUERY_FORWARD_TIMEOUT = Setting.duration("tracker.query.forward.timeout",
            "How long an instance waits for another instance (connect and answer) when forwarding a query,"
                    + " before falling back to a standby copy or answering 503.")
            .withDefault(Duration.ofSeconds(2)).validatedBy(POSITIVE);
    public static final Setting<String> PEER_SECRET = Setting.password("tracker.peer.secret",
            "Secret all instances of one tracker share (16 characters or more), with which one proves to another"
                    + " that it forwarded a query; empty: a random one per process, which is right for one instance"
                    + " only.").optional();
    public static final Setting<Duration> QUERY_RETRY_AFTER = Setting.duration("tracker.query.retry.after",
            "Retry-After sent with a 503 while the views are starting, rebalancing or restoring (whole seconds).")
            .withDefault(Duration.ofSeconds(2)).validatedBy(Validator.atLeast(Duration.ZERO));

    public static final Setting<Duration> LIVE_HEARTBEAT = Setting.duration("tracker.live.heartbeat",
            "How often the change stream (GET /api/v1/stream) sends an idle page a heartbeat; also how soon a page"
                    + " that went away is noticed and forgotten.").withDefault(Duration.ofSeconds(15));
    public static final Setting<Integer> LIVE_MAX_CLIENTS = Setting.integer("tracker.live.max.clients",
            "Pages connected to the change stream at most, per instance (each holds a thread); more are refused"
                    + " with 503.").withDefault(200);
    public static final Setting<Integer> LIVE_MAX_PER_CALLER = Setting.integer("tracker.live.max.clients.per.caller",
            "Pages one caller (one token's subject; one address with access control off) may connect to the change"
                    + " stream at once; more are refused with 503, so one caller cannot take every place.")
            .withDefault(StreamOptions.DEFAULT_MAX_PER_CALLER);
    public static final Setting<Integer> LIVE_CLIENT_BUFFER = Setting.integer("tracker.live.client.buffer",
            "Changed partners held for a page that has not taken them yet; past that it is told to re-read"
                    + " everything, so a slow page costs bounded memory.").withDefault(256);

    /** Where the query API's limits, timeouts and TLS are read, e.g. {@code tracker.http.idle.timeout}. */
    public static final String HTTP_SERVER_PREFIX = "tracker.http.";
    /** The query API's limits, timeouts and TLS: the options every pfp server shares ({@link ServerSettings#OPTIONS}). */
    public static final List<Setting<?>> HTTP_SERVER = ServerSettings.optionsUnder(HTTP_SERVER_PREFIX);

    public static final List<Setting<?>> ALL = Stream.concat(Stream.<Setting<?>>of(APPLICATION_ID, HTTP_HOST, HTTP_PORT, ADVERTISED_HOST,
            PEER_SECRET, STATE_DIR, TRANSACTIONAL_STATE, INSTANCE_ID, SESSION_TIMEOUT, STANDBY_REPLICAS, STREAM_THREADS, VIEW_REFRESH, STATE_MEMORY, RECORD_CACHE, COMMIT_INTERVAL,
            ACCEPTABLE_RECOVERY_LAG, PROBING_REBALANCE_INTERVAL, QUERY_FORWARD_TIMEOUT, QUERY_RETRY_AFTER,
            LIVE_HEARTBEAT, LIVE_MAX_CLIENTS, LIVE_MAX_PER_CALLER, LIVE_CLIENT_BUFFER), HTTP_SERVER.stream()).toList();

    private static final int HEARTBEATS_PER_SESSION = 5;

    /** Threads kept for everything but live pages: probes, queries, Jetty's own selector and acceptor. */
    private static final int THREADS_BESIDE_LIVE_PAGES = 16;

    private TrackerSettings() {
    }

    /** The Kafka Streams configuration of a tracker instance whose query API listens on the given port. */
    public static Map<String, Object> streamsConfig(Settings settings, int httpPort) {
        Map<String, Object> config = new HashMap<>(KafkaSettings.clientConfig(settings));
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.get(APPLICATION_ID));
        // A view must never count an event twice, even when an instance dies mid-commit.
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.STATE_DIR_CONFIG, settings.get(STATE_DIR).toAbsolutePath().normalize().toString());
        config.put(StreamsConfig.TRANSACTIONAL_STATE_STORES_CONFIG, settings.get(TRANSACTIONAL_STATE));
        // Static membership: the group knows a restarted instance by its name, so a kill -9 and a restart cost no
        // wait for the dead member's session to expire. Streams adds each stream thread's number to it.
        config.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instanceId(settings, httpPort));
        long sessionTimeout = settings.get(SESSION_TIMEOUT).toMillis();
        config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) sessionTimeout);
        // Several heartbeats per session, so that one lost heartbeat never ends a live member's session.
        config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) Math.max(100, sessionTimeout / HEARTBEATS_PER_SESSION));
        config.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, settings.get(STANDBY_REPLICAS));
        config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, settings.get(STREAM_THREADS));
        config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, settings.get(KafkaSettings.TOPIC_REPLICATION_FACTOR));
        config.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class);
        config.put(BoundedRocksDbMemory.BUDGET_CONFIG, settings.get(STATE_MEMORY) * (1L << 20));
        config.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, settings.get(RECORD_CACHE) * (1L << 20));
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, settings.get(COMMIT_INTERVAL).toMillis());
        config.put(StreamsConfig.ACCEPTABLE_RECOVERY_LAG_CONFIG, settings.get(ACCEPTABLE_RECOVERY_LAG));
        config.put(StreamsConfig.PROBING_REBALANCE_INTERVAL_MS_CONFIG, settings.get(PROBING_REBALANCE_INTERVAL).toMillis());
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
            return new StreamOptions(settings.get(LIVE_HEARTBEAT), settings.get(LIVE_MAX_CLIENTS),
                    settings.get(LIVE_CLIENT_BUFFER), settings.get(LIVE_MAX_PER_CALLER));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("Change stream settings (tracker.live.*): " + e.getMessage());
        }
    }

    /**
     * How the query API listens: limits, timeouts and TLS ({@code tracker.http.*}). Each live page holds a thread
     * for as long as it is open, so the pool must keep threads for everything else when every page is connected.
     */
    public static ServerSettings httpServer(Settings settings) {
        ServerSettings server = ServerSettings.from(HTTP_SERVER_PREFIX, settings);
        int liveClients = settings.get(LIVE_MAX_CLIENTS);
        if (server.limits().maxThreads() < liveClients + THREADS_BESIDE_LIVE_PAGES) {
            throw new ConfigurationException("Setting '" + ServerSettings.MAX_THREADS.under(HTTP_SERVER_PREFIX).key()
                    + "' (" + server.limits().maxThreads() + ") must be at least " + THREADS_BESIDE_LIVE_PAGES
                    + " above '" + LIVE_MAX_CLIENTS.key() + "' (" + liveClients + "): each live page holds a thread");
        }
        return server;
    }

    /** The host other instances use to reach this one: tracker.advertised.host, else tracker.http.host. */
    public static String advertisedHost(Settings settings) {
        return settings.find(ADVERTISED_HOST).orElseGet(() -> settings.get(HTTP_HOST));
    }

    /**
     * This instance's name in the group: tracker.instance.id, else its advertised host and query port, which no
     * other instance shares while it runs (both are in the group's metadata already) and which stay across restarts.
     */
    public static String instanceId(Settings settings, int httpPort) {
        return settings.find(INSTANCE_ID).orElseGet(() -> settings.get(APPLICATION_ID) + "-" + advertisedHost(settings)
                + "-" + httpPort);
    }

    /** Where other instances reach this instance's query API: the advertised host and the HTTP port. */
    public static HostInfo advertisedHostInfo(Settings settings, int httpPort) {
        return new HostInfo(advertisedHost(settings), httpPort);
    }
}

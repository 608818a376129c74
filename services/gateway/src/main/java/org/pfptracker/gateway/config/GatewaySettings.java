package org.pfptracker.gateway.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.pfptracker.core.config.Setting;
import org.pfptracker.core.config.Settings;
import org.pfptracker.core.config.Validator;
import org.pfptracker.http.server.ServerSettings;
import org.pfptracker.platform.config.KafkaSettings;
import org.pfptracker.publisher.EventPublisher;

/** The gateway's own options, each with its default for the local stack. */
public final class GatewaySettings {

    public static final Setting<String> HTTP_HOST = Setting.string("gateway.http.host",
            "Interface the gateway's HTTP API listens on; 0.0.0.0 for every interface.").withDefault("127.0.0.1");
    public static final Setting<Integer> HTTP_PORT = Setting.integer("gateway.http.port",
            "Port of the gateway's HTTP API (0 picks a free port).").withDefault(8082)
            .validatedBy(Validator.between(0, 65535));
    public static final Setting<Integer> MAX_BODY_BYTES = Setting.integer("gateway.http.max.body.bytes",
            "Largest request body accepted, in bytes; larger ones are answered 413.").withDefault(65536)
            .validatedBy(Validator.atLeast(1));
    public static final Setting<Duration> DELIVERY_TIMEOUT = Setting.duration("gateway.delivery.timeout",
            "How long the gateway waits for Kafka to acknowledge an event (acks=all) before answering 503; "
                    + "shorter than the publisher's default so that an HTTP client is not kept waiting.")
            .withDefault(Duration.ofSeconds(10)).validatedBy(Validator.atLeast(Duration.ofMillis(1)));
    public static final Setting<Duration> IDEMPOTENCY_TTL = Setting.duration("gateway.idempotency.ttl",
            "How long the answer to a request with an Idempotency-Key is remembered and replayed.")
            .withDefault(Duration.ofHours(24)).validatedBy(Validator.atLeast(Duration.ofMillis(1)));
    public static final Setting<Integer> IDEMPOTENCY_MAX_KEYS = Setting.integer("gateway.idempotency.max.keys",
            "Most Idempotency-Keys remembered at once (about 0.5 KB each); the oldest are forgotten first.")
            .withDefault(100_000).validatedBy(Validator.atLeast(1));
    public static final Setting<String> SOURCE = Setting.string("gateway.source",
            "What the gateway writes into metadata.source of every event it publishes.").withDefault("gateway");

    /** Where the HTTP API's limits, timeouts and TLS are read, e.g. {@code gateway.http.idle.timeout}. */
    public static final String HTTP_SERVER_PREFIX = "gateway.http.";
    /** The HTTP API's limits, timeouts and TLS: the options every pfp server shares ({@link ServerSettings#OPTIONS}). */
    public static final List<Setting<?>> HTTP_SERVER = ServerSettings.optionsUnder(HTTP_SERVER_PREFIX);

    public static final List<Setting<?>> ALL = Stream.concat(Stream.<Setting<?>>of(HTTP_HOST, HTTP_PORT, MAX_BODY_BYTES,
            DELIVERY_TIMEOUT, IDEMPOTENCY_TTL, IDEMPOTENCY_MAX_KEYS, SOURCE), HTTP_SERVER.stream()).toList();

    /** Producer property bounding how long {@code send()} may block on missing metadata (a cluster that is down). */
    static final String MAX_BLOCK_KEY = KafkaSettings.CLIENT_PREFIX + "max.block.ms";

    private GatewaySettings() {
    }

    /** How the HTTP API listens: limits, timeouts and TLS ({@code gateway.http.*}). */
    public static ServerSettings httpServer(Settings settings) {
        return ServerSettings.from(HTTP_SERVER_PREFIX, settings);
    }

    /**
     * The settings the gateway's publisher is created with: the gateway's delivery timeout replaces the
     * publisher's own, and {@code send()} blocks no longer than that either, unless the operator chose
     * otherwise. Only the publisher gets them; the partner directory's consumer would warn about a
     * producer property.
     */
    public static Settings publisherSettings(Settings settings) {
        Duration timeout = settings.get(DELIVERY_TIMEOUT);
        Settings publisher = settings.with(EventPublisher.DELIVERY_TIMEOUT, timeout);
        if (!settings.asMap().containsKey(MAX_BLOCK_KEY)) {
            publisher = publisher.withValues(Map.of(MAX_BLOCK_KEY, Long.toString(timeout.toMillis())));
        }
        return publisher;
    }
}

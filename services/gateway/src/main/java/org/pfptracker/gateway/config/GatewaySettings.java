package org.pfptracker.gateway.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.pfptracker.http.server.ServerSettings;
import org.pfptracker.platform.config.ConfigurationException;
import org.pfptracker.platform.config.Setting;
import org.pfptracker.platform.config.Settings;
import org.pfptracker.publisher.EventPublisher;

/** The gateway's own options, each with its default for the local stack. */
public final class GatewaySettings {

    public static final Setting HTTP_HOST = new Setting("gateway.http.host", "127.0.0.1",
            "Interface the gateway's HTTP API listens on; 0.0.0.0 for every interface.");
    public static final Setting HTTP_PORT = new Setting("gateway.http.port", "8082",
            "Port of the gateway's HTTP API (0 picks a free port).");
    public static final Setting MAX_BODY_BYTES = new Setting("gateway.http.max.body.bytes", "65536",
            "Largest request body accepted, in bytes; larger ones are answered 413.");
    public static final Setting DELIVERY_TIMEOUT = new Setting("gateway.delivery.timeout", "10s",
            "How long the gateway waits for Kafka to acknowledge an event (acks=all) before answering 503; "
                    + "shorter than the publisher's default so that an HTTP client is not kept waiting.");
    public static final Setting IDEMPOTENCY_TTL = new Setting("gateway.idempotency.ttl", "24h",
            "How long the answer to a request with an Idempotency-Key is remembered and replayed.");
    public static final Setting IDEMPOTENCY_MAX_KEYS = new Setting("gateway.idempotency.max.keys", "100000",
            "Most Idempotency-Keys remembered at once (about 0.5 KB each); the oldest are forgotten first.");
    public static final Setting SOURCE = new Setting("gateway.source", "gateway",
            "What the gateway writes into metadata.source of every event it publishes.");

    /** Where the HTTP API's limits, timeouts and TLS are read, e.g. {@code gateway.http.idle.timeout}. */
    public static final String HTTP_SERVER_PREFIX = "gateway.http.";
    /** The HTTP API's limits, timeouts and TLS: the options every pfp server shares ({@link ServerSettings.Option}). */
    public static final List<Setting> HTTP_SERVER = Arrays.stream(ServerSettings.Option.values())
            .map(option -> new Setting(option.key(HTTP_SERVER_PREFIX), option.defaultValue(), option.doc())).toList();

    public static final List<Setting> ALL = Stream.concat(Stream.of(HTTP_HOST, HTTP_PORT, MAX_BODY_BYTES, DELIVERY_TIMEOUT,
            IDEMPOTENCY_TTL, IDEMPOTENCY_MAX_KEYS, SOURCE), HTTP_SERVER.stream()).toList();

    /** Producer property bounding how long {@code send()} may block on missing metadata (a cluster that is down). */
    static final String MAX_BLOCK_KEY = Settings.KAFKA_CLIENT_PREFIX + "max.block.ms";

    private GatewaySettings() {
    }

    /** How the HTTP API listens: limits, timeouts and TLS ({@code gateway.http.*}). */
    public static ServerSettings httpServer(Settings settings) {
        try {
            return ServerSettings.from(HTTP_SERVER_PREFIX, key -> Optional.ofNullable(settings.asMap().get(key)));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(e.getMessage());
        }
    }

    /**
     * The settings the gateway's publisher is created with: the gateway's delivery timeout replaces the
     * publisher's own, and {@code send()} blocks no longer than that either, unless the operator chose
     * otherwise. Only the publisher gets them; the partner directory's consumer would warn about a
     * producer property.
     */
    public static Settings publisherSettings(Settings settings) {
        Duration timeout = settings.getDuration(DELIVERY_TIMEOUT);
        Settings publisher = settings.with(EventPublisher.DELIVERY_TIMEOUT, timeout.toMillis() + "ms");
        if (!settings.asMap().containsKey(MAX_BLOCK_KEY)) {
            publisher = publisher.with(new Setting(MAX_BLOCK_KEY, null, "send() blocking bound"),
                    Long.toString(timeout.toMillis()));
        }
        return publisher;
    }
}

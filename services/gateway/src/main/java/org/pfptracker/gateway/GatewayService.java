package org.pfptracker.gateway;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import org.pfptracker.core.config.Settings;
import org.pfptracker.gateway.config.GatewaySettings;
import org.pfptracker.gateway.http.Accepted;
import org.pfptracker.gateway.http.GatewayHttpServer;
import org.pfptracker.gateway.http.HttpOptions;
import org.pfptracker.gateway.idempotency.IdempotencyStore;
import org.pfptracker.gateway.partner.PartnerDirectory;
import org.pfptracker.gateway.partner.PartnerDirectoryLoader;
import org.pfptracker.http.access.AccessControl;
import org.pfptracker.http.access.AccessSettings;
import org.pfptracker.publisher.EventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One gateway instance: the HTTP API through which upstream systems not on the JVM send commands as JSON,
 * which it checks, turns into Avro events and publishes to Kafka. Start with {@link #start(Settings)}, stop
 * with {@link #close()}.
 *
 * <p>It answers at once, but accepts commands only once it has read the known partners from Kafka
 * ({@code GET /health/ready} says when); until then commands get 503 with Retry-After. Instances share
 * nothing but Kafka, so any number can run behind a load balancer; each remembers its own
 * Idempotency-Keys, and a retry that reaches another instance still carries the same event id.
 */
public final class GatewayService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GatewayService.class);
    private static final Duration ANSWER_TIMEOUT_MARGIN = Duration.ofSeconds(1);

    private final Deque<AutoCloseable> running;
    private final GatewayHttpServer http;
    private final PartnerDirectory directory;

    private GatewayService(Deque<AutoCloseable> running, GatewayHttpServer http, PartnerDirectory directory) {
        this.running = running;
        this.http = http;
        this.directory = directory;
    }

    /**
     * Starts reading the partners topic, the publisher and the HTTP API against the cluster and registry
     * in the settings. If a part fails to start, what was started is stopped before the error is thrown.
     */
    public static GatewayService start(Settings settings) {
        Duration deliveryTimeout = settings.get(GatewaySettings.DELIVERY_TIMEOUT);
        // The producer fails a write itself at the delivery timeout, saying why (not enough replicas...);
        // the gateway's own guard comes a little later, only for a receipt that would never come.
        HttpOptions options = new HttpOptions(settings.get(GatewaySettings.HTTP_HOST),
                settings.get(GatewaySettings.HTTP_PORT), settings.get(GatewaySettings.MAX_BODY_BYTES),
                deliveryTimeout.plus(ANSWER_TIMEOUT_MARGIN), settings.get(GatewaySettings.SOURCE),
                AccessControl.of(AccessSettings.from(settings), "pfp-gateway", settings.get(GatewaySettings.SOURCE)),
                GatewaySettings.httpServer(settings));
        IdempotencyStore<Accepted> answers = new IdempotencyStore<>(settings.get(GatewaySettings.IDEMPOTENCY_TTL),
                settings.get(GatewaySettings.IDEMPOTENCY_MAX_KEYS), Clock.systemUTC());
        Deque<AutoCloseable> running = new ArrayDeque<>();
        try {
            PartnerDirectory directory = new PartnerDirectory();
            running.push(PartnerDirectoryLoader.start(settings, directory));
            EventPublisher publisher = EventPublisher.create(GatewaySettings.publisherSettings(settings));
            running.push(publisher);
            GatewayHttpServer http = GatewayHttpServer.start(options, directory, publisher::publish, answers,
                    Clock.systemUTC());
            running.push(http);
            log.info("Gateway started on port {}: delivery timeout {}, bodies up to {} bytes, Idempotency-Keys kept {} "
                            + "(at most {})", http.port(), deliveryTimeout, options.maxBodyBytes(),
                    settings.get(GatewaySettings.IDEMPOTENCY_TTL),
                    settings.get(GatewaySettings.IDEMPOTENCY_MAX_KEYS));
            return new GatewayService(running, http, directory);
        } catch (RuntimeException e) {
            closeAll(running);
            throw e;
        }
    }

    /** Port of the HTTP API. */
    public int httpPort() {
        return http.port();
    }

    /** Whether the gateway accepts commands: it has read every partner that had joined when it started. */
    public boolean isReady() {
        return directory.isComplete();
    }

    /** Stops taking requests, lets the publisher send what it holds, then stops reading partners. */
    @Override
    public void close() {
        closeAll(running);
        log.info("Gateway stopped");
    }

    private static void closeAll(Deque<AutoCloseable> running) {
        while (!running.isEmpty()) {
            AutoCloseable part = running.pop();
            try {
                part.close();
            } catch (Exception e) {
                log.warn("Stopping {} failed: {}", part.getClass().getSimpleName(), e.toString());
            }
        }
    }
}

package org.pfptracker.tracker.stream;

import io.javalin.http.sse.SseClient;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells every connected page which partners changed ({@code GET /api/v1/stream}, server-sent events).
 *
 * <p>Each client has its own bounded {@link PendingChanges} and its own sending thread (the request's),
 * so the change feed only ever drops ids into buffers and never waits for a browser: a slow or stalled
 * client delays nobody but itself, and costs at most its buffer. A client that went away is noticed at
 * the latest by the next heartbeat, whose write fails, and is then forgotten.
 */
public final class ChangeStream implements MeterBinder, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ChangeStream.class);

    /** A reserved place for one client; closing it gives the place back, once. */
    public final class Admission implements AutoCloseable {

        private final AtomicBoolean released = new AtomicBoolean();

        private Admission() {
        }

        @Override
        public void close() {
            if (released.compareAndSet(false, true)) {
                admitted.decrementAndGet();
            }
        }
    }

    private final StreamOptions options;
    private final String instance;
    private final Clock clock;
    private final Set<PendingChanges> clients = ConcurrentHashMap.newKeySet();
    private final AtomicInteger admitted = new AtomicInteger();
    private final LongAdder changesSent = new LongAdder();
    private final LongAdder heartbeatsSent = new LongAdder();
    private final LongAdder resyncsSent = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private volatile boolean closed;

    /**
     * @param instance this instance as named in the hello event ({@code host:port})
     */
    public ChangeStream(StreamOptions options, String instance, Clock clock) {
        this.options = options;
        this.instance = instance;
        this.clock = clock;
    }

    /** Reserves a place for a new client; empty when {@code maxClients} are connected or the stream is closing. */
    public Optional<Admission> admit() {
        if (closed || admitted.incrementAndGet() > options.maxClients()) {
            if (!closed) {
                admitted.decrementAndGet();
            }
            refused.increment();
            return Optional.empty();
        }
        return Optional.of(new Admission());
    }

    /**
     * Streams to one client until it goes away or the stream closes. Runs on the request's own thread,
     * which it holds meanwhile; gives the admission back when done.
     */
    public void serve(SseClient client, Admission admission) {
        PendingChanges pending = new PendingChanges(options.clientBuffer());
        clients.add(pending);
        client.onClose(pending::close);
        String remote = client.ctx().ip();
        log.debug("Stream client {} connected ({} connected)", remote, clients.size());
        try {
            if (!closed) {
                client.sendEvent(StreamEvents.HELLO, new StreamEvents.Hello(instance, clock.instant(),
                        options.heartbeat().toMillis()));
                sendUntilGone(client, pending);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            clients.remove(pending);
            admission.close();
            client.close();
            log.debug("Stream client {} gone ({} connected)", remote, clients.size());
        }
    }

    private void sendUntilGone(SseClient client, PendingChanges pending) throws InterruptedException {
        while (!client.terminated()) {
            PendingChanges.Batch batch = pending.take(options.heartbeat());
            if (batch.closed()) {
                return;
            }
            if (batch.resync()) {
                client.sendEvent(StreamEvents.RESYNC, new StreamEvents.Resync(
                        "more than " + options.clientBuffer() + " partners changed before this client took them"));
                resyncsSent.increment();
            } else if (batch.isEmpty()) {
                client.sendEvent(StreamEvents.HEARTBEAT, new StreamEvents.Heartbeat(clock.instant()));
                heartbeatsSent.increment();
            } else {
                for (String partnerId : batch.partnerIds()) {
                    client.sendEvent(StreamEvents.PARTNER_CHANGED, new StreamEvents.PartnerChanged(partnerId));
                    changesSent.increment();
                }
            }
        }
    }

    /** Passes changed partners to every connected client; never blocks. */
    public void partnersChanged(Collection<String> partnerIds) {
        if (partnerIds.isEmpty()) {
            return;
        }
        for (PendingChanges client : clients) {
            client.add(partnerIds);
        }
    }

    /** Clients connected now. */
    public int clients() {
        return clients.size();
    }

    /** Ends every client's stream; new clients are refused. */
    @Override
    public void close() {
        closed = true;
        clients.forEach(PendingChanges::close);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("pfp.tracker.stream.clients", clients, Set::size)
                .description("Pages connected to the change stream (GET /api/v1/stream)").register(registry);
        sent(registry, StreamEvents.PARTNER_CHANGED, changesSent);
        sent(registry, StreamEvents.HEARTBEAT, heartbeatsSent);
        sent(registry, StreamEvents.RESYNC, resyncsSent);
        FunctionCounter.builder("pfp.tracker.stream.clients.refused", refused, LongAdder::sum)
                .description("Stream connections refused because maxClients were connected").register(registry);
    }

    private static void sent(MeterRegistry registry, String event, LongAdder count) {
        FunctionCounter.builder("pfp.tracker.stream.events.sent", count, LongAdder::sum)
                .tag("event", event)
                .description("Server-sent events written to stream clients, by event").register(registry);
    }
}

package org.pfptracker.tracker.stream;

import io.javalin.http.sse.SseClient;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;
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
        private final String caller;

        private Admission(String caller) {
            this.caller = caller;
        }

        @Override
        public void close() {
            if (released.compareAndSet(false, true)) {
                admitted.decrementAndGet();
                perCaller.computeIfPresent(caller, (name, count) -> count <= 1 ? null : count - 1);
            }
        }
    }

    private final StreamOptions options;
    private final String instance;
    private final Clock clock;
    /** Each connected client's pending changes, with the partners it may hear about. */
    private final Map<PendingChanges, Predicate<String>> clients = new ConcurrentHashMap<>();
    private final AtomicInteger admitted = new AtomicInteger();
    /** Places taken per caller; a caller with none is not in the map, so it stays as small as the clients. */
    private final Map<String, Integer> perCaller = new ConcurrentHashMap<>();
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

    /**
     * Reserves a place for a new client of {@code caller}; empty when {@code maxClients} are connected, the
     * caller has {@code maxPerCaller} already, or the stream is closing.
     */
    public Optional<Admission> admit(String caller) {
        if (closed || admitted.incrementAndGet() > options.maxClients()) {
            if (!closed) {
                admitted.decrementAndGet();
            }
            refused.increment();
            return Optional.empty();
        }
        boolean[] taken = new boolean[1];
        perCaller.compute(caller, (name, count) -> {
            int current = count == null ? 0 : count;
            taken[0] = current < options.maxPerCaller();
            return taken[0] ? current + 1 : (count == null ? null : count);
        });
        if (!taken[0]) {
            admitted.decrementAndGet();
            refused.increment();
            return Optional.empty();
        }
        return Optional.of(new Admission(caller));
    }

    /**
     * Streams to one client until it goes away or the stream closes. Runs on the request's own thread,
     * which it holds meanwhile; gives the admission back when done.
     */
    public void serve(SseClient client, Admission admission) {
        serve(client, admission, partnerId -> true);
    }

    /**
     * Streams to one client, telling it only of the partners {@code sees} accepts (a partner reader hears
     * of its own partner only).
     */
    public void serve(SseClient client, Admission admission, Predicate<String> sees) {
        PendingChanges pending = new PendingChanges(options.clientBuffer());
        clients.put(pending, sees);
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
        clients.forEach((client, sees) -> {
            List<String> visible = partnerIds.stream().filter(sees).toList();
            if (!visible.isEmpty()) {
                client.add(visible);
            }
        });
    }

    /** Clients connected now. */
    public int clients() {
        return clients.size();
    }

    /** Ends every client's stream; new clients are refused. */
    @Override
    public void close() {
        closed = true;
        clients.keySet().forEach(PendingChanges::close);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("pfp.tracker.stream.clients", clients, Map::size)
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

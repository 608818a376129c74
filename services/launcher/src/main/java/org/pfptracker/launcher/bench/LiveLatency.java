package org.pfptracker.launcher.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.pfptracker.event.ActivityProposed;
import org.pfptracker.event.AreaOfCooperation;
import org.pfptracker.event.EventMetadata;
import org.pfptracker.publisher.EventPublisher;
import org.pfptracker.publisher.PublishReceipt;

/**
 * Publish-to-queryable latency at a steady live rate. Most of the rate is a load of activity proposals
 * for some partners; a few other partners get only probes, one probe every 100 ms (taking turns), so
 * that each probe partner's {@code freshness.eventsApplied} moves for its probe alone. A probe reads
 * that figure, publishes one proposal, and polls the partner's view every 5 ms until the figure has
 * grown: the latency runs from the publish call to that answer, and includes Kafka's acknowledgement,
 * the tracker's exactly-once commit interval and one HTTP query.
 */
final class LiveLatency {

    static final Duration PROBE_INTERVAL = Duration.ofMillis(100);
    static final Duration POLL_INTERVAL = Duration.ofMillis(5);
    /** Enough that one probe partner's previous probe is normally seen before its turn comes again. */
    static final int PROBE_PARTNERS = 6;
    private static final Duration PROBE_PATIENCE = Duration.ofSeconds(30);
    private static final String SOURCE = "pfp-bench";
    private static final AreaOfCooperation[] AREAS = Arrays.stream(AreaOfCooperation.values())
            .filter(area -> area != AreaOfCooperation.UNKNOWN).toArray(AreaOfCooperation[]::new);

    private final EventPublisher publisher;
    private final TrackerApi api;
    private final List<String> probePartners;
    private final List<String> loadPartners;
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    LiveLatency(EventPublisher publisher, TrackerApi api, List<String> partnerIds) {
        if (partnerIds.size() <= PROBE_PARTNERS) {
            throw new IllegalArgumentException("more than " + PROBE_PARTNERS + " partners are needed, got " + partnerIds);
        }
        this.publisher = publisher;
        this.api = api;
        this.probePartners = List.copyOf(partnerIds.subList(0, PROBE_PARTNERS));
        this.loadPartners = List.copyOf(partnerIds.subList(PROBE_PARTNERS, partnerIds.size()));
    }

    /** Publishes at the rate for the time, probing all along, and waits for the last probe. */
    LatencyFigures run(double rate, Duration time) throws InterruptedException {
        // Below 10 events a second every event is a probe.
        long probeInterval = Math.max(PROBE_INTERVAL.toNanos(), (long) (1e9 / rate));
        double loadRate = Math.max(0, rate - 1e9 / probeInterval);
        ExecutorService threads = Executors.newFixedThreadPool(PROBE_PARTNERS + 1, runnable -> {
            Thread thread = new Thread(runnable, "pfp-bench-live");
            thread.setDaemon(true);
            return thread;
        });
        try {
            long started = System.nanoTime();
            long deadline = started + time.toNanos();
            Future<?> load = threads.submit(() -> publishLoad(loadRate, started, deadline));
            List<Future<Probes>> probers = new ArrayList<>();
            for (int turn = 0; turn < PROBE_PARTNERS; turn++) {
                int first = turn;
                probers.add(threads.submit(() -> probe(first, probeInterval, started, deadline)));
            }
            load.get();
            List<Latencies> latencies = new ArrayList<>();
            int skipped = 0;
            int lost = 0;
            for (Future<Probes> prober : probers) {
                latencies.add(prober.get().latencies());
                skipped += prober.get().skipped();
                lost += prober.get().lost();
            }
            publisher.flush();
            double seconds = (System.nanoTime() - started) / 1e9;
            if (failure.get() != null) {
                throw new IllegalStateException("Publishing the live events failed", failure.get());
            }
            long[] sorted = Latencies.merged(latencies);
            return new LatencyFigures(acknowledged.get(), acknowledged.get() / Math.min(seconds, time.toNanos() / 1e9),
                    sorted.length, skipped, lost, Latencies.percentile(sorted, 50), Latencies.percentile(sorted, 99));
        } catch (ExecutionException e) {
            throw new IllegalStateException("The live measurement failed", e.getCause());
        } finally {
            threads.shutdownNow();
        }
    }

    /** The steady load: proposals for the load partners in turn, each at its due time. */
    private void publishLoad(double loadRate, long started, long deadline) {
        if (loadRate <= 0) {
            return;
        }
        double period = 1e9 / loadRate;
        for (long n = 0; ; n++) {
            long due = started + (long) (n * period);
            if (due >= deadline || failure.get() != null) {
                return;
            }
            LockSupport.parkNanos(due - System.nanoTime());
            publish(loadPartners.get((int) (n % loadPartners.size())), n);
        }
    }

    /** One probe partner's turns: every PROBE_PARTNERS-th probe tick, skipping turns while a probe is still out. */
    private Probes probe(int turn, long probeInterval, long started, long deadline) throws InterruptedException {
        String partnerId = probePartners.get(turn);
        Latencies latencies = new Latencies();
        int skipped = 0;
        int lost = 0;
        long every = probeInterval * PROBE_PARTNERS;
        for (long due = started + turn * probeInterval; due < deadline; due += every) {
            long now = System.nanoTime();
            if (now > due + every) {
                skipped++;
                continue;
            }
            LockSupport.parkNanos(due - now);
            long before = api.eventsApplied(partnerId);
            if (before < 0) {
                lost++;
                continue;
            }
            long sent = System.nanoTime();
            CompletableFuture<PublishReceipt> receipt = publish(partnerId, due);
            boolean seen = false;
            while (!seen && !receipt.isCompletedExceptionally() && System.nanoTime() - sent < PROBE_PATIENCE.toNanos()) {
                seen = api.eventsApplied(partnerId) > before;
                if (!seen) {
                    Thread.sleep(POLL_INTERVAL.toMillis());
                }
            }
            if (seen) {
                latencies.add(System.nanoTime() - sent);
            } else {
                lost++;
            }
        }
        return new Probes(latencies, skipped, lost);
    }

    private CompletableFuture<PublishReceipt> publish(String partnerId, long sequence) {
        return publisher.publish(proposal(partnerId, sequence)).whenComplete((receipt, error) -> {
            if (error != null) {
                failure.compareAndSet(null, error);
            } else {
                acknowledged.incrementAndGet();
            }
        });
    }

    private static ActivityProposed proposal(String partnerId, long sequence) {
        Instant now = Instant.now();
        return ActivityProposed.newBuilder()
                .setMetadata(EventMetadata.newBuilder()
                        .setEventId(UUID.randomUUID())
                        .setOccurredAt(now)
                        .setSource(SOURCE)
                        .setPartnerId(partnerId)
                        .setCorrelationId(null)
                        .build())
                .setActivityId("bench-" + UUID.randomUUID())
                .setTitle("Benchmark activity")
                .setArea(AREAS[Math.floorMod(sequence, AREAS.length)])
                .setPlannedStart(LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(60))
                .build();
    }

    private record Probes(Latencies latencies, int skipped, int lost) {
    }
}

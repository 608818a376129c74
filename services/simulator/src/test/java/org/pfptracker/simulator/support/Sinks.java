package org.pfptracker.simulator.support;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.specific.SpecificRecord;
import org.pfptracker.simulator.EventSink;

/** Event sinks that stand in for Kafka in unit tests of the runs. */
public final class Sinks {

    private Sinks() {
    }

    /** Acknowledges every event at once, and keeps them. */
    public static class Recording implements EventSink {
        private final List<SpecificRecord> events = new CopyOnWriteArrayList<>();

        @Override
        public CompletionStage<?> publish(SpecificRecord event) {
            events.add(event);
            return CompletableFuture.completedFuture(null);
        }

        public List<SpecificRecord> events() {
            return events;
        }
    }

    /** Refuses the event with the given (1-based) number, acknowledges all others at once. */
    public static final class Refusing extends Recording {
        private final int refused;

        public Refusing(int refused) {
            this.refused = refused;
        }

        @Override
        public CompletionStage<?> publish(SpecificRecord event) {
            super.publish(event);
            return events().size() == refused
                    ? CompletableFuture.failedFuture(new IllegalStateException("NOT_ENOUGH_REPLICAS"))
                    : CompletableFuture.completedFuture(null);
        }
    }

    /**
     * Acknowledges on another thread, one event at a time and slower than they come, as a broker
     * under load: publishes pile up, and it records how many were ever outstanding at once.
     */
    public static final class Slow implements EventSink, AutoCloseable {
        private final ExecutorService broker = Executors.newSingleThreadExecutor();
        private final AtomicInteger outstanding = new AtomicInteger();
        private final AtomicInteger mostOutstanding = new AtomicInteger();
        private final AtomicInteger acknowledged = new AtomicInteger();

        @Override
        public CompletionStage<?> publish(SpecificRecord event) {
            mostOutstanding.accumulateAndGet(outstanding.incrementAndGet(), Math::max);
            return CompletableFuture.runAsync(() -> {
                long busyUntil = System.nanoTime() + 20_000;
                while (System.nanoTime() < busyUntil) {
                    Thread.onSpinWait();
                }
                outstanding.decrementAndGet();
                acknowledged.incrementAndGet();
            }, broker);
        }

        public int mostOutstanding() {
            return mostOutstanding.get();
        }

        public int acknowledged() {
            return acknowledged.get();
        }

        @Override
        public void close() {
            broker.shutdownNow();
        }
    }
}

package org.pfptracker.simulator.run;

import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * Hands out one slot per {@code 1/rate} seconds: the steady beat of live mode. A short hiccup (a slow
 * acknowledgement, a GC pause) is made up by sending the missed slots at once, but never more than a
 * second's worth: after a long stall the beat restarts instead of flooding the cluster.
 */
final class Pacer {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    /** Waits are sliced so that a stop request is noticed within this time. */
    private static final long MAX_WAIT_SLICE_NANOS = 100_000_000L;

    private final long intervalNanos;
    private final long maxLagNanos;
    private final LongSupplier nanoTime;
    private final LongConsumer parkNanos;
    private long nextSlot;
    private boolean started;

    /** With the clock to read and the way to wait: the system's in a run, simulated ones in tests. */
    Pacer(double eventsPerSecond, LongSupplier nanoTime, LongConsumer parkNanos) {
        this.intervalNanos = Math.max(1, Math.round(NANOS_PER_SECOND / eventsPerSecond));
        this.maxLagNanos = Math.max(intervalNanos, NANOS_PER_SECOND);
        this.nanoTime = nanoTime;
        this.parkNanos = parkNanos;
    }

    /**
     * Waits for the next slot.
     *
     * @return false if {@code stop} became true (or the thread was interrupted) before it
     */
    boolean awaitSlot(BooleanSupplier stop) {
        long now = nanoTime.getAsLong();
        if (!started) {
            nextSlot = now;
            started = true;
        } else if (now - nextSlot > maxLagNanos) {
            nextSlot = now - maxLagNanos;
        }
        while (now < nextSlot) {
            if (stop.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                return false;
            }
            parkNanos.accept(Math.min(nextSlot - now, MAX_WAIT_SLICE_NANOS));
            now = nanoTime.getAsLong();
        }
        nextSlot += intervalNanos;
        return !stop.getAsBoolean();
    }
}

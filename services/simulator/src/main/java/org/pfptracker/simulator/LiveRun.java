package org.pfptracker.simulator;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A live run on its own thread, as started by {@link Simulator#startLive}. */
public final class LiveRun implements AutoCloseable {

    /** Long enough for the publishes in flight to be answered (the publisher's delivery timeout is 30 s). */
    private static final Duration STOP_PATIENCE = Duration.ofSeconds(45);

    private final Simulator simulator;
    private final CompletableFuture<LiveResult> result;

    LiveRun(Simulator simulator, CompletableFuture<LiveResult> result) {
        this.simulator = simulator;
        this.result = result;
    }

    /** Completes when the run ends: by {@link #stop()}, by the pace's limits, or exceptionally on a refused publish. */
    public CompletableFuture<LiveResult> result() {
        return result;
    }

    /**
     * Stops the run and waits for it to end.
     *
     * @throws SimulationFailedException if the run had stopped on a refused publish
     * @throws IllegalStateException if it does not end within 45 s
     */
    public LiveResult stop() {
        simulator.stop();
        try {
            return result.get(STOP_PATIENCE.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("the live run failed", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the live run did not stop within " + STOP_PATIENCE.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the live run to stop", e);
        }
    }

    @Override
    public void close() {
        stop();
    }
}

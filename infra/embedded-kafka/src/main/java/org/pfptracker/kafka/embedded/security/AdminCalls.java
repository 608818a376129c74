package org.pfptracker.kafka.embedded.security;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.kafka.common.KafkaFuture;

/** Waiting on admin requests, and on what they change to take effect, with one error style. */
final class AdminCalls {

    private static final long POLL_MILLIS = 50;

    private AdminCalls() {
    }

    /** The result of {@code future}, or an {@link IllegalStateException} that says which {@code action} failed. */
    static <T> T await(KafkaFuture<T> future, Duration timeout, String action) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not " + action + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Could not " + action + " within " + timeout.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while trying to " + action, e);
        }
    }

    /**
     * Asks {@code condition} until it holds: the controller commits a change before brokers apply
     * it, so a request that succeeded does not mean the next one sees its effect.
     */
    static void awaitTrue(BooleanSupplier condition, long deadlineNanos, Supplier<String> what) {
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadlineNanos > 0) {
                throw new IllegalStateException("Timed out waiting until " + what.get());
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting until " + what.get(), e);
            }
        }
    }
}

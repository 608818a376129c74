package org.pfptracker.kafka.junit;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for a cluster condition; the library's counterpart of Awaitility, which tests use. */
final class Polling {

    private static final long INTERVAL_MILLIS = 100;

    private Polling() {
    }

    static void await(Duration timeout, Supplier<String> whatWeAwait, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("Timed out after " + timeout.toSeconds() + " s waiting until "
                        + whatWeAwait.get());
            }
            try {
                Thread.sleep(INTERVAL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting until " + whatWeAwait.get(), e);
            }
        }
    }
}

package org.pfptracker.launcher.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.pfptracker.launcher.UserFacingException;

/**
 * Follows an application through a backlog by sampling its committed offsets every 200 ms until
 * everything is committed, printing a progress line every few seconds.
 */
final class CatchUp {

    static final Duration SAMPLE_INTERVAL = Duration.ofMillis(200);
    private static final Duration REPORT_INTERVAL = Duration.ofSeconds(5);
    /** Long enough for a rebalance or a slow restore, short enough that a stuck run does not hang forever. */
    private static final Duration STALL_LIMIT = Duration.ofMinutes(3);

    private CatchUp() {
    }

    /**
     * Waits until the application has committed past the whole backlog (and drained its repartition topics).
     *
     * @param what the application, for progress lines and errors
     * @param startedNanos {@link System#nanoTime()} when the application was started
     */
    static CatchUpResult await(String what, GroupProgress progress, Backlog backlog, long startedNanos, PrintStream log) {
        long records = backlog.records();
        List<ProgressSample> samples = new ArrayList<>();
        long lastChange = System.nanoTime();
        long lastReport = lastChange;
        long consumedAtReport = 0;
        long previous = -1;
        for (long tick = 1; ; tick++) {
            if (Thread.currentThread().isInterrupted()) {
                throw new IllegalStateException("Interrupted while waiting for " + what);
            }
            long now = System.nanoTime();
            long consumed = progress.consumed();
            samples.add(new ProgressSample(now - startedNanos, consumed));
            if (consumed >= records && progress.repartitionsDrained()) {
                return new CatchUpResult(records, samples);
            }
            if (consumed != previous) {
                previous = consumed;
                lastChange = now;
            } else if (now - lastChange > STALL_LIMIT.toNanos()) {
                throw new UserFacingException(String.format("%s made no progress for %d minutes, at %,d of %,d records",
                        what, STALL_LIMIT.toMinutes(), consumed, records));
            }
            if (now - lastReport >= REPORT_INTERVAL.toNanos()) {
                log.printf("[bench] %s: %.0f%% (%,d of %,d records), %,.0f records/s over the last %d s%n", what,
                        100.0 * consumed / records, consumed, records,
                        (consumed - consumedAtReport) / ((now - lastReport) / 1e9), REPORT_INTERVAL.toSeconds());
                lastReport = now;
                consumedAtReport = consumed;
            }
            // On a fixed schedule from the start, so that slow Admin calls do not stretch the interval.
            long next = startedNanos + tick * SAMPLE_INTERVAL.toNanos();
            while (next <= System.nanoTime()) {
                next += SAMPLE_INTERVAL.toNanos();
                tick++;
            }
            LockSupport.parkNanos(next - System.nanoTime());
        }
    }
}

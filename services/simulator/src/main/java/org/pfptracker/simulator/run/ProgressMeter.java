package org.pfptracker.simulator.run;

import java.time.Duration;
import java.time.Instant;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import org.pfptracker.simulator.progress.Phase;
import org.pfptracker.simulator.progress.Progress;
import org.pfptracker.simulator.progress.ProgressListener;

/**
 * Turns a run's counters into {@link Progress} for its listener, at most ten times a second however
 * often it is ticked, so a run can tick it on every event. The rate shown is smoothed over about a
 * second: the instantaneous rate of a batching producer jumps too much to read.
 */
final class ProgressMeter {

    private static final long REPORT_INTERVAL_NANOS = 100_000_000L;
    /** Weight of the newest 100 ms sample: about a second of memory. */
    private static final double SMOOTHING = 0.2;

    private final Phase phase;
    private final ProgressListener listener;
    private final LongSupplier nanoTime;
    private final LongSupplier events;
    private final DoubleSupplier fraction;
    private final long started;
    private long lastReport;
    private long eventsAtLastReport;
    private double rate = Double.NaN;
    private Instant historyAt;

    /**
     * @param events the run's acknowledged count
     * @param fraction how far the run is, in [0, 1], or NaN when it has no end
     */
    ProgressMeter(Phase phase, ProgressListener listener, LongSupplier nanoTime, LongSupplier events,
                  DoubleSupplier fraction) {
        this.phase = phase;
        this.listener = listener;
        this.nanoTime = nanoTime;
        this.events = events;
        this.fraction = fraction;
        this.started = nanoTime.getAsLong();
        this.lastReport = started;
    }

    /** The event time the run has reached. */
    void historyAt(Instant eventTime) {
        this.historyAt = eventTime;
    }

    Instant historyAt() {
        return historyAt;
    }

    Duration elapsed() {
        return Duration.ofNanos(nanoTime.getAsLong() - started);
    }

    /** Reports if the last report is old enough. */
    void tick() {
        long now = nanoTime.getAsLong();
        if (now - lastReport >= REPORT_INTERVAL_NANOS) {
            listener.onProgress(sample(now));
        }
    }

    /** The last word: reported whatever the interval, with the rate over the whole run. */
    Progress finish() {
        long now = nanoTime.getAsLong();
        long count = events.getAsLong();
        Duration elapsed = Duration.ofNanos(now - started);
        double overall = elapsed.isZero() ? 0 : count / (elapsed.toNanos() / 1e9);
        Progress last = new Progress(phase, count, historyAt, fraction.getAsDouble(), elapsed, overall);
        listener.onFinished(last);
        return last;
    }

    private Progress sample(long now) {
        long count = events.getAsLong();
        double recent = (count - eventsAtLastReport) / ((now - lastReport) / 1e9);
        rate = Double.isNaN(rate) ? recent : SMOOTHING * recent + (1 - SMOOTHING) * rate;
        lastReport = now;
        eventsAtLastReport = count;
        return new Progress(phase, count, historyAt, fraction.getAsDouble(), Duration.ofNanos(now - started), rate);
    }
}

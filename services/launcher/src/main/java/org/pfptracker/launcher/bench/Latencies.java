package org.pfptracker.launcher.bench;

import java.util.Arrays;

/** Latencies recorded by one thread, in nanoseconds, and their percentiles once merged. */
final class Latencies {

    private long[] nanos = new long[1_024];
    private int count;

    void add(long latencyNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = latencyNanos;
    }

    int count() {
        return count;
    }

    /** Every latency of several recorders, sorted: the percentiles are those of all requests together. */
    static long[] merged(Iterable<Latencies> recorders) {
        int total = 0;
        for (Latencies recorder : recorders) {
            total += recorder.count;
        }
        long[] all = new long[total];
        int at = 0;
        for (Latencies recorder : recorders) {
            System.arraycopy(recorder.nanos, 0, all, at, recorder.count);
            at += recorder.count;
        }
        Arrays.sort(all);
        return all;
    }

    /** The nearest-rank percentile of sorted latencies, or 0 when there are none. */
    static long percentile(long[] sorted, double percent) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percent / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }
}

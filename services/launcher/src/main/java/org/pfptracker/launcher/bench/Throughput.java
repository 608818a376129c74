package org.pfptracker.launcher.bench;

import java.time.Duration;

/**
 * Records read in a time.
 *
 * @param records records read
 * @param took wall-clock time it took
 */
record Throughput(long records, Duration took) {

    double perSecond() {
        return records / (Math.max(took.toNanos(), 1) / 1e9);
    }
}

package org.pfptracker.launcher.bench;

import java.time.Duration;

/**
 * How one endpoint answered under load.
 *
 * @param requests requests answered (any status)
 * @param errors requests answered with a status other than 2xx, or not answered at all
 * @param took how long the clients sent requests
 * @param p50Nanos median latency of the answered requests
 * @param p99Nanos 99th percentile latency of the answered requests
 */
record QueryFigures(long requests, long errors, Duration took, long p50Nanos, long p99Nanos) {

    double perSecond() {
        return requests / (Math.max(took.toNanos(), 1) / 1e9);
    }
}

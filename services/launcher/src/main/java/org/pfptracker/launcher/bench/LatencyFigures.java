package org.pfptracker.launcher.bench;

/**
 * Publish-to-queryable latency under a steady live load.
 *
 * @param published events acknowledged during the run (the load and the probes)
 * @param achievedRate events a second actually published
 * @param probes probes whose latency was measured
 * @param skipped probe turns left out because the partner's previous probe was not seen yet
 * @param lost probes not seen in their view within the patience, or whose view did not answer
 * @param p50Nanos median latency of the probes
 * @param p99Nanos 99th percentile latency of the probes
 */
record LatencyFigures(long published, double achievedRate, int probes, int skipped, int lost, long p50Nanos, long p99Nanos) {
}

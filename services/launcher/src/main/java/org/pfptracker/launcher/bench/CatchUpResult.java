package org.pfptracker.launcher.bench;

import java.time.Duration;
import java.util.List;

/**
 * How an application went through a backlog: the committed-offset samples from its start to the
 * sample that found it caught up.
 *
 * @param records records in the backlog
 * @param samples every sample, in time order; the last one is the caught-up one
 */
record CatchUpResult(long records, List<ProgressSample> samples) {

    CatchUpResult {
        samples = List.copyOf(samples);
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("a catch-up has at least its caught-up sample");
        }
    }

    /** From the start (start-up, group join and internal topics included) to the caught-up sample. */
    Duration took() {
        return Duration.ofNanos(last().elapsedNanos());
    }

    /** The whole backlog over the whole time: what a cold start costs. */
    double perSecond() {
        return records / seconds(last().elapsedNanos());
    }

    /**
     * The rate over the first tenth of the backlog, once processing shows: from the first sample that
     * found anything committed to the first that found a tenth more. Start-up is left out, so that this
     * and the last tenth compare processing alone (does it slow down as the state grows?). NaN when the
     * samples are too coarse to tell (the whole tenth fell between two samples).
     */
    double firstTenthPerSecond() {
        ProgressSample begin = null;
        for (ProgressSample sample : samples) {
            if (begin == null && sample.consumed() > 0) {
                begin = sample;
            } else if (begin != null && sample.consumed() >= begin.consumed() + tenth()) {
                return rate(begin, sample);
            }
        }
        return Double.NaN;
    }

    /** The rate over the last tenth: from the last sample still short of it to the caught-up sample. */
    double lastTenthPerSecond() {
        ProgressSample end = last();
        ProgressSample begin = null;
        for (ProgressSample sample : samples) {
            if (sample.consumed() <= records - tenth() && sample.consumed() > 0) {
                begin = sample;
            }
        }
        return begin == null || begin == end ? Double.NaN : rate(begin, end);
    }

    private long tenth() {
        return Math.max(1, records / 10);
    }

    private ProgressSample last() {
        return samples.get(samples.size() - 1);
    }

    private static double rate(ProgressSample from, ProgressSample to) {
        return (to.consumed() - from.consumed()) / seconds(to.elapsedNanos() - from.elapsedNanos());
    }

    private static double seconds(long nanos) {
        return Math.max(nanos, 1) / 1e9;
    }
}

package org.pfptracker.simulator.progress;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * Progress as plain lines, one per interval: for logs, pipes and CI, where a redrawn bar would be
 * a wall of carriage returns.
 */
public final class ProgressLog implements ProgressListener {

    private final PrintStream out;
    private final Duration interval;
    private Duration nextLine;

    public ProgressLog(PrintStream out, Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the progress interval must be positive, was " + interval);
        }
        this.out = out;
        this.interval = interval;
        this.nextLine = interval;
    }

    @Override
    public void onProgress(Progress progress) {
        if (progress.elapsed().compareTo(nextLine) < 0) {
            return;
        }
        print(progress);
        while (nextLine.compareTo(progress.elapsed()) <= 0) {
            nextLine = nextLine.plus(interval);
        }
    }

    @Override
    public void onFinished(Progress progress) {
        print(progress);
        nextLine = interval;
    }

    private void print(Progress progress) {
        out.println(progress.phase().name().toLowerCase(Locale.ROOT) + ": " + ProgressFormat.figures(progress));
        out.flush();
    }
}

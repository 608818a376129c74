package org.pfptracker.simulator.progress;

import java.io.PrintStream;
import java.time.Duration;

/**
 * A progress bar redrawn in place with a carriage return, at most four times a second: enough to look
 * alive, few enough that drawing never costs throughput.
 */
public final class TerminalProgressBar implements ProgressListener {

    private static final Duration REDRAW_INTERVAL = Duration.ofMillis(250);
    private static final int WIDTH = 30;

    private final PrintStream out;
    private Duration lastDrawn;
    private int lastLength;

    public TerminalProgressBar(PrintStream out) {
        this.out = out;
    }

    @Override
    public void onProgress(Progress progress) {
        if (lastDrawn != null && progress.elapsed().minus(lastDrawn).compareTo(REDRAW_INTERVAL) < 0) {
            return;
        }
        draw(progress);
    }

    @Override
    public void onFinished(Progress progress) {
        draw(progress);
        out.println();
        out.flush();
        lastDrawn = null;
        lastLength = 0;
    }

    private void draw(Progress progress) {
        String line = bar(progress) + " " + ProgressFormat.figures(progress);
        // Blank out what a longer previous line left behind.
        String padding = " ".repeat(Math.max(0, lastLength - line.length()));
        out.print("\r" + line + padding);
        out.flush();
        lastDrawn = progress.elapsed();
        lastLength = line.length();
    }

    private static String bar(Progress progress) {
        String label = progress.phase() == Phase.BACKFILL ? "backfill " : "live     ";
        if (!progress.hasFraction()) {
            return label;
        }
        int filled = (int) Math.round(Math.min(1, Math.max(0, progress.fraction())) * WIDTH);
        return label + "[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "]";
    }
}

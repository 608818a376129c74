package org.pfptracker.simulator;

import java.time.Duration;
import java.util.Locale;
import org.pfptracker.simulator.progress.ProgressFormat;

/** The figures both kinds of run report, worded once. */
final class RunFigures {

    private RunFigures() {
    }

    static double perSecond(long events, Duration duration) {
        double seconds = duration.toNanos() / 1e9;
        return seconds <= 0 ? 0 : events / seconds;
    }

    static String countDurationRate(long events, Duration duration) {
        return String.format(Locale.ROOT, "%s events in %s, %s events/s", ProgressFormat.count(events),
                ProgressFormat.duration(duration), ProgressFormat.count(Math.round(perSecond(events, duration))));
    }

    static String describe(Ending ending) {
        return switch (ending) {
            case END_OF_PERIOD -> "end of the period";
            case MAX_EVENTS -> "event limit reached";
            case MAX_DURATION -> "time limit reached";
            case STOPPED -> "stopped";
            case END_OF_HISTORY -> "no partner left cooperating";
        };
    }
}

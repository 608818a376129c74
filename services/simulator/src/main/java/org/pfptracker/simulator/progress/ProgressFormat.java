package org.pfptracker.simulator.progress;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How progress figures are written for people: 1,234,567 events, 42.1%, 1m 05s. */
public final class ProgressFormat {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private ProgressFormat() {
    }

    /** With thousands separators, whatever the machine's locale, so logs read the same everywhere. */
    public static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    public static String percent(double fraction) {
        return String.format(Locale.ROOT, "%5.1f%%", fraction * 100);
    }

    /** Seconds with a decimal under a minute, then minutes and seconds, then hours and minutes. */
    public static String duration(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%dm %02ds", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%dh %02dm", seconds / 3600, seconds % 3600 / 60);
    }

    /** The day (UTC) the history has reached. */
    public static String day(Instant instant) {
        return DAY.format(instant);
    }

    /** The figures of a progress line, without a bar: percent (when known), events, rate, history day, ETA. */
    public static String figures(Progress progress) {
        StringBuilder line = new StringBuilder();
        if (progress.hasFraction()) {
            line.append(percent(progress.fraction())).append("  ");
        }
        line.append(count(progress.events())).append(" events  ")
                .append(count(Math.round(progress.eventsPerSecond()))).append(" events/s");
        if (progress.historyAt() != null) {
            line.append("  history at ").append(day(progress.historyAt()));
        }
        progress.eta().ifPresent(eta -> line.append("  ETA ").append(duration(eta)));
        return line.toString();
    }
}

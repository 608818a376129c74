package org.pfptracker.core.config;

import java.time.Duration;

/** A duration as every pfp setting writes one: 250ms, 30s, 5m, 2h, 365d, or ISO-8601 (PT30S). */
public final class DurationText {

    /** What a duration looks like, said to the person who wrote something else. */
    public static final String FORM = "a duration such as 250ms, 30s, 5m, 2h, 365d or PT30S";

    private DurationText() {
    }

    /**
     * The duration the text says.
     *
     * @throws IllegalArgumentException when the text is not a duration
     */
    public static Duration parse(String text) {
        try {
            if (text.startsWith("P") || text.startsWith("p")) {
                return Duration.parse(text);
            }
            int unit = 0;
            while (unit < text.length() && Character.isDigit(text.charAt(unit))) {
                unit++;
            }
            long amount = Long.parseLong(text.substring(0, unit));
            return switch (text.substring(unit).trim()) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                case "d" -> Duration.ofDays(amount);
                default -> throw new IllegalArgumentException("unit");
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'" + text + "' is not " + FORM, e);
        }
    }

    /** The duration in the largest unit that says it exactly, e.g. {@code 30s} or {@code 365d}; {@link #parse} reads it back. */
    public static String format(Duration duration) {
        if (duration.isNegative() || duration.getNano() % 1_000_000 != 0) {
            return duration.toString();
        }
        long millis = duration.toMillis();
        if (millis != 0 && millis % 86_400_000 == 0) {
            return millis / 86_400_000 + "d";
        }
        if (millis != 0 && millis % 3_600_000 == 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis != 0 && millis % 60_000 == 0) {
            return millis / 60_000 + "m";
        }
        if (millis % 1000 == 0) {
            return millis / 1000 + "s";
        }
        return millis + "ms";
    }
}

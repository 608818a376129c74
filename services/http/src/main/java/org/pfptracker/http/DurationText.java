package org.pfptracker.http;

import java.time.Duration;

/** A duration as every pfp setting writes one: 250ms, 30s, 5m, 2h, 365d, or ISO-8601 (PT30S). */
public final class DurationText {

    private DurationText() {
    }

    /**
     * The duration the text says.
     *
     * @param key the setting it is the value of, named when the text is not a duration
     * @throws IllegalArgumentException naming the setting when the text is not a duration
     */
    public static Duration parse(String key, String text) {
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
            throw new IllegalArgumentException("Setting '" + key + "' must be a duration such as 500ms, 30s, 365d or"
                    + " PT30S, was '" + text + "'");
        }
    }
}

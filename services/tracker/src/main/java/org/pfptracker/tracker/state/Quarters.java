package org.pfptracker.tracker.state;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Calendar quarters in UTC, written {@code 2024-Q1}: they sort as text in time order. */
public final class Quarters {

    private Quarters() {
    }

    public static String of(Instant instant) {
        return of(LocalDate.ofInstant(instant, ZoneOffset.UTC));
    }

    public static String of(LocalDate date) {
        return date.getYear() + "-Q" + ((date.getMonthValue() - 1) / 3 + 1);
    }
}

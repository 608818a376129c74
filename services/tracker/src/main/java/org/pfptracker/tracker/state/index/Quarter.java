package org.pfptracker.tracker.state.index;

import java.time.LocalDate;

/** Calendar quarters (UTC) numbered as {@code year * 4 + quarter - 1}, so they sort and subtract as ints. */
public final class Quarter {

    private Quarter() {
    }

    public static int of(LocalDate date) {
        return date.getYear() * 4 + (date.getMonthValue() - 1) / 3;
    }

    public static int ofDay(int epochDay) {
        return of(LocalDate.ofEpochDay(epochDay));
    }

    public static int firstDay(int quarter) {
        return (int) firstDate(quarter).toEpochDay();
    }

    public static LocalDate firstDate(int quarter) {
        return LocalDate.of(Math.floorDiv(quarter, 4), Math.floorMod(quarter, 4) * 3 + 1, 1);
    }

    /** Written {@code 2024-Q1}, as the API shows it. */
    public static String name(int quarter) {
        return Math.floorDiv(quarter, 4) + "-Q" + (Math.floorMod(quarter, 4) + 1);
    }
}

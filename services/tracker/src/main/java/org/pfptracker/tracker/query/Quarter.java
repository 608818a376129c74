package org.pfptracker.tracker.query;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A calendar quarter, written as the pace series writes it: {@code 2024-Q1} (January to March 2024).
 *
 * @param year the year, 1000 to 9999 (four digits, so that the written form sorts as text in time order)
 * @param quarter 1 to 4
 */
public record Quarter(int year, int quarter) implements Comparable<Quarter> {

    private static final Pattern WRITTEN = Pattern.compile("(\\d{4})-Q([1-4])");

    public Quarter {
        if (year < 1000 || year > 9999) {
            throw new IllegalArgumentException("year " + year + " is not a four-digit year");
        }
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("quarter " + quarter + " is not 1 to 4");
        }
    }

    /**
     * Reads {@code YYYY-Qn}, e.g. {@code 2024-Q3}.
     *
     * @throws IllegalArgumentException for anything else, with a message fit for a client
     */
    public static Quarter parse(String written) {
        Matcher matcher = WRITTEN.matcher(written == null ? "" : written.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + written + "' is not a quarter written YYYY-Qn, e.g. 2024-Q3");
        }
        return new Quarter(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
    }

    /** The quarter a date falls in. */
    public static Quarter of(LocalDate date) {
        return new Quarter(date.getYear(), (date.getMonthValue() - 1) / 3 + 1);
    }

    /** The quarter an instant falls in, in UTC like every date of the views. */
    public static Quarter of(Instant instant) {
        return of(LocalDate.ofInstant(instant, ZoneOffset.UTC));
    }

    /** Every quarter from this one to {@code last}, both included, oldest first; empty when last is earlier. */
    public List<Quarter> through(Quarter last) {
        List<Quarter> quarters = new ArrayList<>();
        for (long index = index(); index <= last.index(); index++) {
            quarters.add(new Quarter((int) (index / 4), (int) (index % 4) + 1));
        }
        return quarters;
    }

    /** Quarters from this one to {@code last}, both included; 0 when {@code last} is earlier. */
    public long countTo(Quarter last) {
        long count = (last.index() - index()) + 1;
        return Math.max(count, 0);
    }

    /** Its first day. */
    public LocalDate firstDay() {
        return LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
    }

    public boolean isAfter(Quarter other) {
        return compareTo(other) > 0;
    }

    @Override
    public int compareTo(Quarter other) {
        return Long.compare(index(), other.index());
    }

    /** The written form, {@code YYYY-Qn}. */
    @Override
    public String toString() {
        return year + "-Q" + quarter;
    }

    private long index() {
        return year * 4L + (quarter - 1);
    }
}

package org.pfptracker.simulator.history;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The working week of the people behind the events: Monday to Friday, 07:00 to 17:00 UTC (08:00 to
 * 18:00 in Brussels in winter). Cooperation happens in office hours, so the generator places its
 * events in them: a Poisson process runs on working time and is mapped back to the calendar, which
 * spreads events over working hours without piling up on Monday mornings. Public holidays are ignored.
 *
 * <p>Times are epoch milliseconds: event time has millisecond precision in the Avro contract, so the
 * generator never makes a distinction the wire cannot carry.
 */
final class WorkingTime {

    static final long HOUR = 3_600_000L;
    static final long DAY = 24 * HOUR;
    private static final long DAY_STARTS = 7 * HOUR;
    static final long WORKING_DAY = 10 * HOUR;
    private static final int WORKING_DAYS_PER_WEEK = 5;
    /** Monday 1970-01-05T00:00Z: working time counts from here. */
    private static final long FIRST_MONDAY = 4 * DAY;

    /** Working milliseconds in an average calendar year (365.2425 days, five-sevenths of them working days). */
    static final double WORKING_YEAR = 365.2425 * WORKING_DAYS_PER_WEEK / 7.0 * WORKING_DAY;

    private WorkingTime() {
    }

    /** The working moment {@code workingMillis} of working time after {@code epochMillis}. */
    static long plusWorking(long epochMillis, double workingMillis) {
        return toEpochMillis(toWorking(epochMillis) + (long) workingMillis);
    }

    /**
     * A moment in the working hours of {@code day}, or of the next working day when it falls on a
     * weekend; {@code fractionOfDay} in [0, 1) says how far into the working day.
     */
    static long on(LocalDate day, double fractionOfDay) {
        LocalDate working = day;
        while (working.getDayOfWeek() == DayOfWeek.SATURDAY || working.getDayOfWeek() == DayOfWeek.SUNDAY) {
            working = working.plusDays(1);
        }
        return startOfDay(working) + DAY_STARTS + (long) (fractionOfDay * WORKING_DAY);
    }

    /**
     * As {@link #on}, but strictly after {@code earliest}: the steps of one life never swap places when
     * two of their days fall on the same weekend and both move to the Monday.
     */
    static long onButAfter(LocalDate day, double fractionOfDay, long earliest) {
        long moment = on(day, fractionOfDay);
        return moment > earliest ? moment : plusWorking(earliest, HOUR * (0.25 + fractionOfDay));
    }

    static LocalDate dateOf(long epochMillis) {
        return LocalDate.ofEpochDay(Math.floorDiv(epochMillis, DAY));
    }

    static long startOfDay(LocalDate day) {
        return day.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    /** Working milliseconds since the first Monday; a moment outside working hours counts as the next start. */
    private static long toWorking(long epochMillis) {
        long sinceMonday = epochMillis - FIRST_MONDAY;
        long days = Math.floorDiv(sinceMonday, DAY);
        long week = Math.floorDiv(days, 7);
        long dayOfWeek = days - week * 7;
        long intoDay = sinceMonday - days * DAY;
        long workingDaysBefore = week * WORKING_DAYS_PER_WEEK;
        if (dayOfWeek >= WORKING_DAYS_PER_WEEK) {
            return (workingDaysBefore + WORKING_DAYS_PER_WEEK) * WORKING_DAY;
        }
        long workingDay = workingDaysBefore + dayOfWeek;
        if (intoDay < DAY_STARTS) {
            return workingDay * WORKING_DAY;
        }
        if (intoDay >= DAY_STARTS + WORKING_DAY) {
            return (workingDay + 1) * WORKING_DAY;
        }
        return workingDay * WORKING_DAY + intoDay - DAY_STARTS;
    }

    private static long toEpochMillis(long working) {
        long workingDay = Math.floorDiv(working, WORKING_DAY);
        long intoDay = working - workingDay * WORKING_DAY;
        long week = Math.floorDiv(workingDay, WORKING_DAYS_PER_WEEK);
        long dayOfWeek = workingDay - week * WORKING_DAYS_PER_WEEK;
        return FIRST_MONDAY + (week * 7 + dayOfWeek) * DAY + DAY_STARTS + intoDay;
    }
}

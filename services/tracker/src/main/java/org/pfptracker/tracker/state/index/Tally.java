package org.pfptracker.tracker.state.index;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * A partner's running totals of additive figures, readable as of any day at a bounded cost. Two kinds
 * of entries per partner, in the {@code partner-tally} store:
 * <ul>
 *   <li>{@code partner/<family>d/<day>}: what changed on that day;</li>
 *   <li>{@code partner/<family>c/<quarter>}: the running total at the end of that quarter, for every
 *       quarter in which something changed.</li>
 * </ul>
 * The total as of a day is the last quarter total before the day's quarter plus the changes of at most
 * 92 days: two range scans, whatever the length of the history. A change updates its day and the
 * totals of its quarter and of any later quarter that has one: for events that arrive in time order,
 * that is one quarter; an old event arriving late updates at most every later quarter once.
 *
 * @param family a letter that keeps two tallies of one store apart (figures, lead times)
 */
public record Tally(char family) {

    /** Activity, exercise and event figures ({@link Figure}). */
    public static final Tally FIGURES = new Tally('f');
    /** Completed activities per lead time in days, from proposal to completion. */
    public static final Tally LEAD_TIMES = new Tally('l');

    /** Adds what changed on each day (epoch day to change) to the partner's totals. */
    public void add(KeyValueStore<String, Counts> store, String partnerId, Map<Integer, Counts> changes) {
        changes.forEach((day, delta) -> add(store, partnerId, day, delta));
    }

    public void add(KeyValueStore<String, Counts> store, String partnerId, int day, Counts delta) {
        if (delta.isEmpty()) {
            return;
        }
        String dayKey = dayKey(partnerId, day);
        store.put(dayKey, orNone(store.get(dayKey)).plus(delta));
        int quarter = Quarter.ofDay(day);
        String lastKey = lastQuarterKey(partnerId);
        Counts last = store.get(lastKey);
        Integer lastQuarter = last == null ? null : last.get(0);
        if (lastQuarter == null) {
            store.put(totalKey(partnerId, quarter), delta);
            store.put(lastKey, Counts.of(0, quarter));
        } else if (quarter == lastQuarter) {
            String key = totalKey(partnerId, quarter);
            store.put(key, orNone(store.get(key)).plus(delta));
        } else if (quarter > lastQuarter) {
            store.put(totalKey(partnerId, quarter), orNone(store.get(totalKey(partnerId, lastQuarter))).plus(delta));
            store.put(lastKey, Counts.of(0, quarter));
        } else {
            addToEarlierQuarter(store, partnerId, quarter, lastQuarter, delta);
        }
    }

    /** A late change: every quarter total from its quarter on, creating its quarter's if there is none. */
    private void addToEarlierQuarter(KeyValueStore<String, Counts> store, String partnerId, int quarter,
                                     int lastQuarter, Counts delta) {
        String ownKey = totalKey(partnerId, quarter);
        if (store.get(ownKey) == null) {
            store.put(ownKey, totalBefore(store, partnerId, quarter).plus(delta));
            quarter++;
        }
        List<KeyValue<String, Counts>> later = new ArrayList<>();
        try (KeyValueIterator<String, Counts> totals = store.range(totalKey(partnerId, quarter),
                totalKey(partnerId, lastQuarter))) {
            totals.forEachRemaining(later::add);
        }
        later.forEach(total -> store.put(total.key, total.value.plus(delta)));
    }

    /** The running totals as of the end of a day. */
    public Counts asOf(ReadOnlyKeyValueStore<String, Counts> store, String partnerId, LocalDate day) {
        int epochDay = (int) day.toEpochDay();
        int quarter = Quarter.ofDay(epochDay);
        Counts total = totalBefore(store, partnerId, quarter);
        try (KeyValueIterator<String, Counts> days = store.range(dayKey(partnerId, Quarter.firstDay(quarter)),
                dayKey(partnerId, epochDay))) {
            while (days.hasNext()) {
                total = total.plus(days.next().value);
            }
        }
        return total;
    }

    /**
     * The running total at the end of each quarter from {@code from} to {@code to} (inclusive, quarter
     * numbers as {@link Quarter} counts them), oldest first; a quarter with no change repeats the one before.
     */
    public List<Counts> quarterTotals(ReadOnlyKeyValueStore<String, Counts> store, String partnerId, int from, int to) {
        List<Counts> totals = new ArrayList<>();
        Counts current = totalBefore(store, partnerId, from);
        int next = from;
        try (KeyValueIterator<String, Counts> stored = store.range(totalKey(partnerId, from), totalKey(partnerId, to))) {
            while (stored.hasNext()) {
                KeyValue<String, Counts> entry = stored.next();
                int quarter = IndexKeys.parseSortableInt(entry.key.substring(entry.key.length() - 8));
                for (; next < quarter; next++) {
                    totals.add(current);
                }
                current = entry.value;
                totals.add(current);
                next = quarter + 1;
            }
        }
        for (; next <= to; next++) {
            totals.add(current);
        }
        return totals;
    }

    /** The first quarter with any change, or {@code null} when the tally is empty. */
    public Integer firstQuarter(ReadOnlyKeyValueStore<String, Counts> store, String partnerId) {
        try (KeyValueIterator<String, Counts> first = store.range(totalKey(partnerId, Integer.MIN_VALUE),
                totalKey(partnerId, Integer.MAX_VALUE))) {
            if (!first.hasNext()) {
                return null;
            }
            String key = first.next().key;
            return IndexKeys.parseSortableInt(key.substring(key.length() - 8));
        }
    }

    private Counts totalBefore(ReadOnlyKeyValueStore<String, Counts> store, String partnerId, int quarter) {
        // Most partners change every quarter: the quarter before has its total, one lookup away.
        Counts previous = store.get(totalKey(partnerId, quarter - 1));
        if (previous != null) {
            return previous;
        }
        try (KeyValueIterator<String, Counts> before = store.reverseRange(totalKey(partnerId, Integer.MIN_VALUE),
                totalKey(partnerId, quarter - 1))) {
            return before.hasNext() ? before.next().value : Counts.NONE;
        }
    }

    private String dayKey(String partnerId, int day) {
        return partnerId + IndexKeys.SEPARATOR + family + 'd' + IndexKeys.SEPARATOR + IndexKeys.sortable(day);
    }

    private String totalKey(String partnerId, int quarter) {
        return partnerId + IndexKeys.SEPARATOR + family + 'c' + IndexKeys.SEPARATOR + IndexKeys.sortable(quarter);
    }

    private String lastQuarterKey(String partnerId) {
        return partnerId + IndexKeys.SEPARATOR + family + 'm';
    }

    private static Counts orNone(Counts counts) {
        return counts == null ? Counts.NONE : counts;
    }
}

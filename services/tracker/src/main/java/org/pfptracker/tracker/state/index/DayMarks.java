package org.pfptracker.tracker.state.index;

import java.time.LocalDate;
import java.util.Optional;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * One entry per day on which something happened, for "the last day, on or before a date, when...":
 * one reverse seek, however long ago it was. Kept in the {@code partner-tally} store beside the tallies.
 *
 * @param family a letter of its own in the store
 */
public record DayMarks(char family) {

    /** Completed activities per completion day (UTC): the last completion on or before a date. */
    public static final DayMarks COMPLETIONS = new DayMarks('k');
    /**
     * The latest event time within each day, as milliseconds into the day plus one: the newest event on
     * or before a date. Events applied are never taken back, so the latest of a day only grows.
     */
    public static final DayMarks LATEST_EVENT = new DayMarks('t');

    /** Adds to a day's count; a day whose count reaches zero disappears. */
    public void add(KeyValueStore<String, Counts> store, String partnerId, int day, int delta) {
        String key = key(partnerId, day);
        Counts stored = store.get(key);
        Counts updated = (stored == null ? Counts.NONE : stored).plus(Counts.of(0, delta));
        if (updated.isEmpty()) {
            store.delete(key);
        } else {
            store.put(key, updated);
        }
    }

    /** Raises a day's value to {@code value} if it is lower. */
    public void raise(KeyValueStore<String, Counts> store, String partnerId, int day, int value) {
        String key = key(partnerId, day);
        Counts stored = store.get(key);
        if (stored == null || stored.get(0) < value) {
            store.put(key, Counts.of(0, value));
        }
    }

    /**
     * The last marked day on or before {@code day}, with its value. Looked for in widening windows (a
     * month, a year, then all before): a range read through the record cache copies the cached keys of its
     * range, so an open-ended range would cost as much as the partner's history.
     */
    public Optional<KeyValue<LocalDate, Integer>> latestOnOrBefore(ReadOnlyKeyValueStore<String, Counts> store,
                                                                  String partnerId, LocalDate day) {
        int to = (int) day.toEpochDay();
        for (int window : WINDOWS_DAYS) {
            int from = window == Integer.MAX_VALUE ? Integer.MIN_VALUE : to - window;
            try (KeyValueIterator<String, Counts> marks = store.reverseRange(key(partnerId, from), key(partnerId, to))) {
                if (marks.hasNext()) {
                    KeyValue<String, Counts> mark = marks.next();
                    int epochDay = IndexKeys.parseSortableInt(mark.key.substring(mark.key.length() - 8));
                    return Optional.of(KeyValue.pair(LocalDate.ofEpochDay(epochDay), mark.value.get(0)));
                }
            }
            if (from == Integer.MIN_VALUE) {
                break;
            }
            to = from - 1;
        }
        return Optional.empty();
    }

    /** The widening windows, in days, of {@link #latestOnOrBefore}. */
    private static final int[] WINDOWS_DAYS = {31, 366, Integer.MAX_VALUE};

    private String key(String partnerId, int day) {
        return partnerId + IndexKeys.SEPARATOR + family + IndexKeys.SEPARATOR + IndexKeys.sortable(day);
    }
}

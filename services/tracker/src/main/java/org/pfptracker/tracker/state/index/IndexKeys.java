package org.pfptracker.tracker.state.index;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Store keys that sort in time order. RocksDB orders keys by their bytes, so days, quarters and
 * instants are written as fixed-width hex of the number with its sign bit flipped: negative numbers
 * (before 1970) sort before positive ones, and a range scan over keys is a scan over time.
 */
public final class IndexKeys {

    /** Partner ids never contain it, so every key of a partner starts with {@code partnerId/}. */
    public static final char SEPARATOR = '/';

    private IndexKeys() {
    }

    /** The prefix of every key of one partner in a store. */
    public static String partnerPrefix(String partnerId) {
        return partnerId + SEPARATOR;
    }

    public static String sortable(int value) {
        String hex = Integer.toHexString(value ^ Integer.MIN_VALUE);
        return "0".repeat(8 - hex.length()) + hex;
    }

    public static String sortable(long value) {
        String hex = Long.toHexString(value ^ Long.MIN_VALUE);
        return "0".repeat(16 - hex.length()) + hex;
    }

    public static int parseSortableInt(String hex) {
        return (int) Long.parseLong(hex, 16) ^ Integer.MIN_VALUE;
    }

    public static String day(LocalDate day) {
        return sortable((int) day.toEpochDay());
    }

    public static String instant(Instant at) {
        return sortable(at.toEpochMilli());
    }
}

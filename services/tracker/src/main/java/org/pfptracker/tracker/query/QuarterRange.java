package org.pfptracker.tracker.query;

/**
 * The quarters a pace series is asked for. {@code from} may be left open: the series then starts at
 * the partner's first quarter with any activity. {@code to} is always known (it defaults to the
 * as-of date's quarter, the last one the views count).
 *
 * @param from first quarter, or {@code null} for the partner's first active quarter
 * @param to last quarter, included
 */
public record QuarterRange(Quarter from, Quarter to) {

    /** Enough for the whole history of the Partnership for Peace, and small enough to answer at once. */
    public static final int MAX_QUARTERS = 400;

    public QuarterRange {
        if (to == null) {
            throw new IllegalArgumentException("the last quarter is required");
        }
        if (from != null && from.isAfter(to)) {
            throw new IllegalArgumentException("from " + from + " is after to " + to);
        }
        if (from != null && from.countTo(to) > MAX_QUARTERS) {
            throw new IllegalArgumentException("from " + from + " to " + to + " spans " + from.countTo(to)
                    + " quarters; at most " + MAX_QUARTERS + " can be asked for at once");
        }
    }
}

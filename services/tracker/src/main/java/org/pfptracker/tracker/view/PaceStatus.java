package org.pfptracker.tracker.view;

/** How a partner's completed activities compare with the pace it chose for itself. */
public enum PaceStatus {
    /** Trailing-12-month completions at least 110% of the chosen yearly pace. */
    AHEAD,
    /** From 90% up to (not including) 110%. */
    ON_PACE,
    /** Below 90%. */
    BEHIND,
    /** Nothing completed in the 180 days up to the as-of date. */
    STALLED,
    /** No pace chosen. */
    NOT_SET
}

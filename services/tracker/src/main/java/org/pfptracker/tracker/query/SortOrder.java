package org.pfptracker.tracker.query;

/** Ascending or descending; partners that cannot be ranked stay last either way. */
public enum SortOrder {
    ASC, DESC
}

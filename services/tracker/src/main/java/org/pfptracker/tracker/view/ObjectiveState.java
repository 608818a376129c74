package org.pfptracker.tracker.view;

import java.time.LocalDate;

/** Where a programme objective stands as of a date. */
public enum ObjectiveState {
    /** Achieved on or before the date. */
    ACHIEVED,
    /** Not achieved, and its target date is before the date. */
    OVERDUE,
    /** Not achieved, and its target date is not yet past. */
    OPEN;

    static ObjectiveState of(boolean achieved, LocalDate targetDate, LocalDate asOf) {
        if (achieved) {
            return ACHIEVED;
        }
        return targetDate.isBefore(asOf) ? OVERDUE : OPEN;
    }
}

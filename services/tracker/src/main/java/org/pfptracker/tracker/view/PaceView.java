package org.pfptracker.tracker.view;

import java.time.LocalDate;
import java.util.List;

/**
 * The partner's pace, against its own chosen target.
 *
 * @param status AHEAD (ratio >= 1.1), ON_PACE (0.9 <= ratio < 1.1), BEHIND (< 0.9), STALLED (nothing
 *     completed in the 180 days up to the as-of date) or NOT_SET (no pace chosen)
 * @param ratio activities completed in the trailing 12 months divided by the chosen yearly target, two
 *     decimals; {@code null} when no pace is set
 * @param completedLast12Months activities completed in the 12 months up to and including the as-of date
 * @param targetPerYear the chosen pace; {@code null} when not set
 * @param lastCompletedOn the last completion up to the as-of date; {@code null} if none
 * @param medianLeadTimeDays median days from proposal to completion over all completed activities;
 *     {@code null} when none
 * @param quarterly proposed, completed and cancelled activities per calendar quarter, oldest first
 */
public record PaceView(String status, Double ratio, int completedLast12Months, Integer targetPerYear,
                       LocalDate lastCompletedOn, Double medianLeadTimeDays, List<QuarterView> quarterly) {

    public PaceView {
        quarterly = List.copyOf(quarterly);
    }

    /** Activity flow in one calendar quarter, e.g. "2024-Q1". */
    public record QuarterView(String quarter, int proposed, int completed, int cancelled) {
    }
}

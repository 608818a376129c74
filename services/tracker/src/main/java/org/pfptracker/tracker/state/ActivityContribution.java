package org.pfptracker.tracker.state;

import java.time.LocalDate;

/**
 * What one activity adds to its partner's counters.
 *
 * @param state the activity's state
 * @param area its area, UNKNOWN until the proposal arrives
 * @param proposedQuarter quarter of the proposal, e.g. 2024-Q1; {@code null} if no proposal yet
 * @param completedOn completion date when COMPLETED, else {@code null}
 * @param cancelledQuarter quarter of the cancellation when CANCELLED, else {@code null}
 * @param leadTimeDays days from proposal to completion when both are known, else {@code null}
 */
public record ActivityContribution(ActivityState state, String area, String proposedQuarter, LocalDate completedOn,
                                   String cancelledQuarter, Integer leadTimeDays) {
}

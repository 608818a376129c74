package org.pfptracker.tracker.query;

/** What the partners overview is sorted by. */
public enum PartnerSort {
    /** Partner name, case-insensitive; partners whose join event has not arrived (no name) come last. */
    NAME,
    /**
     * How the partner keeps its own pace, least on pace first: STALLED, BEHIND, ON_PACE, AHEAD, then by
     * pace ratio within each status; partners without a chosen pace (NOT_SET) come last.
     */
    PACE
}

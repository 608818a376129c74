package org.pfptracker.tracker.state;

/**
 * Where an activity is in its life: proposed, approved, then completed or cancelled. PENDING is an
 * activity some of whose later events arrived before its proposal (order must not matter).
 */
public enum ActivityState {
    PENDING, PROPOSED, APPROVED, COMPLETED, CANCELLED
}

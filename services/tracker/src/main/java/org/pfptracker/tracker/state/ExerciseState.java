package org.pfptracker.tracker.state;

/** Where an exercise is: PENDING until its schedule is known, then SCHEDULED, CONDUCTED or CANCELLED. */
public enum ExerciseState {
    PENDING, SCHEDULED, CONDUCTED, CANCELLED
}

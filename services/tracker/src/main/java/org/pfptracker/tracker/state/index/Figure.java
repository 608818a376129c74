package org.pfptracker.tracker.state.index;

import java.util.List;
import org.pfptracker.tracker.state.ActivityState;
import org.pfptracker.tracker.state.ExerciseState;

/**
 * The codes of a partner's additive figures in {@link Counts}. Codes are stored, so they are fixed
 * here by number, never derived from an enum's position: a symbol added to a schema must not renumber
 * what is on disk.
 */
public final class Figure {

    /** Activities whose proposal happened (running total; per quarter, the flow). */
    public static final int PROPOSED = 1;
    /** Activities whose completion happened. */
    public static final int COMPLETED = 2;
    /** Activities whose cancellation happened and counts (not after their completion). */
    public static final int CANCELLED = 3;
    /** Distinct events applied to the view: the partner's own, and those of exercises naming it. */
    public static final int EVENTS = 4;

    /** Areas of cooperation in stored order; an area missing here is counted as UNKNOWN. */
    private static final List<String> AREAS = List.of("UNKNOWN", "DEFENCE_REFORM", "DEFENCE_POLICY_AND_PLANNING",
            "CIVIL_MILITARY_RELATIONS", "EDUCATION_AND_TRAINING", "MILITARY_TO_MILITARY_COOPERATION", "EXERCISES",
            "CIVIL_EMERGENCY_PLANNING", "DISASTER_RESPONSE", "SCIENCE_AND_ENVIRONMENT", "OTHER_DEFENCE_RELATED");
    private static final List<ActivityState> ACTIVITY_STATES = List.of(ActivityState.PENDING, ActivityState.PROPOSED,
            ActivityState.APPROVED, ActivityState.COMPLETED, ActivityState.CANCELLED);
    private static final List<ExerciseState> EXERCISE_STATES = List.of(ExerciseState.SCHEDULED,
            ExerciseState.CONDUCTED, ExerciseState.CANCELLED);

    private static final int ACTIVITY_BASE = 1000;
    private static final int AREA_STRIDE = 16;
    private static final int EXERCISE_BASE = 100;

    private Figure() {
    }

    /** Activities of an area in a state. */
    public static int activities(String area, ActivityState state) {
        int areaCode = Math.max(0, AREAS.indexOf(area));
        return ACTIVITY_BASE + areaCode * AREA_STRIDE + ACTIVITY_STATES.indexOf(state);
    }

    /** Every area code in stored order, for reading the figures back. */
    public static List<String> areas() {
        return AREAS;
    }

    public static List<ActivityState> activityStates() {
        return ACTIVITY_STATES;
    }

    /** The partner's exercises (as host or participant) in a state. */
    public static int exercises(ExerciseState state) {
        return EXERCISE_BASE + EXERCISE_STATES.indexOf(state);
    }
}

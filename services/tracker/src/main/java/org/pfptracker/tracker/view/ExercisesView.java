package org.pfptracker.tracker.view;

import java.util.List;

/**
 * The partner's exercises, as host or participant; an exercise with several participants counts for
 * each of them.
 *
 * @param scheduled exercises scheduled and neither conducted nor cancelled
 * @param conducted exercises that took place
 * @param cancelled exercises cancelled
 * @param next the next scheduled exercise starting on or after the as-of date; {@code null} if none
 * @param upcoming scheduled exercises starting on or after the as-of date, soonest first; at most
 *     {@link #LISTED} of them
 * @param past exercises that began before the as-of date, and those settled before they begin that start no
 *     later than the last upcoming one listed; most recent first; at most {@link #LISTED} (the counts cover all)
 */
public record ExercisesView(int scheduled, int conducted, int cancelled, ExerciseView next,
                            List<ExerciseView> upcoming, List<ExerciseView> past) {

    /** Exercises listed on each side: a busy partner takes part in thousands, a page shows a few. */
    public static final int LISTED = 20;

    public ExercisesView {
        upcoming = List.copyOf(upcoming);
        past = List.copyOf(past);
    }
}

package org.pfptracker.tracker.topology;

import org.pfptracker.tracker.state.ExerciseParticipation;

/**
 * Sent from an exercise's task to each partner concerned, on an internal topic keyed by partner id.
 *
 * @param exerciseId the exercise
 * @param participation the partner's part in it now; {@code null} when it no longer takes part
 */
public record ParticipationUpdate(String exerciseId, ExerciseParticipation participation) {
}

package org.pfptracker.tracker.view;

import java.util.Map;

/**
 * The partner's activities by state: PROPOSED, APPROVED, COMPLETED, CANCELLED (an activity is counted
 * once, in its latest state).
 *
 * @param total activities known
 * @param byState count per state
 * @param byArea count per area of cooperation, then per state
 * @param completedInPriorityAreasShare share (0..1) of completed activities that fall in the partner's
 *     own priority areas; {@code null} when nothing is completed or no priorities were chosen
 */
public record ActivitiesView(int total, Map<String, Integer> byState, Map<String, Map<String, Integer>> byArea,
                             Double completedInPriorityAreasShare) {

    public ActivitiesView {
        byState = Map.copyOf(byState);
        byArea = Map.copyOf(byArea);
    }
}

package org.pfptracker.tracker.state;

import java.util.List;

/** The partner's chosen priorities (highest first) and pace, from its latest PrioritiesChosen. */
public record PrioritiesFact(List<String> areas, int targetCompletedActivitiesPerYear, Stamp stamp) {

    public PrioritiesFact {
        areas = List.copyOf(areas);
    }
}

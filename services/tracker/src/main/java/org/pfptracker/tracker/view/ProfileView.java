package org.pfptracker.tracker.view;

import java.time.LocalDate;
import java.util.List;

/**
 * Who the partner is and what it chose.
 *
 * @param name partner name
 * @param framework partnership framework, e.g. EURO_ATLANTIC_PARTNERSHIP
 * @param joinedOn date the framework document was signed
 * @param status ACTIVE, SUSPENDED, BECAME_ALLY or WITHDRAWN
 * @param statusSince date the status took effect (the join date while it never changed)
 * @param priorities chosen areas of cooperation, highest priority first; empty if none chosen
 * @param targetCompletedActivitiesPerYear the chosen pace; {@code null} if none chosen
 */
public record ProfileView(String name, String framework, LocalDate joinedOn, String status, LocalDate statusSince,
                          List<String> priorities, Integer targetCompletedActivitiesPerYear) {

    public ProfileView {
        priorities = List.copyOf(priorities);
    }
}

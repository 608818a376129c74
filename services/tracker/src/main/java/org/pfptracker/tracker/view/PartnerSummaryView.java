package org.pfptracker.tracker.view;

import java.time.Instant;
import java.util.Map;

/**
 * One line of the partners overview ({@code GET /api/v1/partners}).
 *
 * @param partnerId the partner
 * @param name partner name; {@code null} until its join event arrives
 * @param framework partnership framework
 * @param status partner status
 * @param paceStatus AHEAD, ON_PACE, BEHIND, STALLED or NOT_SET
 * @param paceRatio trailing-12-month ratio to the chosen pace; {@code null} if not set
 * @param activitiesByState activity counts per state
 * @param programmePercentAchieved objectives achieved over objectives agreed across all programmes, 0-100
 * @param lastEventAt event time of the newest event applied
 */
public record PartnerSummaryView(String partnerId, String name, String framework, String status, String paceStatus,
                                 Double paceRatio, Map<String, Integer> activitiesByState,
                                 double programmePercentAchieved, Instant lastEventAt) {

    public PartnerSummaryView {
        activitiesByState = Map.copyOf(activitiesByState);
    }
}

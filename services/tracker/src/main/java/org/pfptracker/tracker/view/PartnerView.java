package org.pfptracker.tracker.view;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything a dashboard shows about one partner, as of a date: the JSON of
 * {@code GET /api/v1/partners/{partnerId}}. Computed at query time from the stored facts, so that
 * date-relative figures (overdue objectives, the trailing-12-month pace) are right for any date.
 *
 * @param partnerId the partner
 * @param asOf the date the figures are computed for (default: today, UTC)
 * @param profile who the partner is and what it chose; {@code null} until its join event arrives
 * @param activities activity counts by state and area
 * @param exercises the partner's exercises, as host or participant
 * @param programmes every agreed programme, newest period first, without objective detail
 * @param pace completed activities against the chosen pace
 * @param freshness how current the view is
 */
public record PartnerView(String partnerId, LocalDate asOf, ProfileView profile, ActivitiesView activities,
                          ExercisesView exercises, List<ProgrammeView> programmes, PaceView pace,
                          FreshnessView freshness) {

    public PartnerView {
        programmes = List.copyOf(programmes);
    }
}

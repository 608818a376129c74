package org.pfptracker.tracker.http;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.pfptracker.tracker.view.PartnerProfile;
import org.pfptracker.tracker.view.PartnerView;

/**
 * The JSON a dashboard gets for {@code GET /api/v1/partners/{partnerId}}: the view, shaped for reading,
 * without the bookkeeping kept for de-duplication.
 */
public record PartnerViewResponse(String partnerId, Profile profile, Activities activities, Freshness freshness) {

    /** Who the partner is; {@code null} while the partner's join event has not arrived. */
    public record Profile(String name, String framework, LocalDate joinedOn) {
    }

    /** Activity counts: proposed in total and per area of cooperation. */
    public record Activities(int proposed, Map<String, Integer> proposedByArea) {
    }

    /** How current the view is: event time of the newest event applied, and how many events changed it. */
    public record Freshness(Instant lastEventAt, long eventsApplied) {
    }

    public static PartnerViewResponse of(PartnerView view) {
        PartnerProfile profile = view.profile();
        return new PartnerViewResponse(
                view.partnerId(),
                profile == null ? null : new Profile(profile.name(), profile.framework(), profile.joinedOn()),
                new Activities(view.proposedActivities().size(), view.proposedByArea()),
                new Freshness(view.lastEventAt(), view.eventsApplied()));
    }
}

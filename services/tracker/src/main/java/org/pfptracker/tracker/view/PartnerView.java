package org.pfptracker.tracker.view;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Everything the tracker knows about one partner: the state kept in the {@code partner-views} store.
 *
 * <p>Immutable; each {@code with...} method returns a new view. Activities are kept by id, not as a
 * bare count, so that the same proposal delivered twice changes nothing.
 *
 * @param partnerId the partner, also the store key
 * @param profile name, framework and join date; {@code null} until the partner's join event arrives
 *     (an activity may arrive first: order must not matter)
 * @param proposedActivities proposed activities by activity id
 * @param lastEventAt event time of the newest event applied
 * @param eventsApplied number of events that changed this view (duplicates do not)
 */
public record PartnerView(String partnerId, PartnerProfile profile, Map<String, ProposedActivity> proposedActivities,
                          Instant lastEventAt, long eventsApplied) {

    public PartnerView {
        Objects.requireNonNull(partnerId, "partnerId");
        proposedActivities = Map.copyOf(proposedActivities);
    }

    /** The view of a partner nothing is known about yet. */
    public static PartnerView empty(String partnerId) {
        return new PartnerView(partnerId, null, Map.of(), null, 0);
    }

    public PartnerView withProfile(PartnerProfile newProfile, Instant eventTime) {
        return new PartnerView(partnerId, newProfile, proposedActivities, later(eventTime), eventsApplied + 1);
    }

    public PartnerView withProposedActivity(String activityId, ProposedActivity activity, Instant eventTime) {
        Map<String, ProposedActivity> activities = new TreeMap<>(proposedActivities);
        activities.put(activityId, activity);
        return new PartnerView(partnerId, profile, activities, later(eventTime), eventsApplied + 1);
    }

    /** Number of proposed activities per area of cooperation, areas in alphabetical order. */
    public Map<String, Integer> proposedByArea() {
        Map<String, Integer> counts = new TreeMap<>();
        proposedActivities.values().forEach(activity -> counts.merge(activity.area(), 1, Integer::sum));
        return counts;
    }

    private Instant later(Instant eventTime) {
        return lastEventAt == null || eventTime.isAfter(lastEventAt) ? eventTime : lastEventAt;
    }
}

package org.pfptracker.tracker.view;

import java.time.Instant;
import org.apache.avro.specific.SpecificRecord;
import org.pfptracker.event.ActivityProposed;
import org.pfptracker.event.EventMetadata;
import org.pfptracker.event.PartnerJoined;
import org.pfptracker.platform.event.EventCatalogue;
import org.pfptracker.platform.event.Events;

/**
 * Applies one event to a partner's view. Pure: no I/O, no clock, so the same events give the same view.
 *
 * <p>Every rule is idempotent and independent of arrival order: a redelivered event leaves the view
 * as it was, and where two events compete (two join events) the later event time wins.
 */
public final class PartnerViewUpdater {

    private PartnerViewUpdater() {
    }

    /**
     * The view after the event.
     *
     * @throws InvalidEventException if the event cannot belong to this partner's view
     */
    public static PartnerView apply(String partnerId, SpecificRecord event, PartnerView current) {
        EventMetadata metadata = Events.metadataOf(event);
        if (!partnerId.equals(metadata.getPartnerId())) {
            throw new InvalidEventException("event " + metadata.getEventId() + " is keyed '" + partnerId
                    + "' but is about partner '" + metadata.getPartnerId() + "'");
        }
        PartnerView view = current == null ? PartnerView.empty(partnerId) : current;
        Instant eventTime = metadata.getOccurredAt();
        if (event instanceof PartnerJoined joined) {
            return applyJoined(view, joined, eventTime);
        }
        if (event instanceof ActivityProposed proposed) {
            return applyProposed(view, proposed, eventTime);
        }
        if (EventCatalogue.find(event.getClass()).isPresent()) {
            // A catalogue event this view does not use (yet): applied as a no-op, not an error.
            return view;
        }
        throw new InvalidEventException("the tracker does not know event type " + event.getSchema().getFullName());
    }

    private static PartnerView applyJoined(PartnerView view, PartnerJoined joined, Instant eventTime) {
        PartnerProfile candidate = new PartnerProfile(joined.getName(), joined.getFramework().name(),
                joined.getJoinedOn(), eventTime);
        PartnerProfile current = view.profile();
        if (candidate.equals(current) || current != null && !eventTime.isAfter(current.asOf())) {
            return view;
        }
        return view.withProfile(candidate, eventTime);
    }

    private static PartnerView applyProposed(PartnerView view, ActivityProposed proposed, Instant eventTime) {
        if (proposed.getActivityId().isBlank()) {
            throw new InvalidEventException("activity proposal " + proposed.getMetadata().getEventId()
                    + " has a blank activityId");
        }
        if (view.proposedActivities().containsKey(proposed.getActivityId())) {
            return view;
        }
        return view.withProposedActivity(proposed.getActivityId(),
                new ProposedActivity(proposed.getArea().name(), eventTime), eventTime);
    }
}

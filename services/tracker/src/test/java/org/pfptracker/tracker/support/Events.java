package org.pfptracker.tracker.support;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.pfptracker.event.ActivityProposed;
import org.pfptracker.event.AreaOfCooperation;
import org.pfptracker.event.EventMetadata;
import org.pfptracker.event.Framework;
import org.pfptracker.event.PartnerJoined;

/** Builders of test events with sensible defaults, so each test states only what matters to it. */
public final class Events {

    private Events() {
    }

    public static EventMetadata metadata(String partnerId, Instant occurredAt) {
        return metadata(partnerId, occurredAt, UUID.randomUUID());
    }

    public static EventMetadata metadata(String partnerId, Instant occurredAt, UUID eventId) {
        return EventMetadata.newBuilder().setEventId(eventId).setOccurredAt(occurredAt)
                .setSource("test").setPartnerId(partnerId).setCorrelationId(null).build();
    }

    public static PartnerJoined joined(String partnerId, String name, LocalDate joinedOn, Instant occurredAt) {
        return PartnerJoined.newBuilder().setMetadata(metadata(partnerId, occurredAt)).setName(name)
                .setFramework(Framework.EURO_ATLANTIC_PARTNERSHIP).setJoinedOn(joinedOn).build();
    }

    public static ActivityProposed proposed(String partnerId, String activityId, AreaOfCooperation area,
                                            Instant occurredAt) {
        return ActivityProposed.newBuilder().setMetadata(metadata(partnerId, occurredAt)).setActivityId(activityId)
                .setTitle("Activity " + activityId).setArea(area).setPlannedStart(null).build();
    }
}

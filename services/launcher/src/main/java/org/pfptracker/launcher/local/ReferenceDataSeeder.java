package org.pfptracker.launcher.local;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.pfptracker.event.EventMetadata;
import org.pfptracker.event.PartnerJoined;
import org.pfptracker.platform.reference.ReferencePartner;
import org.pfptracker.platform.reference.ReferencePartners;
import org.pfptracker.publisher.EventPublisher;
import org.pfptracker.publisher.PublishReceipt;

/**
 * Publishes the join events of the reference partners, so a new local stack has partners to show.
 *
 * <p>Event ids are derived from the partner id, not random: seeding twice publishes the same events,
 * which the tracker counts once.
 */
public final class ReferenceDataSeeder {

    static final String SOURCE = "pfp-reference-data";

    private ReferenceDataSeeder() {
    }

    /** Publishes one PartnerJoined per reference partner and waits for Kafka to acknowledge all of them. */
    public static int seed(EventPublisher publisher) throws Exception {
        List<CompletableFuture<PublishReceipt>> receipts = new ArrayList<>();
        for (ReferencePartner partner : ReferencePartners.of2014()) {
            receipts.add(publisher.publish(joined(partner)));
        }
        CompletableFuture.allOf(receipts.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        return receipts.size();
    }

    static PartnerJoined joined(ReferencePartner partner) {
        LocalDate joinedOn = partner.joinedOn();
        return PartnerJoined.newBuilder()
                .setMetadata(EventMetadata.newBuilder()
                        .setEventId(UUID.nameUUIDFromBytes((SOURCE + ":joined:" + partner.partnerId()).getBytes()))
                        .setOccurredAt(joinedOn.atStartOfDay().toInstant(ZoneOffset.UTC))
                        .setSource(SOURCE)
                        .setPartnerId(partner.partnerId())
                        .setCorrelationId(null)
                        .build())
                .setName(partner.name())
                .setFramework(partner.framework())
                .setJoinedOn(joinedOn)
                .build();
    }
}

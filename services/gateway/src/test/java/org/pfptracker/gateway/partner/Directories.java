package org.pfptracker.gateway.partner;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.pfptracker.event.EventMetadata;
import org.pfptracker.event.Framework;
import org.pfptracker.event.PartnerJoined;

/** Partner directories for tests that run without Kafka. */
public final class Directories {

    private Directories() {
    }

    /** A directory that has finished loading and knows these partners. */
    public static PartnerDirectory complete(String... partnerIds) {
        PartnerDirectory directory = loading(partnerIds);
        directory.markComplete();
        return directory;
    }

    /** A directory still loading, which knows these partners so far. */
    public static PartnerDirectory loading(String... partnerIds) {
        PartnerDirectory directory = new PartnerDirectory();
        for (String partnerId : partnerIds) {
            directory.learn(PartnerJoined.newBuilder()
                    .setMetadata(EventMetadata.newBuilder()
                            .setEventId(UUID.nameUUIDFromBytes(partnerId.getBytes()))
                            .setOccurredAt(LocalDate.of(1994, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC))
                            .setSource("test")
                            .setPartnerId(partnerId)
                            .setCorrelationId(null)
                            .build())
                    .setName(partnerId)
                    .setFramework(Framework.EURO_ATLANTIC_PARTNERSHIP)
                    .setJoinedOn(LocalDate.of(1994, 1, 1))
                    .build());
        }
        return directory;
    }
}

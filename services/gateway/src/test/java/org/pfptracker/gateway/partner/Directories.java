package org.pfptracker.gateway.partner;

import java.time.LocalDate;
import org.pfptracker.testsupport.event.TestEvents;

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
            directory.learn(TestEvents.joined(partnerId, LocalDate.of(1994, 1, 1)));
        }
        return directory;
    }
}

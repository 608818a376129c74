package org.pfptracker.simulator.history;

import java.util.Locale;
import org.pfptracker.event.ProgrammeType;

/**
 * Ids of the activities, exercises and programmes of one simulation. They carry the seed, so two
 * simulations with different seeds on one cluster never merge each other's activities, and a partner
 * id and a running number, so a person reading a view can tell what they are.
 */
final class Ids {

    private final String run;

    Ids(long seed) {
        this.run = "sim" + Long.toUnsignedString(seed);
    }

    String activity(Partner partner, int number) {
        return run + "-" + partner.id() + "-a" + number;
    }

    String exercise(int number) {
        return run + "-ex" + number;
    }

    String programme(Partner partner, ProgrammeType type, int number) {
        return run + "-" + partner.id() + "-" + type.name().toLowerCase(Locale.ROOT) + number;
    }

    /** Objective ids are unique within their programme; PARP calls them partnership goals. */
    static String objective(ProgrammeType type, int number) {
        return (type == ProgrammeType.PARP ? "pg" : "obj") + number;
    }
}

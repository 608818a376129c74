package org.pfptracker.simulator.history;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.pfptracker.event.EventMetadata;
import org.pfptracker.platform.event.Events;
import org.pfptracker.simulator.SimulationPlan;

/** Plans and small helpers shared by the generator's tests. */
final class Histories {

    /** The default history of the local stack, 2014 to 2026, at scale 1: about 50,000 events. */
    static final SimulationPlan TWELVE_YEARS = SimulationPlan.of(42, LocalDate.of(2014, 1, 1), LocalDate.of(2026, 1, 1), 1);

    private Histories() {
    }

    static List<SpecificRecord> generate(SimulationPlan plan) {
        return new HistoryGenerator(plan).stream().toList();
    }

    static List<SpecificRecord> first(SimulationPlan plan, int count) {
        return new HistoryGenerator(plan).stream().limit(count).toList();
    }

    static EventMetadata meta(SpecificRecord event) {
        return Events.metadataOf(event);
    }

    static Instant at(SpecificRecord event) {
        return meta(event).getOccurredAt();
    }

    static String partner(SpecificRecord event) {
        return meta(event).getPartnerId();
    }

    static Instant startOf(LocalDate day) {
        return day.atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    static <T extends SpecificRecord> List<T> only(List<SpecificRecord> events, Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}

package org.pfptracker.tracker.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.pfptracker.platform.event.Events;
import org.pfptracker.simulator.SimulationPlan;
import org.pfptracker.simulator.history.HistoryGenerator;
import org.pfptracker.tracker.support.ReferenceComputation;
import org.pfptracker.tracker.support.TrackerDriver;
import org.pfptracker.tracker.view.PartnerView;
import org.pfptracker.tracker.view.ProgrammeView;

/**
 * The simulator's realistic history (joins, status changes, programmes, activities, exercises) through
 * the tracker's topology: every partner's view must equal a plain computation over the same events.
 */
class SimulatedHistoryTest {

    private static final LocalDate AS_OF = LocalDate.of(2017, 1, 1);

    @Test
    void shouldGiveEveryPartnerTheViewAPlainComputationGivesFromTheSameEvents() {
        // Given: three years of seeded history, with some events delivered twice
        List<SpecificRecord> history = new ArrayList<>();
        new HistoryGenerator(SimulationPlan.of(7, LocalDate.of(2014, 1, 1), AS_OF, 1)).stream().forEach(history::add);
        List<SpecificRecord> delivered = new ArrayList<>(history);
        for (int i = 0; i < history.size(); i += 37) {
            delivered.add(history.get(i));
        }

        try (TrackerDriver tracker = new TrackerDriver()) {
            // When
            delivered.forEach(tracker::publish);

            // Then
            assertThat(tracker.deadLetters().isEmpty()).as("no valid event is dead-lettered").isTrue();
            TreeSet<String> partners = new TreeSet<>();
            history.forEach(event -> partners.add(Events.partnerIdOf(event)));
            assertThat(partners).hasSize(22);
            for (String partner : partners) {
                for (LocalDate date : List.of(AS_OF.minusYears(2).withDayOfMonth(1), AS_OF.minusDays(45), AS_OF)) {
                    assertThat(ReferenceComputation.of(tracker.view(partner, date))).as(partner + " as of " + date)
                            .isEqualTo(ReferenceComputation.of(delivered, partner, date));
                }
            }
        }
    }
}

package org.pfptracker.tracker.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.apache.avro.specific.SpecificRecord;
import org.pfptracker.tracker.support.RandomHistory;
import org.pfptracker.tracker.support.ReferenceComputation;
import org.pfptracker.tracker.support.TrackerDriver;
import org.pfptracker.tracker.view.PartnerView;

/**
 * The heart of the tracker's correctness: whatever order a partner's events arrive in, and however
 * often each is delivered, the views are the same — and they agree with a plain reference computation
 * over the same events.
 */
class OrderIndependencePropertyTest {

    private static final List<String> PARTNERS = List.of("armenia", "georgia", "republic-of-moldova");
    private static final LocalDate AS_OF = RandomHistory.AS_OF;

    @Property(tries = 30)
    void shouldGiveTheSameViewsWhateverTheOrderAndDuplicates(@ForAll long historySeed, @ForAll long deliverySeed) {
        // Given
        List<SpecificRecord> history = RandomHistory.generate(new Random(historySeed), PARTNERS, 12);
        List<SpecificRecord> delivery = shuffledWithDuplicates(history, new Random(deliverySeed));

        // When
        Map<String, PartnerView> inOrder = viewsAfter(history);
        Map<String, PartnerView> shuffled = viewsAfter(delivery);

        // Then
        assertThat(shuffled).isEqualTo(inOrder);
        for (String partner : PARTNERS) {
            ReferenceComputation expected = ReferenceComputation.of(history, partner, AS_OF);
            PartnerView view = inOrder.get(partner);
            assertThat(view.activities().byState()).as(partner + " activities").isEqualTo(expected.activitiesByState());
            assertThat(exerciseCounts(view)).as(partner + " exercises").isEqualTo(expected.exercisesByState());
            assertThat(view.freshness().eventsApplied()).as(partner + " events").isEqualTo(expected.eventsApplied());
            assertThat(view.pace().completedLast12Months()).as(partner + " pace")
                    .isEqualTo(expected.completedLast12Months());
            assertThat(view.programmes().stream().mapToInt(p -> p.overdue()).sum()).as(partner + " overdue")
                    .isEqualTo(expected.objectivesOverdue());
        }
    }

    private static Map<String, PartnerView> viewsAfter(List<SpecificRecord> events) {
        try (TrackerDriver tracker = new TrackerDriver()) {
            events.forEach(tracker::publish);
            Map<String, PartnerView> views = new TreeMap<>();
            PARTNERS.forEach(partner -> views.put(partner, tracker.view(partner, AS_OF)));
            assertThat(tracker.deadLetters().isEmpty()).as("no valid event is dead-lettered").isTrue();
            return views;
        }
    }

    private static List<SpecificRecord> shuffledWithDuplicates(List<SpecificRecord> history, Random random) {
        List<SpecificRecord> delivery = new ArrayList<>(history);
        for (int i = 0; i < history.size() / 5; i++) {
            delivery.add(history.get(random.nextInt(history.size())));
        }
        Collections.shuffle(delivery, random);
        return delivery;
    }

    private static Map<String, Integer> exerciseCounts(PartnerView view) {
        Map<String, Integer> counts = new TreeMap<>();
        if (view.exercises().scheduled() > 0) {
            counts.put("SCHEDULED", view.exercises().scheduled());
        }
        if (view.exercises().conducted() > 0) {
            counts.put("CONDUCTED", view.exercises().conducted());
        }
        if (view.exercises().cancelled() > 0) {
            counts.put("CANCELLED", view.exercises().cancelled());
        }
        return counts;
    }
}

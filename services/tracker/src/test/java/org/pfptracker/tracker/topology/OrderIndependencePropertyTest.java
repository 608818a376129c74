package org.pfptracker.tracker.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.apache.avro.specific.SpecificRecord;
import org.pfptracker.platform.event.Events;
import org.pfptracker.tracker.support.RandomHistory;
import org.pfptracker.tracker.support.ReferenceComputation;
import org.pfptracker.tracker.support.TrackerDriver;
import org.pfptracker.tracker.view.PartnerView;

/**
 * The heart of the tracker's correctness: whatever order a partner's events arrive in, and however
 * often each is delivered, the views are the same; they agree with a plain reference computation over
 * the same events; and the view as of any date is the view that the events up to that date give.
 */
class OrderIndependencePropertyTest {

    private static final List<String> PARTNERS = List.of("armenia", "georgia", "republic-of-moldova");
    /** Dates across the generated histories (2022-2023), and one after them. */
    private static final List<LocalDate> DATES = List.of(LocalDate.of(2022, 3, 31), LocalDate.of(2022, 11, 15),
            LocalDate.of(2023, 6, 30), RandomHistory.AS_OF);

    @Property(tries = 25)
    void shouldGiveTheSameViewsWhateverTheOrderAndDuplicates(@ForAll long historySeed, @ForAll long deliverySeed) {
        // Given
        List<SpecificRecord> history = RandomHistory.generate(new Random(historySeed), PARTNERS, 12);
        List<SpecificRecord> delivery = shuffledWithDuplicates(history, new Random(deliverySeed));

        // When
        Map<String, PartnerView> inOrder = viewsAfter(history, DATES);
        Map<String, PartnerView> shuffled = viewsAfter(delivery, DATES);

        // Then: the same views, and every figure as the plain computation gives it, as of every date
        assertThat(shuffled).isEqualTo(inOrder);
        for (LocalDate date : DATES) {
            for (String partner : PARTNERS) {
                assertThat(ReferenceComputation.of(inOrder.get(partner + "@" + date))).as(partner + " as of " + date)
                        .isEqualTo(ReferenceComputation.of(history, partner, date));
            }
        }
    }

    @Property(tries = 10)
    void shouldShowAsOfADateWhatTheEventsUpToThatDateShow(@ForAll long historySeed) {
        // Given
        List<SpecificRecord> history = RandomHistory.generate(new Random(historySeed), PARTNERS, 12);
        Map<String, PartnerView> fromAll = viewsAfter(history, DATES);

        for (LocalDate date : DATES) {
            // When: only the events that had happened by the end of that day
            List<SpecificRecord> upToDate = history.stream().filter(event -> !LocalDate.ofInstant(
                    Events.metadataOf(event).getOccurredAt(), ZoneOffset.UTC).isAfter(date)).toList();

            // Then: the same view as of that date
            Map<String, PartnerView> fromCut = viewsAfter(upToDate, List.of(date));
            for (String partner : PARTNERS) {
                assertThat(fromAll.get(partner + "@" + date)).as(partner + " as of " + date)
                        .isEqualTo(fromCut.get(partner + "@" + date));
            }
        }
    }

    private static Map<String, PartnerView> viewsAfter(List<SpecificRecord> events, List<LocalDate> dates) {
        try (TrackerDriver tracker = new TrackerDriver()) {
            events.forEach(tracker::publish);
            Map<String, PartnerView> views = new TreeMap<>();
            for (LocalDate date : dates) {
                PARTNERS.forEach(partner -> views.put(partner + "@" + date, tracker.view(partner, date)));
            }
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
}

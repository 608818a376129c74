package org.pfptracker.tracker.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pfptracker.event.AreaOfCooperation.DEFENCE_REFORM;
import static org.pfptracker.testsupport.event.TestEvents.completed;
import static org.pfptracker.testsupport.event.TestEvents.exerciseScheduled;
import static org.pfptracker.testsupport.event.TestEvents.joined;
import static org.pfptracker.testsupport.event.TestEvents.objective;
import static org.pfptracker.testsupport.event.TestEvents.priorities;
import static org.pfptracker.testsupport.event.TestEvents.programme;
import static org.pfptracker.testsupport.event.TestEvents.proposed;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pfptracker.signal.ObjectiveBecameOverdue;
import org.pfptracker.signal.PacePhase;
import org.pfptracker.signal.PacePhaseChanged;
import org.pfptracker.tracker.support.TrackerDriver;
import org.pfptracker.tracker.view.PartnerView;

/**
 * The views the tracker keeps ready: built when facts change, built again when the UTC date turns
 * (the wall clock, not events, moves the calendar-bound figures), published to the views topic, and the
 * signals they give rise to announced exactly once.
 */
class MaterialisedViewTopologyTest {

    /** The driver's wall clock starts at noon on this day. */
    private static final LocalDate DAY_ONE = LocalDate.of(2024, 1, 1);
    private static final Instant JOINED = Instant.parse("2000-01-01T00:00:00Z");

    private final TrackerDriver tracker = new TrackerDriver(DAY_ONE.atTime(12, 0).toInstant(java.time.ZoneOffset.UTC));

    @AfterEach
    void close() {
        tracker.close();
    }

    @Test
    void shouldServeTheMaterialisedViewOfTodayAsTheBuilderGivesIt() {
        // Given
        tracker.publish(joined("georgia", "Georgia", LocalDate.of(1994, 3, 23), JOINED),
                proposed("georgia", "a1", DEFENCE_REFORM, Instant.parse("2023-12-01T00:00:00Z")));

        // When
        PartnerView materialised = tracker.materialisedView("georgia");

        // Then
        assertThat(materialised).isEqualTo(tracker.view("georgia", DAY_ONE));
        assertThat(materialised.activities().byState()).containsEntry("PROPOSED", 1);
    }

    @Test
    void shouldNotMaterialiseAViewForAPartnerThatNeverJoined() {
        tracker.publish(proposed("atlantis", "a1", DEFENCE_REFORM, Instant.parse("2023-12-01T00:00:00Z")));

        assertThat(tracker.materialisedView("atlantis")).isNull();
        assertThat(tracker.viewsTopic().isEmpty()).isTrue();
    }

    @Test
    void shouldMoveTheViewWhenTheDateTurnsWithoutAnyEvent() {
        // Given: a pace of 2 a year, two completions in early December: ON_PACE on day one
        Instant completedAt = Instant.parse("2023-12-05T10:00:00Z");
        tracker.publish(joined("moldova", "Moldova", LocalDate.of(1994, 3, 16), JOINED),
                priorities("moldova", 2, JOINED, DEFENCE_REFORM),
                proposed("moldova", "a1", DEFENCE_REFORM, completedAt.minusSeconds(86_400)), completed("moldova", "a1", completedAt),
                proposed("moldova", "a2", DEFENCE_REFORM, completedAt.minusSeconds(86_400)), completed("moldova", "a2", completedAt),
                exerciseScheduled("moldova", "ex1", DAY_ONE.plusDays(3), JOINED.plusSeconds(60), "moldova"));
        PartnerView dayOne = tracker.materialisedView("moldova");
        assertThat(dayOne.pace().status()).isEqualTo("ON_PACE");
        assertThat(dayOne.exercises().next().exerciseId()).isEqualTo("ex1");

        // When: 200 days pass with no event at all
        tracker.advanceWallClock(Duration.ofDays(200));

        // Then: the view was rebuilt for the new date: stalled, and the exercise has begun
        PartnerView later = tracker.materialisedView("moldova");
        assertThat(later.asOf()).isEqualTo(DAY_ONE.plusDays(200));
        assertThat(later.pace().status()).isEqualTo("STALLED");
        assertThat(later.exercises().next()).isNull();
        assertThat(later).isEqualTo(tracker.view("moldova", DAY_ONE.plusDays(200)));
    }

    @Test
    void shouldPublishEachChangedViewToTheViewsTopic() {
        // When
        tracker.publish(joined("armenia", "Armenia", LocalDate.of(1994, 10, 5), JOINED));
        tracker.advanceWallClock(Duration.ofSeconds(1));
        tracker.publish(proposed("armenia", "a1", DEFENCE_REFORM, Instant.parse("2023-12-01T00:00:00Z")));
        tracker.advanceWallClock(Duration.ofSeconds(1));
        tracker.advanceWallClock(Duration.ofSeconds(1)); // nothing changed: nothing published

        // Then
        List<TestRecord<String, SpecificRecord>> published = tracker.viewsTopic().readRecordsToList();
        assertThat(published).extracting(TestRecord::key).containsExactly("armenia", "armenia");
        org.pfptracker.view.PartnerView last = (org.pfptracker.view.PartnerView) published.get(1).value();
        assertThat(last.getActivities().getByState()).containsEntry("PROPOSED", 1);
        assertThat(last.getAsOf()).isEqualTo(DAY_ONE);
        assertThat(last.getEventsApplied()).isEqualTo(2);
    }

    @Test
    void shouldAnnounceAPacePhaseChangeOnceEvenWhenTheDateTurnsIt() {
        // Given: ON_PACE on day one
        Instant completedAt = Instant.parse("2023-12-05T10:00:00Z");
        tracker.publish(joined("malta", "Malta", LocalDate.of(2008, 4, 3), JOINED), priorities("malta", 1, JOINED, DEFENCE_REFORM),
                proposed("malta", "a1", DEFENCE_REFORM, completedAt.minusSeconds(86_400)), completed("malta", "a1", completedAt));
        tracker.advanceWallClock(Duration.ofSeconds(1));

        // When: the date turns, past 180 days without a completion, and turns again
        tracker.advanceWallClock(Duration.ofDays(200));
        tracker.advanceWallClock(Duration.ofDays(1));

        // Then
        List<PacePhaseChanged> changes = tracker.signalsTopic().readValuesToList().stream()
                .filter(PacePhaseChanged.class::isInstance).map(PacePhaseChanged.class::cast).toList();
        assertThat(changes).extracting(change -> change.getFrom() + "->" + change.getTo())
                .containsExactly("NOT_SET->ON_PACE", "ON_PACE->STALLED");
        assertThat(changes.get(1).getOn()).isEqualTo(DAY_ONE.plusDays(200));
        assertThat(changes.get(1).getTo()).isEqualTo(PacePhase.STALLED);
    }

    @Test
    void shouldAnnounceAnObjectiveOverdueOnceWhenItsTargetDatePasses() {
        // Given: an objective due on day three
        tracker.publish(joined("finland", "Finland", LocalDate.of(1994, 5, 9), JOINED),
                programme("finland", "p1", LocalDate.of(2023, 1, 1), LocalDate.of(2024, 12, 31),
                        Instant.parse("2023-01-01T00:00:00Z"), objective("o1", DAY_ONE.plusDays(2))));
        tracker.advanceWallClock(Duration.ofSeconds(1));
        assertThat(overdue()).isEmpty();

        // When: day three ends, then more days pass
        tracker.advanceWallClock(Duration.ofDays(3));
        tracker.advanceWallClock(Duration.ofDays(1));

        // Then
        List<ObjectiveBecameOverdue> signals = overdue();
        assertThat(signals).singleElement().satisfies(signal -> {
            assertThat(signal.getObjectiveId()).isEqualTo("o1");
            assertThat(signal.getTargetDate()).isEqualTo(DAY_ONE.plusDays(2));
            assertThat(signal.getOn()).isEqualTo(DAY_ONE.plusDays(3));
        });
        assertThat(tracker.materialisedView("finland").programmes().get(0).overdue()).isEqualTo(1);
    }

    private List<ObjectiveBecameOverdue> overdue() {
        return tracker.signalsTopic().readValuesToList().stream().filter(ObjectiveBecameOverdue.class::isInstance)
                .map(ObjectiveBecameOverdue.class::cast).toList();
    }
}

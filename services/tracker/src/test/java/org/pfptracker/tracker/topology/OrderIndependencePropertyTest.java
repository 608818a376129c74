package org.pfptracker.tracker.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.apache.avro.specific.SpecificRecord;
import org.pfptracker.event.ActivityApproved;
import org.pfptracker.event.ActivityCancelled;
import org.pfptracker.event.ActivityCompleted;
import org.pfptracker.event.ActivityProposed;
import org.pfptracker.event.ExerciseCancelled;
import org.pfptracker.event.ExerciseConducted;
import org.pfptracker.event.ExerciseScheduled;
import org.pfptracker.platform.event.Events;
import org.pfptracker.tracker.support.RandomHistory;
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
            Reference expected = Reference.of(history, partner);
            PartnerView view = inOrder.get(partner);
            assertThat(view.activities().byState()).as(partner + " activities").isEqualTo(expected.activitiesByState);
            assertThat(exerciseCounts(view)).as(partner + " exercises").isEqualTo(expected.exercisesByState);
            assertThat(view.freshness().eventsApplied()).as(partner + " events").isEqualTo(expected.eventsApplied);
            assertThat(view.pace().completedLast12Months()).as(partner + " pace").isEqualTo(expected.completedLastYear);
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

    /** The expected figures, computed directly from the list of events with no stores and no deltas. */
    private static final class Reference {
        Map<String, Integer> activitiesByState = new TreeMap<>();
        Map<String, Integer> exercisesByState = new TreeMap<>();
        long eventsApplied;
        int completedLastYear;

        static Reference of(List<SpecificRecord> history, String partner) {
            Reference reference = new Reference();
            Map<String, Set<String>> activitySteps = new HashMap<>();
            Map<String, Instant> completedAt = new HashMap<>();
            Map<String, List<SpecificRecord>> exerciseEvents = new HashMap<>();
            for (SpecificRecord event : history) {
                String owner = Events.partnerIdOf(event);
                if (event instanceof ExerciseScheduled s) {
                    exerciseEvents.computeIfAbsent(s.getExerciseId(), k -> new ArrayList<>()).add(event);
                } else if (event instanceof ExerciseConducted c) {
                    exerciseEvents.computeIfAbsent(c.getExerciseId(), k -> new ArrayList<>()).add(event);
                } else if (event instanceof ExerciseCancelled c) {
                    exerciseEvents.computeIfAbsent(c.getExerciseId(), k -> new ArrayList<>()).add(event);
                } else if (owner.equals(partner)) {
                    reference.eventsApplied++;
                    String activity = activityIdOf(event);
                    if (activity != null) {
                        activitySteps.computeIfAbsent(activity, k -> new TreeSet<>()).add(event.getSchema().getName());
                        if (event instanceof ActivityCompleted) {
                            completedAt.put(activity, Events.metadataOf(event).getOccurredAt());
                        }
                    }
                }
            }
            activitySteps.forEach((activity, steps) -> {
                String state = steps.contains("ActivityCompleted") ? "COMPLETED"
                        : steps.contains("ActivityCancelled") ? "CANCELLED"
                        : steps.contains("ActivityApproved") ? "APPROVED" : "PROPOSED";
                reference.activitiesByState.merge(state, 1, Integer::sum);
            });
            Instant windowStart = AS_OF.minusMonths(12).atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(86_400);
            Instant windowEnd = AS_OF.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
            reference.completedLastYear = (int) completedAt.values().stream()
                    .filter(at -> !at.isBefore(windowStart) && at.isBefore(windowEnd)).count();
            exerciseEvents.forEach((exercise, events) -> {
                ExerciseScheduled scheduled = null;
                ExerciseConducted conducted = null;
                boolean cancelled = false;
                for (SpecificRecord event : events) {
                    if (event instanceof ExerciseScheduled s) {
                        scheduled = s;
                    } else if (event instanceof ExerciseConducted c) {
                        conducted = c;
                    } else {
                        cancelled = true;
                    }
                }
                List<String> participants = conducted != null ? conducted.getParticipantPartnerIds()
                        : scheduled.getParticipantPartnerIds();
                if (participants.contains(partner)) {
                    String state = conducted != null ? "CONDUCTED" : cancelled ? "CANCELLED" : "SCHEDULED";
                    reference.exercisesByState.merge(state, 1, Integer::sum);
                    reference.eventsApplied += events.size();
                }
            });
            return reference;
        }

        private static String activityIdOf(SpecificRecord event) {
            if (event instanceof ActivityProposed e) {
                return e.getActivityId();
            }
            if (event instanceof ActivityApproved e) {
                return e.getActivityId();
            }
            if (event instanceof ActivityCompleted e) {
                return e.getActivityId();
            }
            if (event instanceof ActivityCancelled e) {
                return e.getActivityId();
            }
            return null;
        }
    }

}

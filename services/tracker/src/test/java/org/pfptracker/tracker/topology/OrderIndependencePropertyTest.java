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
import org.pfptracker.event.AreaOfCooperation;
import org.pfptracker.event.AssessmentRating;
import org.pfptracker.event.ExerciseCancelled;
import org.pfptracker.event.ExerciseConducted;
import org.pfptracker.event.ExerciseScheduled;
import org.pfptracker.event.Objective;
import org.pfptracker.event.PartnerStatus;
import org.pfptracker.platform.event.Events;
import org.pfptracker.tracker.support.TrackerDriver;
import org.pfptracker.tracker.view.PartnerView;

/**
 * The heart of the tracker's correctness: whatever order a partner's events arrive in, and however
 * often each is delivered, the views are the same — and they agree with a plain reference computation
 * over the same events.
 */
class OrderIndependencePropertyTest {

    private static final List<String> PARTNERS = List.of("armenia", "georgia", "republic-of-moldova");
    private static final AreaOfCooperation[] AREAS = {AreaOfCooperation.DEFENCE_REFORM,
            AreaOfCooperation.EDUCATION_AND_TRAINING, AreaOfCooperation.CIVIL_EMERGENCY_PLANNING,
            AreaOfCooperation.DISASTER_RESPONSE};
    private static final Instant START = Instant.parse("2022-01-01T00:00:00Z");
    private static final LocalDate AS_OF = LocalDate.of(2024, 1, 1);

    @Property(tries = 30)
    void shouldGiveTheSameViewsWhateverTheOrderAndDuplicates(@ForAll long historySeed, @ForAll long deliverySeed) {
        // Given
        List<SpecificRecord> history = History.generate(new Random(historySeed));
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

    /** A random but valid cooperation history, in event-time order. */
    private static final class History {
        static List<SpecificRecord> generate(Random random) {
            List<SpecificRecord> events = new ArrayList<>();
            long clock = 0;
            for (String partner : PARTNERS) {
                events.add(org.pfptracker.tracker.support.Events.joined(partner, partner, LocalDate.of(1994, 1, 1),
                        at(clock++)));
                events.add(org.pfptracker.tracker.support.Events.priorities(partner, 1 + random.nextInt(10), at(clock++),
                        AREAS[random.nextInt(AREAS.length)]));
                if (random.nextBoolean()) {
                    events.add(org.pfptracker.tracker.support.Events.priorities(partner, 1 + random.nextInt(10),
                            at(clock++), AREAS[random.nextInt(AREAS.length)], AreaOfCooperation.EXERCISES));
                }
                if (random.nextInt(4) == 0) {
                    events.add(org.pfptracker.tracker.support.Events.status(partner, PartnerStatus.SUSPENDED,
                            LocalDate.of(2023, 1, 1), at(clock++)));
                }
                int activities = random.nextInt(12);
                for (int a = 0; a < activities; a++) {
                    String id = partner + "-a" + a;
                    long proposedAt = random.nextInt(600);
                    events.add(org.pfptracker.tracker.support.Events.proposed(partner, id,
                            AREAS[random.nextInt(AREAS.length)], at(proposedAt * 1440)));
                    long step = proposedAt + 1 + random.nextInt(60);
                    if (random.nextInt(4) > 0) {
                        events.add(org.pfptracker.tracker.support.Events.approved(partner, id, at(step * 1440)));
                    }
                    int end = random.nextInt(10);
                    long endAt = (step + 1 + random.nextInt(90)) * 1440;
                    if (end < 6) {
                        events.add(org.pfptracker.tracker.support.Events.completed(partner, id, at(endAt)));
                    } else if (end < 8) {
                        events.add(org.pfptracker.tracker.support.Events.cancelled(partner, id, at(endAt)));
                    } else if (end == 8) {
                        // conflicting reports: completed and cancelled
                        events.add(org.pfptracker.tracker.support.Events.cancelled(partner, id, at(endAt)));
                        events.add(org.pfptracker.tracker.support.Events.completed(partner, id, at(endAt + 5)));
                    }
                }
                if (random.nextBoolean()) {
                    Objective o1 = org.pfptracker.tracker.support.Events.objective("o1", LocalDate.of(2023, 6, 1));
                    Objective o2 = org.pfptracker.tracker.support.Events.objective("o2", LocalDate.of(2024, 6, 1));
                    events.add(org.pfptracker.tracker.support.Events.programme(partner, partner + "-p1",
                            LocalDate.of(2023, 1, 1), LocalDate.of(2024, 12, 31), at(100), o1, o2));
                    if (random.nextBoolean()) {
                        events.add(org.pfptracker.tracker.support.Events.achieved(partner, partner + "-p1", "o1",
                                at(200 * 1440)));
                    }
                    events.add(org.pfptracker.tracker.support.Events.assessed(partner, partner + "-p1",
                            AssessmentRating.values()[random.nextInt(3)], at(300 * 1440)));
                }
            }
            int exercises = random.nextInt(4);
            for (int e = 0; e < exercises; e++) {
                String host = PARTNERS.get(random.nextInt(PARTNERS.size()));
                List<String> participants = new ArrayList<>(List.of(host));
                PARTNERS.stream().filter(p -> !p.equals(host) && random.nextBoolean()).forEach(participants::add);
                String id = "ex" + e;
                long scheduledAt = random.nextInt(500) * 1440L;
                events.add(org.pfptracker.tracker.support.Events.exerciseScheduled(host, id,
                        LocalDate.of(2023, 1 + random.nextInt(12), 1 + random.nextInt(28)), at(scheduledAt),
                        participants.toArray(String[]::new)));
                int end = random.nextInt(3);
                if (end == 0) {
                    List<String> took = new ArrayList<>(List.of(host));
                    PARTNERS.stream().filter(p -> !p.equals(host) && random.nextBoolean()).forEach(took::add);
                    events.add(org.pfptracker.tracker.support.Events.exerciseConducted(host, id,
                            at(scheduledAt + 30 * 1440), took.toArray(String[]::new)));
                } else if (end == 1) {
                    events.add(org.pfptracker.tracker.support.Events.exerciseCancelled(host, id,
                            at(scheduledAt + 10 * 1440)));
                }
            }
            events.sort(java.util.Comparator.comparing(event -> Events.metadataOf(event).getOccurredAt()));
            return events;
        }

        private static Instant at(long minutes) {
            return START.plusSeconds(minutes * 60);
        }
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

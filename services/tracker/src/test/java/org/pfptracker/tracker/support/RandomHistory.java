package org.pfptracker.tracker.support;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.apache.avro.specific.SpecificRecord;
import org.pfptracker.event.AreaOfCooperation;
import org.pfptracker.event.AssessmentRating;
import org.pfptracker.event.Objective;
import org.pfptracker.event.PartnerStatus;
import org.pfptracker.testsupport.event.TestEvents;

/**
 * Random but valid cooperation histories: joins, priorities, status changes, activities through their
 * whole life (including conflicting end reports), programmes with achievements and assessments, and
 * multi-partner exercises. The same seed gives the same history.
 */
public final class RandomHistory {

    /** A date after every generated event: views compared as of this date. */
    public static final LocalDate AS_OF = LocalDate.of(2024, 1, 1);

    private static final AreaOfCooperation[] AREAS = {AreaOfCooperation.DEFENCE_REFORM,
            AreaOfCooperation.EDUCATION_AND_TRAINING, AreaOfCooperation.CIVIL_EMERGENCY_PLANNING,
            AreaOfCooperation.DISASTER_RESPONSE};
    private static final Instant START = Instant.parse("2022-01-01T00:00:00Z");

    private RandomHistory() {
    }

    /** A random but valid history, in event-time order, for the given partners. */
    public static List<SpecificRecord> generate(Random random, List<String> partners, int maxActivitiesPerPartner) {
        List<SpecificRecord> events = new ArrayList<>();
        long clock = 0;
        for (String partner : partners) {
            events.add(TestEvents.joined(partner, partner, LocalDate.of(1994, 1, 1),
                    at(clock++)));
            events.add(TestEvents.priorities(partner, 1 + random.nextInt(10), at(clock++),
                    AREAS[random.nextInt(AREAS.length)]));
            if (random.nextBoolean()) {
                events.add(TestEvents.priorities(partner, 1 + random.nextInt(10),
                        at(clock++), AREAS[random.nextInt(AREAS.length)], AreaOfCooperation.EXERCISES));
            }
            if (random.nextInt(4) == 0) {
                events.add(TestEvents.status(partner, PartnerStatus.SUSPENDED,
                        LocalDate.of(2023, 1, 1), at(clock++)));
            }
            int activities = random.nextInt(maxActivitiesPerPartner + 1);
            for (int a = 0; a < activities; a++) {
                String id = partner + "-a" + a;
                long proposedAt = random.nextInt(600);
                events.add(TestEvents.proposed(partner, id,
                        AREAS[random.nextInt(AREAS.length)], at(proposedAt * 1440)));
                long step = proposedAt + 1 + random.nextInt(60);
                if (random.nextInt(4) > 0) {
                    events.add(TestEvents.approved(partner, id, at(step * 1440)));
                }
                int end = random.nextInt(10);
                long endAt = (step + 1 + random.nextInt(90)) * 1440;
                if (end < 6) {
                    events.add(TestEvents.completed(partner, id, at(endAt)));
                } else if (end < 8) {
                    events.add(TestEvents.cancelled(partner, id, at(endAt)));
                } else if (end == 8) {
                    // conflicting reports: completed and cancelled
                    events.add(TestEvents.cancelled(partner, id, at(endAt)));
                    events.add(TestEvents.completed(partner, id, at(endAt + 5)));
                }
            }
            if (random.nextBoolean()) {
                Objective o1 = TestEvents.objective("o1", LocalDate.of(2023, 6, 1));
                Objective o2 = TestEvents.objective("o2", LocalDate.of(2024, 6, 1));
                events.add(TestEvents.programme(partner, partner + "-p1",
                        LocalDate.of(2023, 1, 1), LocalDate.of(2024, 12, 31), at(100), o1, o2));
                if (random.nextBoolean()) {
                    events.add(TestEvents.achieved(partner, partner + "-p1", "o1",
                            at(200 * 1440)));
                }
                events.add(TestEvents.assessed(partner, partner + "-p1",
                        AssessmentRating.values()[random.nextInt(3)], at(300 * 1440)));
            }
        }
        int exercises = random.nextInt(2 + partners.size());
        for (int e = 0; e < exercises; e++) {
            String host = partners.get(random.nextInt(partners.size()));
            List<String> participants = new ArrayList<>(List.of(host));
            partners.stream().filter(p -> !p.equals(host) && random.nextBoolean()).forEach(participants::add);
            String id = "ex" + e;
            long scheduledAt = random.nextInt(500) * 1440L;
            events.add(TestEvents.exerciseScheduled(host, id,
                    LocalDate.of(2023, 1 + random.nextInt(12), 1 + random.nextInt(28)), at(scheduledAt),
                    participants.toArray(String[]::new)));
            int end = random.nextInt(3);
            if (end == 0) {
                List<String> took = new ArrayList<>(List.of(host));
                partners.stream().filter(p -> !p.equals(host) && random.nextBoolean()).forEach(took::add);
                events.add(TestEvents.exerciseConducted(host, id,
                        at(scheduledAt + 30 * 1440), took.toArray(String[]::new)));
            } else if (end == 1) {
                events.add(TestEvents.exerciseCancelled(host, id,
                        at(scheduledAt + 10 * 1440)));
            }
        }
        events.sort(Comparator.comparing(event -> org.pfptracker.platform.event.Events.metadataOf(event).getOccurredAt()));
        return events;
    }

    private static Instant at(long minutes) {
        return START.plusSeconds(minutes * 60);
    }
}

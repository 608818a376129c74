package org.pfptracker.launcher.dashboard;

import static org.pfptracker.event.AreaOfCooperation.CIVIL_EMERGENCY_PLANNING;
import static org.pfptracker.event.AreaOfCooperation.CIVIL_MILITARY_RELATIONS;
import static org.pfptracker.event.AreaOfCooperation.DEFENCE_POLICY_AND_PLANNING;
import static org.pfptracker.event.AreaOfCooperation.DEFENCE_REFORM;
import static org.pfptracker.event.AreaOfCooperation.DISASTER_RESPONSE;
import static org.pfptracker.event.AreaOfCooperation.EDUCATION_AND_TRAINING;
import static org.pfptracker.event.AreaOfCooperation.MILITARY_TO_MILITARY_COOPERATION;
import static org.pfptracker.event.AreaOfCooperation.SCIENCE_AND_ENVIRONMENT;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.pfptracker.event.ActivityApproved;
import org.pfptracker.event.ActivityCancelled;
import org.pfptracker.event.ActivityCompleted;
import org.pfptracker.event.ActivityProposed;
import org.pfptracker.event.AreaOfCooperation;
import org.pfptracker.event.AssessmentRating;
import org.pfptracker.event.EventMetadata;
import org.pfptracker.event.ExerciseConducted;
import org.pfptracker.event.ExerciseScheduled;
import org.pfptracker.event.Objective;
import org.pfptracker.event.ObjectiveAchieved;
import org.pfptracker.event.PrioritiesChosen;
import org.pfptracker.event.ProgrammeAgreed;
import org.pfptracker.event.ProgrammeAssessed;
import org.pfptracker.event.ProgrammeType;
import org.pfptracker.publisher.EventPublisher;
import org.pfptracker.publisher.PublishReceipt;
import org.pfptracker.testsupport.event.TestEvents;

/**
 * A small, realistic history on top of the 22 reference partners, dated relative to today so that every
 * pace status shows: Georgia ahead of its pace, Moldova on it, Ukraine behind it, Armenia stalled, the others
 * with no pace chosen. Georgia also has two programmes (objectives achieved, open and overdue) and exercises,
 * one past and one to come.
 */
final class DashboardScenario {

    static final String AHEAD = "georgia";
    static final String ON_PACE = "republic-of-moldova";
    static final String BEHIND = "ukraine";
    static final String STALLED = "armenia";
    static final String GEORGIA_PARP = "GEO-PARP-2025";
    static final String GEORGIA_IPAP = "GEO-IPAP-2024";

    private static final String SOURCE = "pfp-dashboard-test";

    private final EventPublisher publisher;
    private final Instant now = Instant.now();
    private final LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    private final List<CompletableFuture<PublishReceipt>> receipts = new ArrayList<>();

    DashboardScenario(EventPublisher publisher) {
        this.publisher = publisher;
    }

    /** Publishes the whole history and waits for Kafka to acknowledge every event. */
    void publish() throws Exception {
        georgia();
        // 4 of 12 a year: a third of its pace.
        paced(BEHIND, 12, new int[] {200, 120, 60, 20}, DEFENCE_REFORM, CIVIL_MILITARY_RELATIONS, MILITARY_TO_MILITARY_COOPERATION);
        // 4 of 4 a year: exactly its pace.
        paced(ON_PACE, 4, new int[] {300, 200, 100, 30}, DEFENCE_POLICY_AND_PLANNING, EDUCATION_AND_TRAINING);
        // Nothing completed in the last 180 days.
        paced(STALLED, 6, new int[] {320, 250}, CIVIL_EMERGENCY_PLANNING, SCIENCE_AND_ENVIRONMENT);
        programme(BEHIND, "UKR-IPAP-2025", ProgrammeType.IPAP, 300, 400, new int[] {-200, -100, 50, 150, 250}, new int[] {0});
        CompletableFuture.allOf(receipts.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    }

    /** Publishes one more proposal for a partner, now; returns once Kafka has it. */
    static void proposeNow(EventPublisher publisher, String partnerId, String activityId) throws Exception {
        publisher.publish(ActivityProposed.newBuilder().setMetadata(metadata(partnerId, Instant.now()))
                .setActivityId(activityId).setTitle("Live " + activityId).setArea(DEFENCE_REFORM).setPlannedStart(null)
                .build()).get(30, TimeUnit.SECONDS);
    }

    private void georgia() {
        send(PrioritiesChosen.newBuilder().setMetadata(metadata(AHEAD, daysAgo(720)))
                .setPriorities(List.of(DEFENCE_REFORM, EDUCATION_AND_TRAINING, CIVIL_EMERGENCY_PLANNING))
                .setTargetCompletedActivitiesPerYear(8).build());
        AreaOfCooperation[] areas = {DEFENCE_REFORM, EDUCATION_AND_TRAINING, CIVIL_EMERGENCY_PLANNING,
                MILITARY_TO_MILITARY_COOPERATION, DISASTER_RESPONSE, DEFENCE_REFORM};
        // 10 completions in the last 12 months against a pace of 8: 1.25, ahead.
        int[] completedDaysAgo = {700, 600, 500, 420, 340, 300, 260, 220, 180, 140, 100, 70, 40, 15};
        for (int i = 0; i < completedDaysAgo.length; i++) {
            completedActivity(AHEAD, "geo-" + i, areas[i % areas.length], completedDaysAgo[i]);
        }
        proposed(AHEAD, "geo-open-1", EDUCATION_AND_TRAINING, 20);
        proposed(AHEAD, "geo-open-2", SCIENCE_AND_ENVIRONMENT, 5);
        proposed(AHEAD, "geo-approved", CIVIL_EMERGENCY_PLANNING, 30);
        send(ActivityApproved.newBuilder().setMetadata(metadata(AHEAD, daysAgo(10))).setActivityId("geo-approved").build());
        proposed(AHEAD, "geo-cancelled", DISASTER_RESPONSE, 200);
        send(ActivityCancelled.newBuilder().setMetadata(metadata(AHEAD, daysAgo(150))).setActivityId("geo-cancelled")
                .setReason("Host unit redeployed").build());

        // The current PARP: 3 achieved, 1 overdue, 2 open.
        programme(AHEAD, GEORGIA_PARP, ProgrammeType.PARP, 400, 330, new int[] {-200, -120, -60, 60, 120, 200},
                new int[] {0, 1, 3});
        // The previous IPAP, ended and assessed: 3 of 4 achieved, 1 overdue.
        programme(AHEAD, GEORGIA_IPAP, ProgrammeType.IPAP, 700, -30, new int[] {-600, -400, -200, -60}, new int[] {0, 1, 2});
        send(ProgrammeAssessed.newBuilder().setMetadata(metadata(AHEAD, daysAgo(25))).setProgrammeId(GEORGIA_IPAP)
                .setRating(AssessmentRating.PARTLY_ON_TRACK).setSummary("Interoperability objectives met; logistics lagging")
                .build());

        exercise("agile-spirit", "Agile Spirit", today.plusDays(40), daysAgo(60), AHEAD, STALLED, BEHIND);
        exercise("noble-partner", "Noble Partner", today.minusDays(90), daysAgo(200), AHEAD, BEHIND);
        send(ExerciseConducted.newBuilder().setMetadata(metadata(AHEAD, daysAgo(84))).setExerciseId("noble-partner")
                .setParticipantPartnerIds(List.of(AHEAD, BEHIND)).build());
    }

    private void paced(String partnerId, int targetPerYear, int[] completedDaysAgo, AreaOfCooperation... priorities) {
        send(PrioritiesChosen.newBuilder().setMetadata(metadata(partnerId, daysAgo(500)))
                .setPriorities(Arrays.asList(priorities)).setTargetCompletedActivitiesPerYear(targetPerYear).build());
        for (int i = 0; i < completedDaysAgo.length; i++) {
            completedActivity(partnerId, partnerId + "-" + i, priorities[i % priorities.length], completedDaysAgo[i]);
        }
        proposed(partnerId, partnerId + "-open", priorities[0], 12);
    }

    private void completedActivity(String partnerId, String activityId, AreaOfCooperation area, int completedDaysAgo) {
        proposed(partnerId, activityId, area, completedDaysAgo + 45);
        send(ActivityApproved.newBuilder().setMetadata(metadata(partnerId, daysAgo(completedDaysAgo + 30)))
                .setActivityId(activityId).build());
        send(ActivityCompleted.newBuilder().setMetadata(metadata(partnerId, daysAgo(completedDaysAgo)))
                .setActivityId(activityId).setFeedbackReport("Objectives of the activity met").build());
    }

    private void proposed(String partnerId, String activityId, AreaOfCooperation area, int daysAgo) {
        send(ActivityProposed.newBuilder().setMetadata(metadata(partnerId, daysAgo(daysAgo))).setActivityId(activityId)
                .setTitle(TITLES[Math.floorMod(activityId.hashCode(), TITLES.length)]).setArea(area).setPlannedStart(null)
                .build());
    }

    /**
     * @param targetDayOffsets each objective's target date, in days from today (negative: passed)
     * @param achieved indexes of the objectives achieved, each a week before its target date
     */
    private void programme(String partnerId, String programmeId, ProgrammeType type, int startedDaysAgo,
                           int endsInDays, int[] targetDayOffsets, int[] achieved) {
        List<Objective> objectives = new ArrayList<>();
        for (int i = 0; i < targetDayOffsets.length; i++) {
            objectives.add(Objective.newBuilder().setObjectiveId("O" + (i + 1))
                    .setDescription(OBJECTIVES[i % OBJECTIVES.length]).setArea(OBJECTIVE_AREAS[i % OBJECTIVE_AREAS.length])
                    .setTargetDate(today.plusDays(targetDayOffsets[i])).build());
        }
        send(ProgrammeAgreed.newBuilder().setMetadata(metadata(partnerId, daysAgo(startedDaysAgo)))
                .setProgrammeId(programmeId).setProgrammeType(type).setPeriodStart(today.minusDays(startedDaysAgo))
                .setPeriodEnd(today.plusDays(endsInDays)).setObjectives(objectives).build());
        for (int index : achieved) {
            Instant on = now.plus(Duration.ofDays(targetDayOffsets[index] - 7L));
            send(ObjectiveAchieved.newBuilder().setMetadata(metadata(partnerId, on.isAfter(now) ? now : on))
                    .setProgrammeId(programmeId).setObjectiveId("O" + (index + 1)).build());
        }
    }

    private void exercise(String exerciseId, String name, LocalDate startsOn, Instant scheduledAt, String host,
                          String... others) {
        List<String> participants = new ArrayList<>(List.of(host));
        participants.addAll(List.of(others));
        send(ExerciseScheduled.newBuilder().setMetadata(metadata(host, scheduledAt)).setExerciseId(exerciseId)
                .setName(name).setArea(AreaOfCooperation.EXERCISES).setParticipantPartnerIds(participants)
                .setStartsOn(startsOn).setEndsOn(startsOn.plusDays(9)).build());
    }

    private void send(SpecificRecord event) {
        receipts.add(publisher.publish(event));
    }

    private Instant daysAgo(int days) {
        return now.minus(Duration.ofDays(days));
    }

    private static EventMetadata metadata(String partnerId, Instant occurredAt) {
        return TestEvents.metadata(partnerId, occurredAt, UUID.randomUUID(), SOURCE);
    }

    private static final String[] TITLES = {"Defence reform seminar", "Staff officer course", "Crisis management workshop",
        "Joint planning conference", "Language training", "Logistics expert visit", "Cyber defence course"};
    private static final String[] OBJECTIVES = {"Deployable engineer company certified", "Defence budget published in full",
        "NCO education reformed", "Civil emergency plan adopted", "Interoperable communications", "Parliamentary oversight law"};
    private static final AreaOfCooperation[] OBJECTIVE_AREAS = {MILITARY_TO_MILITARY_COOPERATION, DEFENCE_POLICY_AND_PLANNING,
        EDUCATION_AND_TRAINING, CIVIL_EMERGENCY_PLANNING, MILITARY_TO_MILITARY_COOPERATION, CIVIL_MILITARY_RELATIONS};
}

package org.pfptracker.testsupport.event;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.pfptracker.event.ActivityApproved;
import org.pfptracker.event.ActivityCancelled;
import org.pfptracker.event.ActivityCompleted;
import org.pfptracker.event.ActivityProposed;
import org.pfptracker.event.AreaOfCooperation;
import org.pfptracker.event.AssessmentRating;
import org.pfptracker.event.EventMetadata;
import org.pfptracker.event.ExerciseCancelled;
import org.pfptracker.event.ExerciseConducted;
import org.pfptracker.event.ExerciseScheduled;
import org.pfptracker.event.Framework;
import org.pfptracker.event.Objective;
import org.pfptracker.event.ObjectiveAchieved;
import org.pfptracker.event.PartnerJoined;
import org.pfptracker.event.PartnerStatus;
import org.pfptracker.event.PartnerStatusChanged;
import org.pfptracker.event.PrioritiesChosen;
import org.pfptracker.event.ProgrammeAgreed;
import org.pfptracker.event.ProgrammeAssessed;
import org.pfptracker.event.ProgrammeType;

/**
 * Builders of catalogue events with sensible defaults, so each test states only what matters to it: the
 * partner, the ids and the time, and, where a test is about them, the event id and the source.
 */
public final class TestEvents {

    /** The source of every event built here unless a test names another. */
    public static final String SOURCE = "test";

    private TestEvents() {
    }

    public static EventMetadata metadata(String partnerId, Instant occurredAt) {
        return metadata(partnerId, occurredAt, UUID.randomUUID());
    }

    public static EventMetadata metadata(String partnerId, Instant occurredAt, UUID eventId) {
        return metadata(partnerId, occurredAt, eventId, SOURCE);
    }

    /** Metadata as a given publisher writes it: {@code source} names the client that published the event. */
    public static EventMetadata metadata(String partnerId, Instant occurredAt, UUID eventId, String source) {
        return EventMetadata.newBuilder().setEventId(eventId).setOccurredAt(occurredAt)
                .setSource(source).setPartnerId(partnerId).setCorrelationId(null).build();
    }

    public static PartnerJoined joined(String partnerId, String name, LocalDate joinedOn, Instant occurredAt) {
        return joined(metadata(partnerId, occurredAt), name, joinedOn);
    }

    /** A partner joining on the day of its event, under its id as its name. */
    public static PartnerJoined joined(String partnerId, LocalDate joinedOn) {
        return joined(partnerId, partnerId, joinedOn, joinedOn.atStartOfDay().toInstant(ZoneOffset.UTC));
    }

    public static PartnerJoined joined(EventMetadata metadata, String name, LocalDate joinedOn) {
        return PartnerJoined.newBuilder().setMetadata(metadata).setName(name)
                .setFramework(Framework.EURO_ATLANTIC_PARTNERSHIP).setJoinedOn(joinedOn).build();
    }

    public static PrioritiesChosen priorities(String partnerId, int targetPerYear, Instant occurredAt,
                                              AreaOfCooperation... areas) {
        return PrioritiesChosen.newBuilder().setMetadata(metadata(partnerId, occurredAt))
                .setPriorities(Arrays.asList(areas)).setTargetCompletedActivitiesPerYear(targetPerYear).build();
    }

    public static PartnerStatusChanged status(String partnerId, PartnerStatus status, LocalDate effectiveOn,
                                              Instant occurredAt) {
        return PartnerStatusChanged.newBuilder().setMetadata(metadata(partnerId, occurredAt)).setStatus(status)
                .setEffectiveOn(effectiveOn).setReason(null).build();
    }

    public static ActivityProposed proposed(String partnerId, String activityId, AreaOfCooperation area,
                                            Instant occurredAt) {
        return ActivityProposed.newBuilder().setMetadata(metadata(partnerId, occurredAt)).setActivityId(activityId)
                .setTitle("Activity " + activityId).setArea(area).setPlannedStart(null).build();
    }

    public static ActivityApproved approved(String partnerId, String activityId, Instant occurredAt) {
        return ActivityApproved.newBuilder().setMetadata(metadata(partnerId, occurredAt)).setActivityId(activityId)
                .build();
    }

    public static ActivityCompleted completed(String partnerId, String activityId, Instant occurredAt) {
        return ActivityCompleted.newBuilder().setMetadata(metadata(partnerId, occurredAt)).setActivityId(activityId)
                .setFeedbackReport("went well").build();
    }

    public static ActivityCancelled cancelled(String partnerId, String activityId, Instant occurredAt) {
        return ActivityCancelled.newBuilder().setMetadata(metadata(partnerId, occurredAt)).setActivityId(activityId)
                .setReason("no funds").build();
    }

    public static ExerciseScheduled exerciseScheduled(String hostId, String exerciseId, LocalDate startsOn,
                                                      Instant occurredAt, String... participants) {
        return ExerciseScheduled.newBuilder().setMetadata(metadata(hostId, occurredAt)).setExerciseId(exerciseId)
                .setName("Exercise " + exerciseId).setArea(AreaOfCooperation.EXERCISES)
                .setParticipantPartnerIds(List.of(participants)).setStartsOn(startsOn)
                .setEndsOn(startsOn.plusDays(5)).build();
    }

    public static ExerciseConducted exerciseConducted(String hostId, String exerciseId, Instant occurredAt,
                                                      String... participants) {
        return ExerciseConducted.newBuilder().setMetadata(metadata(hostId, occurredAt)).setExerciseId(exerciseId)
                .setParticipantPartnerIds(List.of(participants)).build();
    }

    public static ExerciseCancelled exerciseCancelled(String hostId, String exerciseId, Instant occurredAt) {
        return ExerciseCancelled.newBuilder().setMetadata(metadata(hostId, occurredAt)).setExerciseId(exerciseId)
                .setReason("weather").build();
    }

    public static Objective objective(String objectiveId, LocalDate targetDate) {
        return Objective.newBuilder().setObjectiveId(objectiveId).setDescription("Objective " + objectiveId)
                .setArea(AreaOfCooperation.DEFENCE_REFORM).setTargetDate(targetDate).build();
    }

    public static ProgrammeAgreed programme(String partnerId, String programmeId, LocalDate start, LocalDate end,
                                            Instant occurredAt, Objective... objectives) {
        return ProgrammeAgreed.newBuilder().setMetadata(metadata(partnerId, occurredAt)).setProgrammeId(programmeId)
                .setProgrammeType(ProgrammeType.IPCP).setPeriodStart(start).setPeriodEnd(end)
                .setObjectives(List.of(objectives)).build();
    }

    public static ObjectiveAchieved achieved(String partnerId, String programmeId, String objectiveId,
                                             Instant occurredAt) {
        return ObjectiveAchieved.newBuilder().setMetadata(metadata(partnerId, occurredAt)).setProgrammeId(programmeId)
                .setObjectiveId(objectiveId).build();
    }

    public static ProgrammeAssessed assessed(String partnerId, String programmeId, AssessmentRating rating,
                                             Instant occurredAt) {
        return ProgrammeAssessed.newBuilder().setMetadata(metadata(partnerId, occurredAt)).setProgrammeId(programmeId)
                .setRating(rating).setSummary("assessed").build();
    }
}

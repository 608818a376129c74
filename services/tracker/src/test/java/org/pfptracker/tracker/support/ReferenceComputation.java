package org.pfptracker.tracker.support;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.avro.specific.SpecificRecord;
import org.pfptracker.event.ActivityApproved;
import org.pfptracker.event.ActivityCancelled;
import org.pfptracker.event.ActivityCompleted;
import org.pfptracker.event.ActivityProposed;
import org.pfptracker.event.ExerciseCancelled;
import org.pfptracker.event.ExerciseConducted;
import org.pfptracker.event.ExerciseScheduled;
import org.pfptracker.event.Objective;
import org.pfptracker.event.ObjectiveAchieved;
import org.pfptracker.event.ProgrammeAgreed;
import org.pfptracker.platform.event.Events;

/**
 * The figures a partner's view must show, computed the plain way: straight from the list of events,
 * with no stores, no deltas and no code shared with the tracker. Tests compare the tracker's views
 * with these.
 *
 * @param activitiesByState activities per latest state (completed outranks cancelled)
 * @param exercisesByState the partner's exercises per state, as host or participant
 * @param completedLast12Months activities completed in the 12 months up to and including the date
 * @param objectivesAchieved objectives of agreed programmes achieved on or before the date
 * @param objectivesOverdue objectives of agreed programmes due before the date and not achieved by it
 * @param eventsApplied distinct own events, plus every distinct event of each exercise it takes part in
 */
public record ReferenceComputation(Map<String, Integer> activitiesByState, Map<String, Integer> exercisesByState,
                                   int completedLast12Months, int objectivesAchieved, int objectivesOverdue,
                                   long eventsApplied) {

    /** The reference figures of one partner as of a date, from every event published (duplicates included). */
    public static ReferenceComputation of(List<SpecificRecord> published, String partner, LocalDate asOf) {
        Map<String, SpecificRecord> distinct = new LinkedHashMap<>();
        published.forEach(event -> distinct.putIfAbsent(Events.metadataOf(event).getEventId().toString(), event));

        Map<String, Set<String>> activitySteps = new HashMap<>();
        Map<String, Instant> completedAt = new HashMap<>();
        Map<String, List<SpecificRecord>> exerciseEvents = new HashMap<>();
        Map<String, ProgrammeAgreed> programmes = new HashMap<>();
        Map<String, Instant> achievements = new HashMap<>();
        long ownEvents = 0;
        for (SpecificRecord event : distinct.values()) {
            String exerciseId = exerciseIdOf(event);
            if (exerciseId != null) {
                exerciseEvents.computeIfAbsent(exerciseId, id -> new ArrayList<>()).add(event);
                continue;
            }
            if (!Events.partnerIdOf(event).equals(partner)) {
                continue;
            }
            ownEvents++;
            Instant at = Events.metadataOf(event).getOccurredAt();
            String activity = activityIdOf(event);
            if (activity != null) {
                activitySteps.computeIfAbsent(activity, id -> new TreeSet<>()).add(event.getSchema().getName());
                if (event instanceof ActivityCompleted) {
                    completedAt.merge(activity, at, (a, b) -> a.isBefore(b) ? a : b);
                }
            } else if (event instanceof ProgrammeAgreed agreed) {
                programmes.merge(agreed.getProgrammeId(), agreed, (a, b) -> later(a, b));
            } else if (event instanceof ObjectiveAchieved achieved) {
                achievements.merge(achieved.getProgrammeId() + "/" + achieved.getObjectiveId(), at,
                        (a, b) -> a.isBefore(b) ? a : b);
            }
        }

        Map<String, Integer> activitiesByState = new TreeMap<>();
        activitySteps.values().forEach(steps -> activitiesByState.merge(
                steps.contains("ActivityCompleted") ? "COMPLETED"
                        : steps.contains("ActivityCancelled") ? "CANCELLED"
                        : steps.contains("ActivityApproved") ? "APPROVED"
                        : steps.contains("ActivityProposed") ? "PROPOSED" : "PENDING", 1, Integer::sum));

        LocalDate windowStart = asOf.minusMonths(12);
        int completedInWindow = (int) completedAt.values().stream()
                .map(at -> LocalDate.ofInstant(at, ZoneOffset.UTC))
                .filter(day -> day.isAfter(windowStart) && !day.isAfter(asOf))
                .count();

        int achieved = 0;
        int overdue = 0;
        for (ProgrammeAgreed programme : programmes.values()) {
            for (Objective objective : programme.getObjectives()) {
                Instant at = achievements.get(programme.getProgrammeId() + "/" + objective.getObjectiveId());
                if (at != null && !LocalDate.ofInstant(at, ZoneOffset.UTC).isAfter(asOf)) {
                    achieved++;
                } else if (objective.getTargetDate().isBefore(asOf)) {
                    overdue++;
                }
            }
        }

        Map<String, Integer> exercisesByState = new TreeMap<>();
        long exerciseEventsForPartner = 0;
        for (List<SpecificRecord> events : exerciseEvents.values()) {
            ExerciseScheduled scheduled = null;
            ExerciseConducted conducted = null;
            boolean cancelled = false;
            String host = Events.partnerIdOf(events.get(0));
            for (SpecificRecord event : events) {
                if (event instanceof ExerciseScheduled s) {
                    scheduled = scheduled == null || later(scheduled, s) == s ? s : scheduled;
                } else if (event instanceof ExerciseConducted c) {
                    conducted = conducted == null || earlier(conducted, c) == c ? c : conducted;
                } else {
                    cancelled = true;
                }
            }
            Set<String> participants = new TreeSet<>(conducted != null ? conducted.getParticipantPartnerIds()
                    : scheduled != null ? scheduled.getParticipantPartnerIds() : List.of());
            participants.add(host);
            if (participants.contains(partner)) {
                exerciseEventsForPartner += events.size();
                if (scheduled != null) {
                    exercisesByState.merge(conducted != null ? "CONDUCTED" : cancelled ? "CANCELLED" : "SCHEDULED",
                            1, Integer::sum);
                }
            }
        }
        return new ReferenceComputation(activitiesByState, exercisesByState, completedInWindow, achieved, overdue,
                ownEvents + exerciseEventsForPartner);
    }

    private static <T extends SpecificRecord> T later(T a, T b) {
        int byTime = Events.metadataOf(a).getOccurredAt().compareTo(Events.metadataOf(b).getOccurredAt());
        if (byTime != 0) {
            return byTime > 0 ? a : b;
        }
        return Events.metadataOf(a).getEventId().toString().compareTo(Events.metadataOf(b).getEventId().toString()) > 0
                ? a : b;
    }

    private static <T extends SpecificRecord> T earlier(T a, T b) {
        return later(a, b) == a ? b : a;
    }

    private static String exerciseIdOf(SpecificRecord event) {
        if (event instanceof ExerciseScheduled e) {
            return e.getExerciseId();
        }
        if (event instanceof ExerciseConducted e) {
            return e.getExerciseId();
        }
        if (event instanceof ExerciseCancelled e) {
            return e.getExerciseId();
        }
        return null;
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

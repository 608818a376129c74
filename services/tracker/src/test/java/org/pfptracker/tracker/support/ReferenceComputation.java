package org.pfptracker.tracker.support;

import java.time.Duration;
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
import org.pfptracker.event.PartnerJoined;
import org.pfptracker.event.PartnerStatusChanged;
import org.pfptracker.event.PrioritiesChosen;
import org.pfptracker.event.ProgrammeAgreed;
import org.pfptracker.event.ProgrammeAssessed;
import org.pfptracker.platform.event.Events;
import org.pfptracker.tracker.view.PartnerView;
import org.pfptracker.tracker.view.ProgrammeView;

/**
 * The figures a partner's view as of a date must show, computed the plain way: keep the distinct events
 * that happened by the end of that day, then count, with no stores, no deltas, no indexes and no code
 * shared with the tracker. Tests compare the tracker's views with these, field by field.
 *
 * @param name the partner's name from its latest join; {@code null} if it had not joined (no view)
 * @param status its latest status, ACTIVE if none
 * @param targetPerYear its latest chosen pace; {@code null} if none
 * @param activitiesByArea activities per area, then per state (completed outranks cancelled, cancelled
 *     approved, approved proposed)
 * @param exercisesByState its exercises per state, as host or participant
 * @param quarterly proposed/completed/cancelled per quarter, quarters with none left out
 * @param completedLast12Months activities completed in the 12 months up to and including the date
 * @param lastCompletedOn the last completion date; {@code null} if none
 * @param medianLeadTimeDays median days from proposal to completion; {@code null} if none
 * @param programmes per programme agreed: "achieved/overdue/last assessment rating"
 * @param eventsApplied distinct own events, plus the events of each exercise that names it
 * @param lastEventAt the newest of those events (an exercise's, from the time it names the partner)
 */
public record ReferenceComputation(String name, String status, Integer targetPerYear,
                                   Map<String, Map<String, Integer>> activitiesByArea,
                                   Map<String, Integer> exercisesByState, Map<String, String> quarterly,
                                   int completedLast12Months, LocalDate lastCompletedOn, Double medianLeadTimeDays,
                                   Map<String, String> programmes, long eventsApplied, Instant lastEventAt) {

    /** The same figures read from a view the tracker served. */
    public static ReferenceComputation of(PartnerView view) {
        if (view == null) {
            return notJoined();
        }
        Map<String, Integer> exercises = new TreeMap<>();
        putIfPositive(exercises, "SCHEDULED", view.exercises().scheduled());
        putIfPositive(exercises, "CONDUCTED", view.exercises().conducted());
        putIfPositive(exercises, "CANCELLED", view.exercises().cancelled());
        Map<String, String> quarterly = new TreeMap<>();
        view.pace().quarterly().forEach(q -> quarterly.put(q.quarter(), q.proposed() + "/" + q.completed() + "/" + q.cancelled()));
        Map<String, String> programmes = new TreeMap<>();
        for (ProgrammeView programme : view.programmes()) {
            programmes.put(programme.programmeId(), programme.achieved() + "/" + programme.overdue() + "/"
                    + (programme.lastAssessment() == null ? null : programme.lastAssessment().rating()));
        }
        Map<String, Map<String, Integer>> byArea = new TreeMap<>();
        view.activities().byArea().forEach((area, byState) -> byArea.put(area, new TreeMap<>(byState)));
        return new ReferenceComputation(view.profile().name(), view.profile().status(),
                view.profile().targetCompletedActivitiesPerYear(), byArea, exercises, quarterly,
                view.pace().completedLast12Months(), view.pace().lastCompletedOn(), view.pace().medianLeadTimeDays(),
                programmes, view.freshness().eventsApplied(), view.freshness().lastEventAt());
    }

    private static ReferenceComputation notJoined() {
        return new ReferenceComputation(null, null, null, Map.of(), Map.of(), Map.of(), 0, null, null, Map.of(), 0, null);
    }

    /** The reference figures of one partner as of a date, from every event published (duplicates included). */
    public static ReferenceComputation of(List<SpecificRecord> published, String partner, LocalDate asOf) {
        Instant endOfDay = asOf.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Map<String, SpecificRecord> distinct = new LinkedHashMap<>();
        for (SpecificRecord event : published) {
            if (at(event).isBefore(endOfDay)) {
                distinct.putIfAbsent(Events.metadataOf(event).getEventId().toString(), event);
            }
        }
        PartnerJoined joined = null;
        PartnerStatusChanged status = null;
        PrioritiesChosen priorities = null;
        Map<String, Map<String, SpecificRecord>> activitySteps = new HashMap<>();
        Map<String, List<SpecificRecord>> exerciseEvents = new HashMap<>();
        Map<String, ProgrammeAgreed> agreements = new HashMap<>();
        Map<String, ProgrammeAssessed> assessments = new HashMap<>();
        Map<String, Instant> achievements = new HashMap<>();
        long events = 0;
        Instant lastEvent = null;
        for (SpecificRecord event : distinct.values()) {
            String exerciseId = exerciseIdOf(event);
            if (exerciseId != null) {
                exerciseEvents.computeIfAbsent(Events.partnerIdOf(event) + "/" + exerciseId, id -> new ArrayList<>())
                        .add(event);
                continue;
            }
            if (!Events.partnerIdOf(event).equals(partner)) {
                continue;
            }
            events++;
            lastEvent = max(lastEvent, at(event));
            String activity = activityIdOf(event);
            if (activity != null) {
                // Each step of an activity happens once: its earliest report is the fact.
                activitySteps.computeIfAbsent(activity, id -> new HashMap<>())
                        .merge(event.getSchema().getName(), event, ReferenceComputation::earlier);
            } else if (event instanceof PartnerJoined e) {
                joined = joined == null ? e : later(joined, e);
            } else if (event instanceof PartnerStatusChanged e) {
                status = status == null ? e : later(status, e);
            } else if (event instanceof PrioritiesChosen e) {
                priorities = priorities == null ? e : later(priorities, e);
            } else if (event instanceof ProgrammeAgreed e) {
                agreements.merge(e.getProgrammeId(), e, ReferenceComputation::later);
            } else if (event instanceof ProgrammeAssessed e) {
                assessments.merge(e.getProgrammeId(), e, ReferenceComputation::later);
            } else if (event instanceof ObjectiveAchieved e) {
                achievements.merge(e.getProgrammeId() + "/" + e.getObjectiveId(), at(e), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        if (joined == null) {
            return notJoined();
        }

        Map<String, Map<String, Integer>> byArea = new TreeMap<>();
        Map<String, int[]> flows = new TreeMap<>();
        List<Long> leadTimes = new ArrayList<>();
        LocalDate lastCompleted = null;
        int completedInWindow = 0;
        for (Map<String, SpecificRecord> steps : activitySteps.values()) {
            SpecificRecord proposal = steps.get("ActivityProposed");
            SpecificRecord completion = steps.get("ActivityCompleted");
            SpecificRecord cancellation = steps.get("ActivityCancelled");
            String state = completion != null ? "COMPLETED" : cancellation != null ? "CANCELLED"
                    : steps.containsKey("ActivityApproved") ? "APPROVED" : "PROPOSED";
            String area = proposal == null ? "UNKNOWN" : ((ActivityProposed) proposal).getArea().name();
            byArea.computeIfAbsent(area, a -> new TreeMap<>()).merge(state, 1, Integer::sum);
            if (proposal != null) {
                flows.computeIfAbsent(quarter(at(proposal)), q -> new int[3])[0]++;
            }
            if (completion != null) {
                flows.computeIfAbsent(quarter(at(completion)), q -> new int[3])[1]++;
                LocalDate day = date(at(completion));
                lastCompleted = lastCompleted == null || day.isAfter(lastCompleted) ? day : lastCompleted;
                if (day.isAfter(asOf.minusMonths(12))) {
                    completedInWindow++;
                }
                if (proposal != null && !at(completion).isBefore(at(proposal))) {
                    leadTimes.add(Duration.between(at(proposal), at(completion)).toDays());
                }
            }
            // A cancellation reported at or after the completion is void: the activity took place.
            if (cancellation != null && (completion == null || at(completion).isAfter(at(cancellation)))) {
                flows.computeIfAbsent(quarter(at(cancellation)), q -> new int[3])[2]++;
            }
        }
        // A view shows the flows of its date's quarter and the seven before it.
        Map<String, String> quarterly = new TreeMap<>();
        String firstShown = quarter(asOf.withDayOfMonth(1).minusMonths(21).atStartOfDay(ZoneOffset.UTC).toInstant());
        flows.forEach((quarter, counts) -> {
            if (quarter.compareTo(firstShown) >= 0) {
                quarterly.put(quarter, counts[0] + "/" + counts[1] + "/" + counts[2]);
            }
        });

        Map<String, Integer> exercisesByState = new TreeMap<>();
        for (List<SpecificRecord> exercise : exerciseEvents.values()) {
            String host = Events.partnerIdOf(exercise.get(0));
            ExerciseScheduled schedule = null;
            ExerciseConducted conduct = null;
            boolean cancelled = false;
            Instant named = partner.equals(host) ? Instant.MIN : null;
            for (SpecificRecord event : exercise) {
                if (event instanceof ExerciseScheduled s) {
                    schedule = schedule == null ? s : later(schedule, s);
                    if (s.getParticipantPartnerIds().contains(partner)) {
                        named = min(named, at(s));
                    }
                } else if (event instanceof ExerciseConducted c) {
                    conduct = conduct == null ? c : earlier(conduct, c);
                    if (c.getParticipantPartnerIds().contains(partner)) {
                        named = min(named, at(c));
                    }
                } else {
                    cancelled = true;
                }
            }
            if (named != null) {
                events += exercise.size();
                for (SpecificRecord event : exercise) {
                    if (!at(event).isBefore(named)) {
                        lastEvent = max(lastEvent, at(event));
                    }
                }
            }
            Set<String> participants = new TreeSet<>(conduct != null ? conduct.getParticipantPartnerIds()
                    : schedule != null ? schedule.getParticipantPartnerIds() : List.of());
            participants.add(host);
            if (schedule != null && participants.contains(partner)) {
                exercisesByState.merge(conduct != null ? "CONDUCTED" : cancelled ? "CANCELLED" : "SCHEDULED", 1,
                        Integer::sum);
            }
        }

        Map<String, String> programmes = new TreeMap<>();
        for (ProgrammeAgreed agreement : agreements.values()) {
            int achieved = 0;
            int overdue = 0;
            for (Objective objective : agreement.getObjectives()) {
                if (achievements.containsKey(agreement.getProgrammeId() + "/" + objective.getObjectiveId())) {
                    achieved++;
                } else if (objective.getTargetDate().isBefore(asOf)) {
                    overdue++;
                }
            }
            ProgrammeAssessed assessment = assessments.get(agreement.getProgrammeId());
            programmes.put(agreement.getProgrammeId(), achieved + "/" + overdue + "/"
                    + (assessment == null ? null : assessment.getRating().name()));
        }

        return new ReferenceComputation(joined.getName(), status == null ? "ACTIVE" : status.getStatus().name(),
                priorities == null ? null : priorities.getTargetCompletedActivitiesPerYear(), byArea, exercisesByState,
                quarterly, completedInWindow, lastCompleted, median(leadTimes), programmes, events, lastEvent);
    }

    private static Double median(List<Long> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return (sorted.get((n - 1) / 2) + sorted.get(n / 2)) / 2.0;
    }

    private static void putIfPositive(Map<String, Integer> counts, String key, int value) {
        if (value > 0) {
            counts.put(key, value);
        }
    }

    private static Instant at(SpecificRecord event) {
        return Events.metadataOf(event).getOccurredAt();
    }

    private static LocalDate date(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }

    private static String quarter(Instant at) {
        LocalDate day = date(at);
        return day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1);
    }

    private static Instant max(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }

    private static Instant min(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }

    /** The later of two events by time, then by event id. */
    private static <T extends SpecificRecord> T later(T a, T b) {
        int byTime = at(a).compareTo(at(b));
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

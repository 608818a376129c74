package org.pfptracker.tracker.view;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.pfptracker.tracker.state.ExerciseParticipation;
import org.pfptracker.tracker.state.PartnerState;
import org.pfptracker.tracker.state.ProgrammeFacts;
import org.pfptracker.tracker.state.Quarters;

/**
 * Computes the views dashboards read from the stored facts, for a given date. Pure: the same facts
 * and date always give the same view.
 */
public final class PartnerViews {

    /** Pace is measured on completions in the 12 months up to the as-of date. */
    static final int PACE_WINDOW_MONTHS = 12;
    /** A partner with no completion in this many days is STALLED, whatever its ratio. */
    static final int STALLED_AFTER_DAYS = 180;

    private PartnerViews() {
    }

    /** The whole view of one partner as of a date. */
    public static PartnerView of(PartnerState state, List<ExerciseParticipation> exercises, LocalDate asOf) {
        return new PartnerView(state.partnerId(), asOf, profile(state), activities(state), exercises(exercises, asOf),
                state.programmes().entrySet().stream()
                        .filter(entry -> entry.getValue().agreement() != null)
                        .map(entry -> programme(entry.getKey(), entry.getValue(), asOf, false))
                        .sorted(Comparator.comparing(ProgrammeView::periodStart).reversed()
                                .thenComparing(ProgrammeView::programmeId))
                        .toList(),
                pace(state, asOf), freshness(state, exercises));
    }

    /** One programme with each objective's state; empty if the programme was never agreed. */
    public static Optional<ProgrammeView> programmeOf(PartnerState state, String programmeId, LocalDate asOf) {
        ProgrammeFacts facts = state.programmes().get(programmeId);
        if (facts == null || facts.agreement() == null) {
            return Optional.empty();
        }
        return Optional.of(programme(programmeId, facts, asOf, true));
    }

    /** The partner's line in the overview. */
    public static PartnerSummaryView summaryOf(PartnerState state, List<ExerciseParticipation> exercises, LocalDate asOf) {
        ProfileView profile = profile(state);
        PaceView pace = pace(state, asOf);
        int agreed = 0;
        int achieved = 0;
        for (Map.Entry<String, ProgrammeFacts> entry : state.programmes().entrySet()) {
            if (entry.getValue().agreement() != null) {
                ProgrammeView programme = programme(entry.getKey(), entry.getValue(), asOf, false);
                agreed += programme.objectivesAgreed();
                achieved += programme.achieved();
            }
        }
        return new PartnerSummaryView(state.partnerId(), profile == null ? null : profile.name(),
                profile == null ? null : profile.framework(), profile == null ? null : profile.status(),
                pace.status(), pace.ratio(), activities(state).byState(), percent(achieved, agreed),
                freshness(state, exercises).lastEventAt());
    }

    static ProfileView profile(PartnerState state) {
        if (state.profile() == null) {
            return null;
        }
        String status = state.status() == null ? "ACTIVE" : state.status().status();
        LocalDate since = state.status() == null ? state.profile().joinedOn() : state.status().effectiveOn();
        return new ProfileView(state.profile().name(), state.profile().framework(), state.profile().joinedOn(), status,
                since, state.priorities() == null ? List.of() : state.priorities().areas(),
                state.priorities() == null ? null : state.priorities().targetCompletedActivitiesPerYear());
    }

    static ActivitiesView activities(PartnerState state) {
        Map<String, Integer> byState = new TreeMap<>();
        int total = 0;
        for (Map<String, Integer> counts : state.activitiesByAreaAndState().values()) {
            for (Map.Entry<String, Integer> count : counts.entrySet()) {
                byState.merge(count.getKey(), count.getValue(), Integer::sum);
                total += count.getValue();
            }
        }
        Double priorityShare = null;
        int completed = byState.getOrDefault("COMPLETED", 0);
        if (completed > 0 && state.priorities() != null) {
            int inPriorities = state.priorities().areas().stream()
                    .mapToInt(area -> state.activitiesByAreaAndState().getOrDefault(area, Map.of())
                            .getOrDefault("COMPLETED", 0))
                    .sum();
            priorityShare = round(inPriorities / (double) completed, 3);
        }
        return new ActivitiesView(total, byState, state.activitiesByAreaAndState(), priorityShare);
    }

    static PaceView pace(PartnerState state, LocalDate asOf) {
        LocalDate windowStart = asOf.minusMonths(PACE_WINDOW_MONTHS);
        int completedInWindow = 0;
        LocalDate lastCompleted = null;
        for (Map.Entry<LocalDate, Integer> day : state.completionsByDay().entrySet()) {
            LocalDate date = day.getKey();
            if (date.isAfter(asOf)) {
                continue;
            }
            if (date.isAfter(windowStart)) {
                completedInWindow += day.getValue();
            }
            if (lastCompleted == null || date.isAfter(lastCompleted)) {
                lastCompleted = date;
            }
        }
        Integer target = state.priorities() == null ? null : state.priorities().targetCompletedActivitiesPerYear();
        PaceStatus status;
        Double ratio = null;
        if (target == null) {
            status = PaceStatus.NOT_SET;
        } else {
            ratio = round(completedInWindow / (double) target, 2);
            status = statusOf(completedInWindow, target, lastCompleted, asOf);
        }
        String lastQuarter = Quarters.of(asOf);
        List<PaceView.QuarterView> quarterly = state.quarters().entrySet().stream()
                .filter(quarter -> quarter.getKey().compareTo(lastQuarter) <= 0)
                .sorted(Map.Entry.comparingByKey())
                .map(quarter -> new PaceView.QuarterView(quarter.getKey(), quarter.getValue().proposed(),
                        quarter.getValue().completed(), quarter.getValue().cancelled()))
                .toList();
        return new PaceView(status.name(), ratio, completedInWindow, target, lastCompleted,
                median(state.leadTimeDays()), quarterly);
    }

    /** Thresholds compared in whole numbers, so that exactly 90% or 110% never falls on the wrong side. */
    static PaceStatus statusOf(int completed, int target, LocalDate lastCompleted, LocalDate asOf) {
        if (lastCompleted == null || !lastCompleted.isAfter(asOf.minusDays(STALLED_AFTER_DAYS))) {
            return PaceStatus.STALLED;
        }
        if (completed * 10L >= target * 11L) {
            return PaceStatus.AHEAD;
        }
        if (completed * 10L >= target * 9L) {
            return PaceStatus.ON_PACE;
        }
        return PaceStatus.BEHIND;
    }

    static ExercisesView exercises(List<ExerciseParticipation> exercises, LocalDate asOf) {
        int scheduled = 0;
        int conducted = 0;
        int cancelled = 0;
        List<ExerciseView> upcoming = new ArrayList<>();
        List<ExerciseView> past = new ArrayList<>();
        for (ExerciseParticipation exercise : exercises) {
            if (exercise.startsOn() == null) {
                continue; // only later events arrived; it is shown once its schedule is known
            }
            switch (exercise.state()) {
                case "SCHEDULED" -> scheduled++;
                case "CONDUCTED" -> conducted++;
                case "CANCELLED" -> cancelled++;
                default -> { }
            }
            ExerciseView view = new ExerciseView(exercise.exerciseId(), exercise.name(), exercise.area(),
                    exercise.state(), exercise.role(), exercise.hostPartnerId(), exercise.participantPartnerIds(),
                    exercise.startsOn(), exercise.endsOn());
            if ("SCHEDULED".equals(exercise.state()) && !exercise.startsOn().isBefore(asOf)) {
                upcoming.add(view);
            } else {
                past.add(view);
            }
        }
        upcoming.sort(Comparator.comparing(ExerciseView::startsOn).thenComparing(ExerciseView::exerciseId));
        past.sort(Comparator.comparing(ExerciseView::startsOn).reversed().thenComparing(ExerciseView::exerciseId));
        return new ExercisesView(scheduled, conducted, cancelled, upcoming.isEmpty() ? null : upcoming.get(0),
                upcoming.subList(0, Math.min(upcoming.size(), ExercisesView.LISTED)),
                past.subList(0, Math.min(past.size(), ExercisesView.LISTED)));
    }

    static ProgrammeView programme(String programmeId, ProgrammeFacts facts, LocalDate asOf, boolean withObjectives) {
        ProgrammeFacts.Agreement agreement = facts.agreement();
        int achieved = 0;
        int overdue = 0;
        List<ProgrammeView.ObjectiveView> objectives = new ArrayList<>();
        for (ProgrammeFacts.Objective objective : agreement.objectives()) {
            Instant achievedAt = facts.achievedObjectives().get(objective.objectiveId());
            LocalDate achievedOn = achievedAt == null ? null : LocalDate.ofInstant(achievedAt, ZoneOffset.UTC);
            String state;
            if (achievedOn != null && !achievedOn.isAfter(asOf)) {
                state = "ACHIEVED";
                achieved++;
            } else if (objective.targetDate().isBefore(asOf)) {
                state = "OVERDUE";
                overdue++;
            } else {
                state = "OPEN";
            }
            objectives.add(new ProgrammeView.ObjectiveView(objective.objectiveId(), objective.description(),
                    objective.area(), objective.targetDate(), state, "ACHIEVED".equals(state) ? achievedOn : null));
        }
        ProgrammeFacts.Assessment assessment = facts.lastAssessment();
        return new ProgrammeView(programmeId, agreement.type(), agreement.periodStart(), agreement.periodEnd(),
                agreement.objectives().size(), achieved, overdue, percent(achieved, agreement.objectives().size()),
                assessment == null ? null : new ProgrammeView.AssessmentView(assessment.rating(), assessment.summary(),
                        LocalDate.ofInstant(assessment.stamp().at(), ZoneOffset.UTC)),
                withObjectives ? objectives : List.of());
    }

    static FreshnessView freshness(PartnerState state, List<ExerciseParticipation> exercises) {
        Instant last = state.lastEventAt();
        long applied = state.eventsApplied();
        for (ExerciseParticipation exercise : exercises) {
            applied += exercise.eventCount();
            if (exercise.lastEventAt() != null && (last == null || exercise.lastEventAt().isAfter(last))) {
                last = exercise.lastEventAt();
            }
        }
        return new FreshnessView(last, applied);
    }

    static Double median(Map<Integer, Integer> histogram) {
        long count = histogram.values().stream().mapToLong(Integer::longValue).sum();
        if (count == 0) {
            return null;
        }
        TreeMap<Integer, Integer> sorted = new TreeMap<>(histogram);
        long lowerRank = (count - 1) / 2;
        long upperRank = count / 2;
        Integer lower = null;
        Integer upper = null;
        long seen = 0;
        for (Map.Entry<Integer, Integer> bucket : sorted.entrySet()) {
            long next = seen + bucket.getValue();
            if (lower == null && lowerRank < next) {
                lower = bucket.getKey();
            }
            if (upperRank < next) {
                upper = bucket.getKey();
                break;
            }
            seen = next;
        }
        return (lower + upper) / 2.0;
    }

    private static double percent(int part, int whole) {
        return whole == 0 ? 0.0 : round(part * 100.0 / whole, 1);
    }

    private static double round(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }
}

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
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.pfptracker.tracker.state.ActivityState;
import org.pfptracker.tracker.state.ExerciseFacts;
import org.pfptracker.tracker.state.ExerciseState;
import org.pfptracker.tracker.state.PartnerFact;
import org.pfptracker.tracker.state.PartnerReads;
import org.pfptracker.tracker.state.ProgrammeFacts;
import org.pfptracker.tracker.state.index.Counts;
import org.pfptracker.tracker.state.index.DayMarks;
import org.pfptracker.tracker.state.index.Figure;
import org.pfptracker.tracker.state.index.IndexKeys;
import org.pfptracker.tracker.state.index.Quarter;
import org.pfptracker.tracker.state.index.Tally;

/**
 * Builds a partner's view as of a date from its stores, reading only what the view shows: the facts in
 * force by the end of that day, running totals as of that day, and the exercises nearest to it. Every
 * part follows the date: the view as of a day is the view the events up to that day give, with the
 * calendar-bound parts (pace window, overdue objectives, upcoming exercises) measured from that day.
 * Its cost does not depend on how long the partner's history is, but on how much the view shows.
 */
public final class PartnerViewBuilder {

    /** Pace is measured on completions in the 12 months up to the as-of date. */
    static final int PACE_WINDOW_MONTHS = 12;
    /** A partner with no completion in this many days is STALLED, whatever its ratio. */
    static final int STALLED_AFTER_DAYS = 180;
    /** Quarters of activity flow a view shows, up to its date's: the pace series gives any range. */
    static final int VIEW_QUARTERS = 8;
    /** The widening windows, in days, in which exercises ahead of the date are looked for. */
    private static final int[] FUTURE_WINDOWS_DAYS = {92, 730, Integer.MAX_VALUE};
    /** The widening windows, in days, in which past exercises are looked for. */
    private static final int[] PAST_WINDOWS_DAYS = {92, 730, Integer.MAX_VALUE};
    /** Exercise index entries read at most on each side of the date, so that a list costs a bounded read. */
    static final int EXERCISES_SCANNED = 1_000;

    private final PartnerReads stores;

    public PartnerViewBuilder(PartnerReads stores) {
        this.stores = stores;
    }

    /** The partner's whole view as of a date; empty while it had not joined by then. */
    public Optional<PartnerView> view(String partnerId, LocalDate asOf) {
        Optional<PartnerFact.Profile> joined = latest(partnerId, 'J', asOf);
        if (joined.isEmpty()) {
            return Optional.empty();
        }
        Facts facts = facts(partnerId, joined.get(), asOf);
        return Optional.of(new PartnerView(partnerId, asOf, facts.profile, activities(facts), exercises(partnerId, facts),
                programmes(partnerId, asOf, false), pace(partnerId, facts, Quarter.of(asOf) - VIEW_QUARTERS + 1),
                freshness(partnerId, facts)));
    }

    /**
     * The partner's pace as of a date with its activity flow per quarter from the quarter of {@code from}
     * ({@code null}: its first quarter with any activity); empty while it had not joined by then.
     */
    public Optional<PaceView> pace(String partnerId, LocalDate asOf, LocalDate from) {
        return this.<PartnerFact.Profile>latest(partnerId, 'J', asOf).map(joined -> {
            Facts facts = facts(partnerId, joined, asOf);
            Integer first = from == null ? Tally.FIGURES.firstQuarter(stores.tally(), partnerId) : (Integer) Quarter.of(from);
            return pace(partnerId, facts, first);
        });
    }

    /** The partner's line in the overview, from its view. */
    public PartnerSummaryView summary(PartnerView view) {
        int agreed = 0;
        int achieved = 0;
        for (ProgrammeView programme : view.programmes()) {
            agreed += programme.objectivesAgreed();
            achieved += programme.achieved();
        }
        return new PartnerSummaryView(view.partnerId(), view.profile().name(), view.profile().framework(),
                view.profile().status(), view.pace().status(), view.pace().ratio(), view.activities().byState(),
                percent(achieved, agreed), view.freshness().lastEventAt());
    }

    /** One programme with each objective's state as of a date; empty if not agreed by then. */
    public Optional<ProgrammeView> programme(String partnerId, String programmeId, LocalDate asOf) {
        ProgrammeFacts facts = stores.programmes().get(partnerId + IndexKeys.SEPARATOR + programmeId);
        if (facts == null || facts.agreementAsOf(asOf) == null) {
            return Optional.empty();
        }
        return Optional.of(programme(programmeId, facts, asOf, true));
    }

    /** What the parts of a view are read from, gathered once. */
    private record Facts(LocalDate asOf, ProfileView profile, PartnerFact.Priorities priorities, Counts figures) {
    }

    private Facts facts(String partnerId, PartnerFact.Profile joined, LocalDate asOf) {
        Optional<PartnerFact.Status> status = latest(partnerId, 'S', asOf);
        PartnerFact.Priorities priorities = this.<PartnerFact.Priorities>latest(partnerId, 'P', asOf).orElse(null);
        ProfileView profile = new ProfileView(joined.name(), joined.framework(), joined.joinedOn(),
                status.map(PartnerFact.Status::status).orElse("ACTIVE"),
                status.map(PartnerFact.Status::effectiveOn).orElse(joined.joinedOn()),
                priorities == null ? List.of() : priorities.areas(),
                priorities == null ? null : priorities.targetCompletedActivitiesPerYear());
        return new Facts(asOf, profile, priorities, Tally.FIGURES.asOf(stores.tally(), partnerId, asOf));
    }

    /** The fact of a kind in force by the end of a day: the one with the latest stamp by then. */
    @SuppressWarnings("unchecked")
    private <F extends PartnerFact> Optional<F> latest(String partnerId, char kind, LocalDate asOf) {
        String prefix = PartnerFact.keyPrefix(partnerId, kind);
        long lastMillis = endOf(asOf).toEpochMilli();
        // Keys continue with '/' and the event id after the time; the next character up bounds them all.
        String upTo = prefix + IndexKeys.sortable(lastMillis) + (char) (IndexKeys.SEPARATOR + 1);
        try (KeyValueIterator<String, PartnerFact> facts = stores.partnerFacts().reverseRange(prefix, upTo)) {
            return facts.hasNext() ? Optional.of((F) facts.next().value) : Optional.empty();
        }
    }

    private static ActivitiesView activities(Facts facts) {
        Map<String, Integer> byState = new TreeMap<>();
        Map<String, Map<String, Integer>> byArea = new TreeMap<>();
        int total = 0;
        for (String area : Figure.areas()) {
            for (ActivityState state : Figure.activityStates()) {
                int count = facts.figures.get(Figure.activities(area, state));
                if (count != 0) {
                    byArea.computeIfAbsent(area, a -> new TreeMap<>()).put(state.name(), count);
                    byState.merge(state.name(), count, Integer::sum);
                    total += count;
                }
            }
        }
        Double priorityShare = null;
        int completed = byState.getOrDefault(ActivityState.COMPLETED.name(), 0);
        if (completed > 0 && facts.priorities != null) {
            int inPriorities = facts.priorities.areas().stream()
                    .mapToInt(area -> byArea.getOrDefault(area, Map.of()).getOrDefault(ActivityState.COMPLETED.name(), 0))
                    .sum();
            priorityShare = round(inPriorities / (double) completed, 3);
        }
        return new ActivitiesView(total, byState, byArea, priorityShare);
    }

    private PaceView pace(String partnerId, Facts facts, Integer firstQuarter) {
        LocalDate asOf = facts.asOf;
        int completedInWindow = facts.figures.get(Figure.COMPLETED) - Tally.FIGURES
                .asOf(stores.tally(), partnerId, asOf.minusMonths(PACE_WINDOW_MONTHS)).get(Figure.COMPLETED);
        LocalDate lastCompleted = DayMarks.COMPLETIONS.latestOnOrBefore(stores.tally(), partnerId, asOf)
                .map(mark -> mark.key).orElse(null);
        Integer target = facts.priorities == null ? null : facts.priorities.targetCompletedActivitiesPerYear();
        PaceStatus status = target == null ? PaceStatus.NOT_SET : statusOf(completedInWindow, target, lastCompleted, asOf);
        Double ratio = target == null ? null : round(completedInWindow / (double) target, 2);
        return new PaceView(status.name(), ratio, completedInWindow, target, lastCompleted,
                median(Tally.LEAD_TIMES.asOf(stores.tally(), partnerId, asOf)), quarterly(partnerId, facts, firstQuarter));
    }

    /** Flows per quarter, from {@code first} up to the as-of date's (so far); quarters with none left out. */
    private List<PaceView.QuarterView> quarterly(String partnerId, Facts facts, Integer first) {
        int last = Quarter.of(facts.asOf);
        List<PaceView.QuarterView> quarters = new ArrayList<>();
        if (first == null || first > last) {
            return quarters;
        }
        List<Counts> totals = new ArrayList<>(Tally.FIGURES.quarterTotals(stores.tally(), partnerId, first, last));
        totals.set(totals.size() - 1, facts.figures);
        Counts before = Tally.FIGURES.quarterTotals(stores.tally(), partnerId, first - 1, first - 1).get(0);
        for (int i = 0; i < totals.size(); i++) {
            Counts flow = totals.get(i).minus(before);
            before = totals.get(i);
            int proposed = flow.get(Figure.PROPOSED);
            int completed = flow.get(Figure.COMPLETED);
            int cancelled = flow.get(Figure.CANCELLED);
            if (proposed != 0 || completed != 0 || cancelled != 0) {
                quarters.add(new PaceView.QuarterView(Quarter.name(first + i), proposed, completed, cancelled));
            }
        }
        return quarters;
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

    private ExercisesView exercises(String partnerId, Facts facts) {
        LocalDate asOf = facts.asOf;
        Instant cut = endOf(asOf);
        List<ExerciseView> upcoming = new ArrayList<>();
        List<ExerciseView> past = new ArrayList<>();
        String prefix = IndexKeys.partnerPrefix(partnerId);
        // Forward from the date: the soonest scheduled ones, and those already settled though not yet begun.
        int start = (int) asOf.toEpochDay();
        int ahead = 0;
        for (int window : FUTURE_WINDOWS_DAYS) {
            int end = window == Integer.MAX_VALUE ? Integer.MAX_VALUE : start + window;
            try (KeyValueIterator<String, String> starts = stores.exerciseStarts().range(prefix + IndexKeys.sortable(start),
                    prefix + IndexKeys.sortable(end) + (char) (IndexKeys.SEPARATOR + 1))) {
                // Up to the 20th upcoming one: those settled before they begin are listed among the past ones
                // when they start no later than that.
                for (; starts.hasNext() && ahead < EXERCISES_SCANNED && upcoming.size() < ExercisesView.LISTED; ahead++) {
                    viewOf(partnerId, starts.next(), cut).ifPresent(view ->
                            (view.state().equals(ExerciseState.SCHEDULED.name()) ? upcoming : past).add(view));
                }
            }
            if (upcoming.size() >= ExercisesView.LISTED || ahead >= EXERCISES_SCANNED || end == Integer.MAX_VALUE) {
                break;
            }
            start = end + 1;
        }
        // Backward from the day before: the most recent that began, until a day's list is complete. Read in
        // widening windows: a range read through the record cache copies the cached keys of its range.
        List<ExerciseView> begun = new ArrayList<>();
        int to = (int) asOf.toEpochDay() - 1;
        int scanned = 0;
        for (int window : PAST_WINDOWS_DAYS) {
            int from = window == Integer.MAX_VALUE ? Integer.MIN_VALUE : to - window;
            try (KeyValueIterator<String, String> starts = stores.exerciseStarts().reverseRange(
                    prefix + IndexKeys.sortable(from), prefix + IndexKeys.sortable(to) + (char) (IndexKeys.SEPARATOR + 1))) {
                for (; starts.hasNext() && scanned < EXERCISES_SCANNED; scanned++) {
                    Optional<ExerciseView> view = viewOf(partnerId, starts.next(), cut);
                    if (view.isPresent()) {
                        if (begun.size() >= ExercisesView.LISTED
                                && !view.get().startsOn().equals(begun.get(begun.size() - 1).startsOn())) {
                            break;
                        }
                        begun.add(view.get());
                    }
                }
            }
            if (begun.size() >= ExercisesView.LISTED || scanned >= EXERCISES_SCANNED || from == Integer.MIN_VALUE) {
                break;
            }
            to = from - 1;
        }
        past.addAll(begun);
        upcoming.sort(Comparator.comparing(ExerciseView::startsOn).thenComparing(ExerciseView::exerciseId));
        past.sort(Comparator.comparing(ExerciseView::startsOn).reversed().thenComparing(ExerciseView::exerciseId));
        return new ExercisesView(facts.figures.get(Figure.exercises(ExerciseState.SCHEDULED)),
                facts.figures.get(Figure.exercises(ExerciseState.CONDUCTED)),
                facts.figures.get(Figure.exercises(ExerciseState.CANCELLED)),
                upcoming.isEmpty() ? null : upcoming.get(0),
                upcoming.subList(0, Math.min(upcoming.size(), ExercisesView.LISTED)),
                past.subList(0, Math.min(past.size(), ExercisesView.LISTED)));
    }

    /** An exercise as the partner sees it at a time, if the index entry is its current start date then. */
    private Optional<ExerciseView> viewOf(String partnerId, KeyValue<String, String> start, Instant cut) {
        ExerciseFacts facts = stores.exercises().get(partnerId + IndexKeys.SEPARATOR + start.value);
        if (facts == null) {
            return Optional.empty();
        }
        ExerciseFacts.Schedule schedule = facts.scheduleAt(cut);
        if (schedule == null || !start.key.contains(IndexKeys.SEPARATOR + IndexKeys.day(schedule.startsOn())
                + IndexKeys.SEPARATOR) || !facts.participantsAt(cut).contains(partnerId)) {
            return Optional.empty();
        }
        return Optional.of(new ExerciseView(facts.exerciseId(), schedule.name(), schedule.area(),
                facts.stateAt(cut).name(), partnerId.equals(facts.hostPartnerId()) ? "HOST" : "PARTICIPANT",
                facts.hostPartnerId(), List.copyOf(facts.participantsAt(cut)), schedule.startsOn(), schedule.endsOn()));
    }

    private List<ProgrammeView> programmes(String partnerId, LocalDate asOf, boolean withObjectives) {
        List<ProgrammeView> programmes = new ArrayList<>();
        String prefix = IndexKeys.partnerPrefix(partnerId);
        try (KeyValueIterator<String, ProgrammeFacts> all = stores.programmes().prefixScan(prefix,
                new StringSerializer())) {
            while (all.hasNext()) {
                KeyValue<String, ProgrammeFacts> entry = all.next();
                if (entry.value.agreementAsOf(asOf) != null) {
                    programmes.add(programme(entry.key.substring(prefix.length()), entry.value, asOf, withObjectives));
                }
            }
        }
        programmes.sort(Comparator.comparing(ProgrammeView::periodStart).reversed()
                .thenComparing(ProgrammeView::programmeId));
        return programmes;
    }

    static ProgrammeView programme(String programmeId, ProgrammeFacts facts, LocalDate asOf, boolean withObjectives) {
        ProgrammeFacts.Agreement agreement = facts.agreementAsOf(asOf);
        int achieved = 0;
        int overdue = 0;
        List<ProgrammeView.ObjectiveView> objectives = new ArrayList<>();
        for (ProgrammeFacts.Objective objective : agreement.objectives()) {
            var achievement = facts.achievementAsOf(objective.objectiveId(), asOf);
            ObjectiveState state = ObjectiveState.of(achievement != null, objective.targetDate(), asOf);
            if (state == ObjectiveState.ACHIEVED) {
                achieved++;
            } else if (state == ObjectiveState.OVERDUE) {
                overdue++;
            }
            objectives.add(new ProgrammeView.ObjectiveView(objective.objectiveId(), objective.description(),
                    objective.area(), objective.targetDate(), state.name(),
                    achievement == null ? null : achievement.date()));
        }
        ProgrammeFacts.Assessment assessment = facts.assessmentAsOf(asOf);
        return new ProgrammeView(programmeId, agreement.type(), agreement.periodStart(), agreement.periodEnd(),
                agreement.objectives().size(), achieved, overdue, percent(achieved, agreement.objectives().size()),
                assessment == null ? null : new ProgrammeView.AssessmentView(assessment.rating(), assessment.summary(),
                        assessment.stamp().date()),
                withObjectives ? objectives : List.of());
    }

    private FreshnessView freshness(String partnerId, Facts facts) {
        Instant last = DayMarks.LATEST_EVENT.latestOnOrBefore(stores.tally(), partnerId, facts.asOf)
                .map(mark -> mark.key.atStartOfDay(ZoneOffset.UTC).toInstant().plusMillis(mark.value - 1L))
                .orElse(null);
        return new FreshnessView(last, facts.figures.get(Figure.EVENTS));
    }

    /** The median of a histogram of lead times (code: days, value: activities). */
    static Double median(Counts histogram) {
        long count = 0;
        for (int i = 0; i < histogram.size(); i++) {
            count += histogram.valueAt(i);
        }
        if (count == 0) {
            return null;
        }
        long lowerRank = (count - 1) / 2;
        long upperRank = count / 2;
        Integer lower = null;
        Integer upper = null;
        long seen = 0;
        for (int i = 0; i < histogram.size(); i++) {
            long next = seen + histogram.valueAt(i);
            if (lower == null && lowerRank < next) {
                lower = histogram.codeAt(i);
            }
            if (upperRank < next) {
                upper = histogram.codeAt(i);
                break;
            }
            seen = next;
        }
        return (lower + upper) / 2.0;
    }

    /** The last instant of a day (UTC): a view as of a day knows the events up to it. */
    public static Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1);
    }

    private static double percent(int part, int whole) {
        return whole == 0 ? 0.0 : round(part * 100.0 / whole, 1);
    }

    private static double round(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }
}

package org.pfptracker.tracker.state;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Everything stored about one partner in the {@code partner-state} store, except its activities and
 * exercises (one store entry each, so a busy partner's state stays small).
 *
 * <p>Activity counters are maintained by exact deltas: when an activity changes, its old
 * contribution is subtracted and its new one added, so the counters always equal the sum over the
 * partner's activities, whatever order their events came in. Everything else is a fact that a later
 * stamp replaces ({@link Stamp}).
 *
 * @param partnerId the partner
 * @param profile from the latest PartnerJoined; {@code null} before it arrives
 * @param status from the latest PartnerStatusChanged; {@code null} if never changed (active since joining)
 * @param priorities from the latest PrioritiesChosen; {@code null} if none
 * @param activitiesByAreaAndState activity count per area, then per state
 * @param quarters activity flow per quarter
 * @param completionsByDay completed activities per completion date
 * @param leadTimeDays completed activities per proposal-to-completion lead time in days
 * @param programmes facts per programme id
 * @param lastEventAt newest event time among the partner's own events applied
 * @param eventsApplied distinct own events applied (exercises add theirs at query time)
 */
public record PartnerState(String partnerId, ProfileFact profile, StatusFact status, PrioritiesFact priorities,
                           Map<String, Map<String, Integer>> activitiesByAreaAndState,
                           Map<String, QuarterCounts> quarters, Map<LocalDate, Integer> completionsByDay,
                           Map<Integer, Integer> leadTimeDays, Map<String, ProgrammeFacts> programmes,
                           Instant lastEventAt, long eventsApplied) {

    public PartnerState {
        Objects.requireNonNull(partnerId, "partnerId");
        activitiesByAreaAndState = Map.copyOf(activitiesByAreaAndState);
        quarters = Map.copyOf(quarters);
        completionsByDay = Map.copyOf(completionsByDay);
        leadTimeDays = Map.copyOf(leadTimeDays);
        programmes = Map.copyOf(programmes);
    }

    public static PartnerState empty(String partnerId) {
        return new PartnerState(partnerId, null, null, null, Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), null, 0);
    }

    /** The state after one more distinct event of the partner's own, at the given event time. */
    public PartnerState counting(Instant eventTime) {
        Instant last = lastEventAt == null || eventTime.isAfter(lastEventAt) ? eventTime : lastEventAt;
        return new PartnerState(partnerId, profile, status, priorities, activitiesByAreaAndState, quarters,
                completionsByDay, leadTimeDays, programmes, last, eventsApplied + 1);
    }

    public PartnerState withProfile(ProfileFact candidate) {
        if (profile != null && !Stamp.supersedes(candidate.stamp(), profile.stamp())) {
            return this;
        }
        return new PartnerState(partnerId, candidate, status, priorities, activitiesByAreaAndState, quarters,
                completionsByDay, leadTimeDays, programmes, lastEventAt, eventsApplied);
    }

    public PartnerState withStatus(StatusFact candidate) {
        if (status != null && !Stamp.supersedes(candidate.stamp(), status.stamp())) {
            return this;
        }
        return new PartnerState(partnerId, profile, candidate, priorities, activitiesByAreaAndState, quarters,
                completionsByDay, leadTimeDays, programmes, lastEventAt, eventsApplied);
    }

    public PartnerState withPriorities(PrioritiesFact candidate) {
        if (priorities != null && !Stamp.supersedes(candidate.stamp(), priorities.stamp())) {
            return this;
        }
        return new PartnerState(partnerId, profile, status, candidate, activitiesByAreaAndState, quarters,
                completionsByDay, leadTimeDays, programmes, lastEventAt, eventsApplied);
    }

    public PartnerState withProgramme(String programmeId, UnaryOperator<ProgrammeFacts> change) {
        Map<String, ProgrammeFacts> changed = new TreeMap<>(programmes);
        changed.put(programmeId, change.apply(programmes.getOrDefault(programmeId, ProgrammeFacts.NONE)));
        return new PartnerState(partnerId, profile, status, priorities, activitiesByAreaAndState, quarters,
                completionsByDay, leadTimeDays, changed, lastEventAt, eventsApplied);
    }

    /** The counters after an activity's contribution changed from {@code before} (null: new) to {@code after}. */
    public PartnerState withActivityChange(ActivityContribution before, ActivityContribution after) {
        Counters counters = new Counters(this);
        if (before != null) {
            counters.add(before, -1);
        }
        counters.add(after, +1);
        return new PartnerState(partnerId, profile, status, priorities, counters.byAreaAndState, counters.quarters,
                counters.completionsByDay, counters.leadTimeDays, programmes, lastEventAt, eventsApplied);
    }

    /**
     * Working copies of the counters for one change; entries that reach zero are removed. A map is
     * copied only when the change touches it: completions per day can hold thousands of days, and
     * most events (proposals, approvals) never touch it.
     */
    private static final class Counters {
        Map<String, Map<String, Integer>> byAreaAndState;
        Map<String, QuarterCounts> quarters;
        Map<LocalDate, Integer> completionsByDay;
        Map<Integer, Integer> leadTimeDays;
        private boolean areasCopied;
        private boolean quartersCopied;
        private boolean completionsCopied;
        private boolean leadTimesCopied;

        Counters(PartnerState state) {
            byAreaAndState = state.activitiesByAreaAndState;
            quarters = state.quarters;
            completionsByDay = state.completionsByDay;
            leadTimeDays = state.leadTimeDays;
        }

        void add(ActivityContribution contribution, int sign) {
            if (!areasCopied) {
                Map<String, Map<String, Integer>> copy = new TreeMap<>();
                byAreaAndState.forEach((area, byState) -> copy.put(area, new TreeMap<>(byState)));
                byAreaAndState = copy;
                areasCopied = true;
            }
            Map<String, Integer> byState = byAreaAndState.computeIfAbsent(contribution.area(), a -> new TreeMap<>());
            bump(byState, contribution.state().name(), sign);
            if (byState.isEmpty()) {
                byAreaAndState.remove(contribution.area());
            }
            if (contribution.proposedQuarter() != null) {
                bumpQuarter(contribution.proposedQuarter(), sign, 0, 0);
            }
            if (contribution.completedOn() != null) {
                bumpQuarter(Quarters.of(contribution.completedOn()), 0, sign, 0);
                if (!completionsCopied) {
                    completionsByDay = new TreeMap<>(completionsByDay);
                    completionsCopied = true;
                }
                bump(completionsByDay, contribution.completedOn(), sign);
            }
            if (contribution.cancelledQuarter() != null) {
                bumpQuarter(contribution.cancelledQuarter(), 0, 0, sign);
            }
            if (contribution.leadTimeDays() != null) {
                if (!leadTimesCopied) {
                    leadTimeDays = new TreeMap<>(leadTimeDays);
                    leadTimesCopied = true;
                }
                bump(leadTimeDays, contribution.leadTimeDays(), sign);
            }
        }

        private void bumpQuarter(String quarter, int proposed, int completed, int cancelled) {
            if (!quartersCopied) {
                quarters = new TreeMap<>(quarters);
                quartersCopied = true;
            }
            QuarterCounts counts = quarters.getOrDefault(quarter, QuarterCounts.ZERO).plus(proposed, completed, cancelled);
            if (counts.isZero()) {
                quarters.remove(quarter);
            } else {
                quarters.put(quarter, counts);
            }
        }

        private static <K> void bump(Map<K, Integer> counts, K key, int delta) {
            int value = counts.getOrDefault(key, 0) + delta;
            if (value == 0) {
                counts.remove(key);
            } else {
                counts.put(key, value);
            }
        }
    }
}

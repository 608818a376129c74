package org.pfptracker.tracker.state.index;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one entity (an activity, a partner's part in an exercise) adds to its partner's figures, as a
 * function of time: from each step's instant on, the step's counts, until the next step. An entity's
 * facts give its timeline; when the facts change, the difference between the old and the new timeline
 * is what the partner's {@link Tally} must add, day by day. That is how every figure can be read as of
 * any date without replaying history.
 *
 * @param steps in time order; before the first, the entity adds nothing
 */
public record Timeline(List<Step> steps) {

    public static final Timeline NONE = new Timeline(List.of());

    public Timeline {
        steps = List.copyOf(steps);
    }

    /** From {@code at} on, the entity adds {@code counts}. */
    public record Step(Instant at, Counts counts) {
    }

    /** Builds a timeline from steps in time order; a step that changes nothing is dropped. */
    public static final class Builder {
        private final List<Step> steps = new ArrayList<>();

        public Builder step(Instant at, Counts counts) {
            Counts previous = steps.isEmpty() ? Counts.NONE : steps.get(steps.size() - 1).counts();
            if (!previous.equals(counts)) {
                if (!steps.isEmpty() && steps.get(steps.size() - 1).at().equals(at)) {
                    steps.set(steps.size() - 1, new Step(at, counts));
                } else {
                    steps.add(new Step(at, counts));
                }
            }
            return this;
        }

        public Timeline build() {
            return new Timeline(steps);
        }
    }

    /** Per day (epoch day), what moving from {@code before} to this timeline changes; no empty days. */
    public Map<Integer, Counts> changesSince(Timeline before) {
        Map<Integer, Counts> changes = new TreeMap<>();
        addDeltas(changes, this, +1);
        addDeltas(changes, before, -1);
        changes.values().removeIf(Counts::isEmpty);
        return changes;
    }

    private static void addDeltas(Map<Integer, Counts> changes, Timeline timeline, int sign) {
        Counts previous = Counts.NONE;
        for (Step step : timeline.steps) {
            Counts delta = sign > 0 ? step.counts().minus(previous) : previous.minus(step.counts());
            changes.merge(dayOf(step.at()), delta, Counts::plus);
            previous = step.counts();
        }
    }

    static int dayOf(Instant at) {
        return (int) LocalDate.ofInstant(at, ZoneOffset.UTC).toEpochDay();
    }
}

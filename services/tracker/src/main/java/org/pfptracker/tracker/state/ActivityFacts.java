package org.pfptracker.tracker.state;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * What is known about one activity: the time of each step of its life, kept as facts rather than as
 * a current state so that the same events in any order give the same result. Each step keeps its
 * earliest report: a step happens once, a second report of it is the same fact.
 *
 * @param title title from the proposal; {@code null} until the proposal arrives
 * @param area area of cooperation from the proposal; {@code null} until the proposal arrives
 * @param proposedAt proposal time
 * @param approvedAt approval time
 * @param completedAt completion time
 * @param cancelledAt cancellation time
 */
public record ActivityFacts(String title, String area, Instant proposedAt, Instant approvedAt, Instant completedAt,
                            Instant cancelledAt) {

    public static final ActivityFacts NONE = new ActivityFacts(null, null, null, null, null, null);

    public ActivityFacts withProposal(String newTitle, String newArea, Instant at) {
        if (proposedAt != null && !at.isBefore(proposedAt)) {
            return this;
        }
        return new ActivityFacts(newTitle, newArea, at, approvedAt, completedAt, cancelledAt);
    }

    public ActivityFacts withApproval(Instant at) {
        return new ActivityFacts(title, area, proposedAt, earliest(approvedAt, at), completedAt, cancelledAt);
    }

    public ActivityFacts withCompletion(Instant at) {
        return new ActivityFacts(title, area, proposedAt, approvedAt, earliest(completedAt, at), cancelledAt);
    }

    public ActivityFacts withCancellation(Instant at) {
        return new ActivityFacts(title, area, proposedAt, approvedAt, completedAt, earliest(cancelledAt, at));
    }

    /**
     * The latest step reached. A completion outranks a cancellation reported for the same activity:
     * the activity did take place, whatever else was said about it.
     */
    public ActivityState state() {
        if (completedAt != null) {
            return ActivityState.COMPLETED;
        }
        if (cancelledAt != null) {
            return ActivityState.CANCELLED;
        }
        if (approvedAt != null) {
            return ActivityState.APPROVED;
        }
        return proposedAt != null ? ActivityState.PROPOSED : ActivityState.PENDING;
    }

    /** What this activity adds to its partner's counters; subtracting it and adding the new one keeps them exact. */
    public ActivityContribution contribution() {
        ActivityState state = state();
        Integer leadDays = state == ActivityState.COMPLETED && proposedAt != null
                ? (int) Duration.between(proposedAt, completedAt).toDays() : null;
        return new ActivityContribution(state, area == null ? "UNKNOWN" : area,
                proposedAt == null ? null : Quarters.of(proposedAt),
                state == ActivityState.COMPLETED ? date(completedAt) : null,
                state == ActivityState.CANCELLED ? Quarters.of(cancelledAt) : null,
                leadDays);
    }

    private static Instant earliest(Instant current, Instant candidate) {
        return current == null || candidate.isBefore(current) ? candidate : current;
    }

    private static LocalDate date(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}

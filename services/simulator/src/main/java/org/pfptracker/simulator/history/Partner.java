package org.pfptracker.simulator.history;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pfptracker.event.AreaOfCooperation;
import org.pfptracker.platform.reference.ReferencePartner;

/**
 * One partner as the generator sees it: its fixed traits, whether it cooperates now, what it has
 * chosen, and what it has under way.
 *
 * <p>Cooperation comes in terms: a term begins when the partner joins or comes back and ends when it
 * is suspended, withdraws or becomes an Ally. Every scheduled step remembers its term and does
 * nothing once the term is over, so a suspension stops a partner's whole future at once without
 * searching the agenda.
 */
final class Partner {

    /** An activity between its proposal and its completion or cancellation. */
    record OpenActivity(AreaOfCooperation area, LocalDate plannedStart) {
    }

    /** An exercise between its scheduling and its conduct or cancellation, held by its host. */
    record OpenExercise(List<String> participantIds) {
    }

    private final ReferencePartner reference;
    private final double weight;
    private final boolean actionPlan;
    private final boolean planningAndReview;
    private final SimRandom activityRandom;
    private final SimRandom programmeRandom;
    private final SimRandom paceRandom;
    private final Map<String, OpenActivity> openActivities = new LinkedHashMap<>();
    private final Map<String, OpenExercise> hostedExercises = new LinkedHashMap<>();

    private boolean active;
    private int term;
    private List<AreaOfCooperation> priorities = List.of();
    private int activitiesProposed;
    private int programmesAgreed;

    Partner(ReferencePartner reference, long seed) {
        this.reference = reference;
        String id = reference.partnerId();
        SimRandom traits = SimRandom.stream(seed, "traits:" + id);
        this.weight = traits.logNormal(1.0, CooperationModel.PARTNER_WEIGHT_SIGMA);
        this.actionPlan = traits.chance(CooperationModel.SHARE_WITH_ACTION_PLAN);
        this.planningAndReview = traits.chance(CooperationModel.SHARE_IN_PLANNING_AND_REVIEW);
        this.activityRandom = SimRandom.stream(seed, "activities:" + id);
        this.programmeRandom = SimRandom.stream(seed, "programmes:" + id);
        this.paceRandom = SimRandom.stream(seed, "pace:" + id);
    }

    String id() {
        return reference.partnerId();
    }

    ReferencePartner reference() {
        return reference;
    }

    /** Relative size of its cooperation. */
    double weight() {
        return weight;
    }

    /** Whether its individual programme is an IPAP rather than an IPCP (before ITPPs). */
    boolean hasActionPlan() {
        return actionPlan;
    }

    /** Whether it takes part in the Planning and Review Process. */
    boolean inPlanningAndReview() {
        return planningAndReview;
    }

    SimRandom activityRandom() {
        return activityRandom;
    }

    SimRandom programmeRandom() {
        return programmeRandom;
    }

    SimRandom paceRandom() {
        return paceRandom;
    }

    boolean isActive() {
        return active;
    }

    /** Starts a term of cooperation; returns it. */
    int activate() {
        active = true;
        return ++term;
    }

    /** Ends the current term. */
    void deactivate() {
        active = false;
        term++;
    }

    /** Whether a step scheduled in {@code scheduledTerm} may still act. */
    boolean cooperatesIn(int scheduledTerm) {
        return active && term == scheduledTerm;
    }

    List<AreaOfCooperation> priorities() {
        return priorities;
    }

    void choosePriorities(List<AreaOfCooperation> chosen) {
        this.priorities = List.copyOf(chosen);
    }

    int nextActivityNumber() {
        return ++activitiesProposed;
    }

    int nextProgrammeNumber() {
        return ++programmesAgreed;
    }

    Map<String, OpenActivity> openActivities() {
        return openActivities;
    }

    Map<String, OpenExercise> hostedExercises() {
        return hostedExercises;
    }
}

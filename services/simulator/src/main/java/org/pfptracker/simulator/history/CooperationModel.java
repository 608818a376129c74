package org.pfptracker.simulator.history;

import org.pfptracker.event.ProgrammeType;

/**
 * The numbers behind the simulated history, in one place, each with where it comes from. They are
 * plausible orders of magnitude for the Partnership for Peace, not statistics of it: the point is a
 * history whose views look like real ones, with the skew, delays and losses real cooperation has.
 */
final class CooperationModel {

    // --- Activities -------------------------------------------------------------------------------

    /**
     * The Partnership Cooperation Menu offers about 1,400 activities a year. At scale 1 the partners
     * cooperating at any moment together propose this many a year, each in proportion to its weight:
     * when a partner stops cooperating, the others take up its share of the menu.
     */
    static final double ACTIVITIES_PER_YEAR = 1_400;
    /** Relative size of a partner's cooperation: log-normal, so a few partners do much more than most. */
    static final double PARTNER_WEIGHT_SIGMA = 0.5;

    /** Activities are proposed in a priority area this often (highest priority most); otherwise anywhere. */
    static final double SHARE_IN_PRIORITY_AREAS = 0.75;

    /** Lead time from proposal to planned start: weeks to months, around two months. */
    static final double LEAD_TIME_MEDIAN_DAYS = 60;
    static final double LEAD_TIME_SIGMA = 0.55;
    static final int LEAD_TIME_MIN_DAYS = 14;
    static final int LEAD_TIME_MAX_DAYS = 270;
    /** Review of a proposal; never more than this share of the lead time, so approval precedes the start. */
    static final int REVIEW_MIN_DAYS = 2;
    static final int REVIEW_MAX_DAYS = 42;
    static final double REVIEW_MAX_SHARE_OF_LEAD = 0.6;

    /** Withdrawn or refused before approval, and cancelled after it: about 12% of proposals in all. */
    static final double SHARE_CANCELLED_BEFORE_APPROVAL = 0.06;
    static final double SHARE_CANCELLED_AFTER_APPROVAL = 0.065;
    static final double SHARE_COMPLETED = (1 - SHARE_CANCELLED_BEFORE_APPROVAL) * (1 - SHARE_CANCELLED_AFTER_APPROVAL);

    /** Some activities start late; all take a few days and are closed by a feedback report weeks later. */
    static final double SHARE_STARTING_LATE = 0.15;
    static final int SLIP_MIN_DAYS = 7;
    static final int SLIP_MAX_DAYS = 60;
    static final int DURATION_MIN_DAYS = 1;
    static final int DURATION_MAX_DAYS = 10;
    static final int REPORT_MIN_DAYS = 3;
    static final int REPORT_MAX_DAYS = 30;

    // --- Priorities and pace ----------------------------------------------------------------------

    static final int PRIORITIES_MIN = 2;
    static final int PRIORITIES_MAX = 4;
    /** On a revision, each earlier priority is kept with this probability: priorities drift, rarely flip. */
    static final double SHARE_PRIORITY_KEPT = 0.6;
    /** Priorities and pace are revised every eighteen months to three years. */
    static final int REVISION_MIN_DAYS = 540;
    static final int REVISION_MAX_DAYS = 1_100;
    /**
     * The target is the partner's expected completions times an ambition: some aim above what they will
     * do, some below, so views show partners ahead of and behind their own pace.
     */
    static final double AMBITION_MIN = 0.8;
    static final double AMBITION_MAX = 1.25;
    /** A partner joining or coming back inside the period chooses its priorities within two weeks. */
    static final int FIRST_CHOICE_MAX_WORKING_DAYS = 10;

    // --- Exercises --------------------------------------------------------------------------------

    /** Multi-partner military and civil-emergency exercises a year at scale 1. */
    static final double EXERCISES_PER_YEAR = 24;
    static final double SHARE_EXERCISES_CANCELLED = 0.08;
    static final int EXERCISE_LEAD_MIN_DAYS = 60;
    static final int EXERCISE_LEAD_MAX_DAYS = 270;
    static final int EXERCISE_DURATION_MIN_DAYS = 3;
    static final int EXERCISE_DURATION_MAX_DAYS = 14;
    /** Participants besides the host. */
    static final int EXERCISE_GUESTS_MIN = 2;
    static final int EXERCISE_GUESTS_MAX = 8;
    /** A scheduled participant does not turn up this often. */
    static final double SHARE_GUESTS_DROPPING_OUT = 0.05;
    /** Exercises are military this often, civil emergency planning this often, disaster response otherwise. */
    static final double SHARE_MILITARY_EXERCISES = 0.6;
    static final double SHARE_CIVIL_EMERGENCY_EXERCISES = 0.2;
    /** Partners with a military or emergency priority host this many times more often. */
    static final double HOSTING_BONUS = 2.0;

    // --- Programmes -------------------------------------------------------------------------------

    /** Partners with an IPAP rather than an IPCP as their individual programme (until ITPP). */
    static final double SHARE_WITH_ACTION_PLAN = 0.4;
    /** Partners taking part in the Planning and Review Process. */
    static final double SHARE_IN_PLANNING_AND_REVIEW = 0.75;
    /** Individual programmes agreed from this year on are ITPPs. */
    static final int ITPP_FROM_YEAR = 2021;
    static final int INDIVIDUAL_PROGRAMME_YEARS = 2;
    /** ITPPs are four-year frameworks. */
    static final int ITPP_YEARS = 4;
    /** The first individual programme is agreed this long after cooperation begins. */
    static final int FIRST_PROGRAMME_MIN_DAYS = 10;
    static final int FIRST_PROGRAMME_MAX_DAYS = 90;
    /** The next programme is agreed up to this long before the current one ends. */
    static final int RENEWAL_MAX_DAYS_AHEAD = 45;
    static final int ASSESSMENT_MIN_DAYS_AFTER_END = 5;
    static final int ASSESSMENT_MAX_DAYS_AFTER_END = 40;
    /** PARP: goals agreed, and progress assessed a year later, between April and July. */
    static final int PARP_WINDOW_FIRST_MONTH = 4;
    static final int PARP_WINDOW_LAST_MONTH = 7;

    /** Objectives per programme: a few in a cooperation programme, more in plans, most as partnership goals. */
    static int minObjectives(ProgrammeType type) {
        return switch (type) {
            case IPCP -> 3;
            case IPAP -> 4;
            case ITPP -> 5;
            case PARP, UNKNOWN -> 6;
        };
    }

    static int maxObjectives(ProgrammeType type) {
        return switch (type) {
            case IPCP -> 6;
            case IPAP -> 8;
            case ITPP -> 10;
            case PARP, UNKNOWN -> 12;
        };
    }

    /** Objectives are due no earlier than this long after the programme starts. */
    static final int OBJECTIVE_EARLIEST_TARGET_DAYS = 90;
    static final int OBJECTIVE_EARLIEST_ACHIEVEMENT_DAYS = 30;
    /** Achieved on time, achieved late, or never (the rest). */
    static final double SHARE_OBJECTIVES_ON_TIME = 0.6;
    static final double SHARE_OBJECTIVES_LATE = 0.15;
    static final int OBJECTIVE_MAX_DAYS_LATE = 180;

    /** Share of due objectives achieved for an ON_TRACK, and for a PARTLY_ON_TRACK rating. */
    static final double ON_TRACK_SHARE = 0.75;
    static final double PARTLY_ON_TRACK_SHARE = 0.4;

    private CooperationModel() {
    }
}

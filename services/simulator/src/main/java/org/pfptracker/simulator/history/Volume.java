package org.pfptracker.simulator.history;

/** How much happens, given the plan's scale: activities and exercises grow with it, programmes do not. */
final class Volume {

    private final Cast cast;
    private final double scale;

    Volume(Cast cast, double scale) {
        this.cast = cast;
        this.scale = scale;
    }

    /** The rate at which a partner proposes activities now. */
    double activitiesPerYear(Partner partner) {
        return CooperationModel.ACTIVITIES_PER_YEAR * scale * cast.shareOf(partner);
    }

    double exercisesPerYear() {
        return CooperationModel.EXERCISES_PER_YEAR * scale;
    }

    /** Working time until the next event of a Poisson process with this yearly rate. */
    static double workingGap(SimRandom random, double perYear) {
        return random.exponential(WorkingTime.WORKING_YEAR / perYear);
    }
}
